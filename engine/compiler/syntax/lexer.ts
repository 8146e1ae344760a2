// The Rego lexer: source text → tokens with positions, plus the comments it skipped.
//
// It never fails: a malformed token becomes an `illegal` token carrying the reason, and the
// parser reports it when it gets there (OPA reports scanner errors the same way, at the start
// of the offending token). Whitespace is not a token; instead each token records whether
// whitespace or a line break preceded it, which is all the grammar needs (`a.b` vs `a .b`,
// expressions separated by line breaks).

import { isKeyword, type Comment, type Token, type TokenKind } from "./tokens.js";

export interface LexResult {
  tokens: Token[];
  comments: Comment[];
}

const enum Ch {
  Tab = 9,
  LF = 10,
  CR = 13,
  Space = 32,
  Bang = 33,
  Quote = 34,
  Hash = 35,
  Dollar = 36,
  Percent = 37,
  Amp = 38,
  LParen = 40,
  RParen = 41,
  Star = 42,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  D0 = 48,
  D9 = 57,
  Colon = 58,
  Semi = 59,
  Lt = 60,
  Eq = 61,
  Gt = 62,
  UpperA = 65,
  UpperZ = 90,
  LBrack = 91,
  Backslash = 92,
  RBrack = 93,
  Underscore = 95,
  Backquote = 96,
  LowerA = 97,
  LowerE = 101,
  LowerZ = 122,
  LBrace = 123,
  Pipe = 124,
  RBrace = 125,
  BOM = 0xfeff,
}

function isLetter(c: number): boolean {
  return (c >= Ch.LowerA && c <= Ch.LowerZ) || (c >= Ch.UpperA && c <= Ch.UpperZ) || c === Ch.Underscore;
}

function isDecimal(c: number): boolean {
  return c >= Ch.D0 && c <= Ch.D9;
}

const unicodeDigit = /\p{Nd}/u;

/** Identifier characters after the first: letters, `_` and digits (OPA accepts Unicode digits). */
function isIdentPart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isLetter(c) || isDecimal(c)) return true;
  return c >= 0x80 && unicodeDigit.test(String.fromCodePoint(text.codePointAt(i) ?? 0));
}

const singleCharTokens: Partial<Record<number, TokenKind>> = {
  [Ch.LBrack]: "[",
  [Ch.RBrack]: "]",
  [Ch.LBrace]: "{",
  [Ch.RBrace]: "}",
  [Ch.LParen]: "(",
  [Ch.RParen]: ")",
  [Ch.Comma]: ",",
  [Ch.Semi]: ";",
  [Ch.Dot]: ".",
  [Ch.Plus]: "plus",
  [Ch.Minus]: "minus",
  [Ch.Star]: "mul",
  [Ch.Slash]: "div",
  [Ch.Percent]: "rem",
  [Ch.Amp]: "and",
  [Ch.Pipe]: "or",
};

export function tokenize(text: string): LexResult {
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let wsBefore = false;
  let nlBefore = false;

  if (text.charCodeAt(0) === Ch.BOM) {
    i = 1;
    lineStart = 1;
  }

  const push = (kind: TokenKind, start: number, end: number, startLine: number, startCol: number, error?: string) => {
    const tok: Token = { kind, text: text.slice(start, end), start, end, line: startLine, col: startCol, wsBefore, nlBefore };
    if (error !== undefined) tok.error = error;
    tokens.push(tok);
    wsBefore = false;
    nlBefore = false;
    return tok;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    // Whitespace and comments: not tokens, but remembered on the next token.
    if (c === Ch.Space || c === Ch.Tab || c === Ch.CR) {
      wsBefore = true;
      i++;
      continue;
    }
    if (c === Ch.LF) {
      wsBefore = true;
      nlBefore = true;
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === Ch.Hash) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== Ch.LF) j++;
      let end = j;
      if (end > i + 1 && text.charCodeAt(end - 1) === Ch.CR) end--;
      comments.push({ text: text.slice(i + 1, end), start: i, line, col: i - lineStart + 1 });
      wsBefore = true;
      i = j;
      continue;
    }

    const start = i;
    const col = i - lineStart + 1;
    const startLine = line;

    if (isLetter(c)) {
      i++;
      while (i < n && isIdentPart(text, i)) i++;
      const word = text.slice(start, i);
      push(isKeyword(word) ? word : "ident", start, i, startLine, col);
      continue;
    }

    if (isDecimal(c)) {
      let error: string | undefined;
      while (i < n && isDecimal(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === Ch.Dot) {
        i++;
        const fracStart = i;
        while (i < n && isDecimal(text.charCodeAt(i))) i++;
        if (i === fracStart) error ??= "expected fraction";
      }
      if ((text.charCodeAt(i) | 0x20) === Ch.LowerE) {
        i++;
        const sign = text.charCodeAt(i);
        if (sign === Ch.Plus || sign === Ch.Minus) i++;
        const expStart = i;
        while (i < n && isDecimal(text.charCodeAt(i))) i++;
        if (i === expStart) error ??= "expected exponent";
      }
      // `0a2b` is one malformed number, not a number followed by an identifier.
      if (i < n && isLetter(text.charCodeAt(i))) {
        error ??= "illegal number format";
        while (i < n && isIdentPart(text, i)) i++;
      }
      push(error ? "illegal" : "number", start, i, startLine, col, error);
      continue;
    }

    if (c === Ch.Quote) {
      i++;
      let error: string | undefined;
      for (;;) {
        if (i >= n || text.charCodeAt(i) === Ch.LF) {
          error ??= "non-terminated string";
          break;
        }
        const d = text.charCodeAt(i++);
        if (d === Ch.Quote) break;
        if (d === Ch.Backslash) {
          const e = text[i];
          if (e !== undefined && '\\"/bfnrt'.includes(e)) i++;
          // Like OPA, skip `u` and three more characters; the fourth is read normally and the
          // whole escape is validated when the parser decodes the string.
          else if (e === "u") for (let k = 0; k < 4 && i < n && text.charCodeAt(i) !== Ch.LF; k++) i++;
          else error ??= "illegal escape sequence";
        }
      }
      push(error ? "illegal" : "string", start, i, startLine, col, error);
      continue;
    }

    if (c === Ch.Backquote) {
      i++;
      let terminated = false;
      while (i < n) {
        const d = text.charCodeAt(i++);
        if (d === Ch.Backquote) {
          terminated = true;
          break;
        }
        if (d === Ch.LF) {
          line++;
          lineStart = i;
        }
      }
      const tok = push(terminated ? "string" : "illegal", start, i, startLine, col, terminated ? undefined : "non-terminated string");
      tok.raw = true;
      continue;
    }

    const next = text.charCodeAt(i + 1);
    let kind: TokenKind | undefined = singleCharTokens[c];
    let len = 1;
    let error: string | undefined;
    switch (c) {
      case Ch.Colon:
        [kind, len] = next === Ch.Eq ? ["assign", 2] : [":", 1];
        break;
      case Ch.Eq:
        [kind, len] = next === Ch.Eq ? ["equal", 2] : ["eq", 1];
        break;
      case Ch.Gt:
        [kind, len] = next === Ch.Eq ? ["gte", 2] : ["gt", 1];
        break;
      case Ch.Lt:
        [kind, len] = next === Ch.Eq ? ["lte", 2] : ["lt", 1];
        break;
      case Ch.Bang:
        if (next === Ch.Eq) [kind, len] = ["neq", 2];
        else error = "illegal ! character";
        break;
      case Ch.Dollar:
        error =
          next === Ch.Quote || next === Ch.Backquote
            ? "template strings are not supported"
            : "illegal $ character";
        break;
      case 0:
        error = "illegal null character";
        break;
      case Ch.BOM:
        error = "illegal byte-order mark";
        break;
    }
    if (kind === undefined) {
      // Any other character (e.g. `@`, or a non-ASCII letter outside a string) is not Rego.
      const cp = text.codePointAt(i) ?? c;
      len = cp > 0xffff ? 2 : 1;
      push("illegal", start, i + len, startLine, col, error);
    } else {
      push(kind, start, i + len, startLine, col);
    }
    i += len;
  }

  tokens.push({
    kind: "eof",
    text: "",
    start: n,
    end: n,
    line,
    col: n - lineStart + 1,
    wsBefore,
    nlBefore,
  });
  return { tokens, comments };
}

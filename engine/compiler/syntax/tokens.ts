// Token kinds of the Rego lexer. The names of operator tokens are OPA's built-in names (`plus`,
// `equal`, `assign`, …) because the parser turns an infix operator directly into a call of the
// built-in with that name, and because OPA's error messages name tokens this way
// ("unexpected assign token").

import type { Location } from "./ast.js";

/** Words that are keywords in Rego v1 (the four former "future" keywords included). */
export const KEYWORDS = [
  "package",
  "import",
  "as",
  "default",
  "else",
  "not",
  "some",
  "with",
  "null",
  "true",
  "false",
  "in",
  "every",
  "contains",
  "if",
] as const;

export type Keyword = (typeof KEYWORDS)[number];

const keywordSet: ReadonlySet<string> = new Set(KEYWORDS);

export function isKeyword(word: string): word is Keyword {
  return keywordSet.has(word);
}

export type OperatorKind =
  | "plus"
  | "minus"
  | "mul"
  | "div"
  | "rem"
  | "and"
  | "or"
  | "eq"
  | "equal"
  | "assign"
  | "neq"
  | "gt"
  | "lt"
  | "gte"
  | "lte";

export type PunctuationKind = "[" | "]" | "{" | "}" | "(" | ")" | "," | ":" | ";" | ".";

export type TokenKind =
  | "ident"
  | "number"
  | "string"
  | "eof"
  /** A character sequence that is not a token; `error` says why when the lexer knows. */
  | "illegal"
  | Keyword
  | OperatorKind
  | PunctuationKind;

export interface Token {
  kind: TokenKind;
  /** The exact source text of the token. */
  text: string;
  /** 0-based offsets into the source: [start, end). */
  start: number;
  end: number;
  line: number; // 1-based
  col: number; // 1-based, UTF-16 code units
  /** Whitespace or a comment separates this token from the previous one. */
  wsBefore: boolean;
  /** A line break separates this token from the previous one (expressions end at line breaks). */
  nlBefore: boolean;
  /** For string tokens: written with back-quotes. */
  raw?: boolean;
  /** For illegal tokens: the lexer's diagnosis, reported when the parser reaches the token. */
  error?: string;
  /** The token's location, filled in by the parser when first needed. */
  loc?: Location;
}

export interface Comment {
  /** The text after `#`, without a trailing carriage return. */
  text: string;
  start: number;
  line: number;
  col: number;
}

/** How a token kind is named in error messages, as OPA names it. */
export function tokenName(kind: TokenKind): string {
  switch (kind) {
    case "ident":
      return "identifier";
    default:
      return kind;
  }
}

/** Keywords are reported as "keyword", everything else as "token" ("unexpected if keyword"). */
export function tokenClass(kind: TokenKind): "keyword" | "token" {
  return isKeyword(kind) ? "keyword" : "token";
}

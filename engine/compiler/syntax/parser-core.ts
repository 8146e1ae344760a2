// Parser plumbing shared by the expression and statement parsers: the token cursor,
// backtracking marks, locations, and OPA-style error reporting.
//
// Errors are thrown as ParseFailure and caught at the few points where the grammar is ambiguous
// and OPA backtracks (e.g. `p if { … }`: a set literal or a body); the first error that is not
// caught is the one reported, like the first of OPA's errors.

import type { CompileError } from "../errors.js";
import type { Location, VarTerm } from "./ast.js";
import { varTerm } from "./terms.js";
import { isKeyword, tokenClass, tokenName, type Token, type TokenKind } from "./tokens.js";

/**
 * Thrown for a parse error. Deliberately not an Error: the parser throws these while exploring
 * ambiguous syntax, and capturing a stack trace for each would dominate parse time.
 */
export class ParseFailure {
  constructor(readonly error: CompileError) {}
}

export interface Mark {
  pos: number;
  prevEnd: number;
  wildcards: number;
}

export class ParserCore {
  protected pos = 0;
  /** End offset of the last consumed token, for the source text of rules. */
  protected prevEnd = 0;
  protected wildcards = 0;
  /** Current nesting of terms, bounded by the expression parser. */
  protected depth = 0;
  /** `not { … }` over a whole body: enabled by `import future.keywords.not` or `import rego.v2`. */
  protected notBody = false;

  constructor(
    protected readonly file: string,
    protected readonly text: string,
    protected readonly tokens: Token[],
    /** Skip the literal attempt for `if { … }` when the braces can only be a body (see below). */
    protected readonly bodyLookahead = true,
  ) {}

  // -------------------------------------------------------------------------------------------
  // Token plumbing

  protected cur(): Token {
    return this.tokens[this.pos] as Token;
  }

  protected peek(n = 1): Token {
    return this.tokens[Math.min(this.pos + n, this.tokens.length - 1)] as Token;
  }

  protected advance(): void {
    this.prevEnd = this.cur().end;
    if (this.pos < this.tokens.length - 1) this.pos++;
    this.checkScanError();
  }

  /** A lexer error is reported as soon as the parser reaches the token, like OPA's scanner. */
  protected checkScanError(): void {
    const t = this.cur();
    if (t.kind === "illegal" && t.error !== undefined) this.fail(this.locOf(t), t.error);
  }

  protected mark(): Mark {
    // The wildcard counter is part of the state so that backtracking leaves no gaps in `$wildcardN`.
    return { pos: this.pos, prevEnd: this.prevEnd, wildcards: this.wildcards };
  }

  protected reset(m: Mark): void {
    this.pos = m.pos;
    this.prevEnd = m.prevEnd;
    this.wildcards = m.wildcards;
  }

  /** The token's location; one object per token, shared by the nodes that start there. */
  locOf(t: Token): Location {
    return (t.loc ??= { file: this.file, line: t.line, col: t.col, offset: t.start });
  }

  protected get loc(): Location {
    return this.locOf(this.cur());
  }

  protected fail(loc: Location, message: string): never {
    throw new ParseFailure({ code: "rego_parse_error", message, location: loc });
  }

  /** OPA's "unexpected <token> token[: note]" at the current token. */
  protected illegal(note = ""): never {
    const t = this.cur();
    if (t.kind === "illegal") this.fail(this.loc, "illegal token");
    const what = `unexpected ${tokenName(t.kind)} ${tokenClass(t.kind)}`;
    this.fail(this.loc, note ? `${what}: ${note}` : what);
  }

  protected expect(kind: TokenKind, note: string): void {
    if (this.cur().kind !== kind) this.illegal(note);
    this.advance();
  }

  /** Try a parse; on a parse error, rewind and return null. */
  protected attempt<T>(fn: () => T): T | null {
    const m = this.mark();
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof ParseFailure)) throw e;
      this.reset(m);
      return null;
    }
  }

  /** The next token directly follows the current one (no whitespace): `a.b`, `f(x)`, `a[0]`. */
  protected adjacentNext(...kinds: TokenKind[]): boolean {
    const next = this.peek();
    return !next.wsBefore && kinds.includes(next.kind);
  }

  /** A keyword immediately followed by `.` or `[` starts a ref (`else.x`), as OPA allows. */
  protected keywordStartsRef(): boolean {
    return isKeyword(this.cur().kind) && this.adjacentNext(".", "[");
  }

  protected newWildcard(loc: Location): VarTerm {
    return varTerm(`$wildcard${this.wildcards++}`, loc);
  }

  protected varFromToken(): VarTerm {
    const t = this.cur();
    const loc = this.locOf(t);
    this.advance();
    return t.text === "_" ? this.newWildcard(loc) : varTerm(t.text, loc);
  }

  textFrom(offset: number): string {
    return this.text.slice(offset, this.prevEnd);
  }

}

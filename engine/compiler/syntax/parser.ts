// Recursive-descent parser for Rego v1: tokens → statements (package, imports, rules, and
// top-level bodies that the module assembler turns into rules, as OPA does for `p := 1`).
//
// Binary operators are parsed by precedence levels, loosest first:
//   `:=` `=` (expression level only) < `in` < `==` `!=` `<` `<=` `>` `>=` < `|` < `&` < `+` `-`
//   < `*` `/` `%` < terms.
// Errors are thrown as ParseFailure and caught at the few points where the grammar is ambiguous
// and OPA backtracks (e.g. `p if { … }`: a set literal or a body); the first error that is not
// caught is the one reported, like the first of OPA's errors.

import type { CompileError } from "../errors.js";
import type {
  Body,
  CallTerm,
  Expr,
  ExprNode,
  Import,
  Location,
  Package,
  RefTerm,
  Rule,
  RuleKind,
  Term,
  VarTerm,
  WithModifier,
} from "./ast.js";
import { checkNumber, decodeRawString, decodeString } from "./literals.js";
import { builtinCall, cloneTerm, isGround, mapTerm, operatorName, refOf, varTerm } from "./terms.js";
import { isKeyword, tokenClass, tokenName, type Token, type TokenKind } from "./tokens.js";

/**
 * Thrown for a parse error. Deliberately not an Error: the parser throws these while exploring
 * ambiguous syntax, and capturing a stack trace for each would dominate parse time.
 */
export class ParseFailure {
  constructor(readonly error: CompileError) {}
}

/** Facts about how a rule was written, needed for the Rego v1 checks after parsing. */
export interface RuleFlags {
  hasIf: boolean;
  hasContains: boolean;
  /** No body was written (`p := 1`, `p contains "a"`). */
  generatedBody: boolean;
  /** No value was written (`p if …`, `a.b.c` alone). */
  generatedValue: boolean;
  /** A key without a value and without `contains`: the v0 partial set `p[x] { … }`. */
  multiValue: boolean;
}

export type Statement =
  | { kind: "package"; node: Package }
  | { kind: "import"; node: Import }
  | { kind: "rules"; nodes: Rule[] }
  | { kind: "body"; body: Body; loc: Location; text: string };

const RELATION_OPS: ReadonlySet<TokenKind> = new Set(["equal", "neq", "lt", "gt", "lte", "gte"]);
const HEAD_ADJACENT_OPS: ReadonlySet<TokenKind> = new Set([
  "plus", "minus", "mul", "div", "rem", "and", "or", "equal", "neq", "gt", "gte", "lt", "lte",
]);
const ROOT_DOCUMENTS: ReadonlySet<string> = new Set(["data", "input"]);
const FUTURE_KEYWORDS: ReadonlySet<string> = new Set(["contains", "every", "if", "in", "not"]);

interface HeadInfo {
  ref: Term[];
  args: Term[] | null;
  key: Term | null;
  value: Term | null;
  assign: boolean;
  usesContains: boolean;
  generatedValue: boolean;
  loc: Location;
}

interface Mark {
  pos: number;
  prevEnd: number;
  wildcards: number;
}

export class Parser {
  private pos = 0;
  /** End offset of the last consumed token, for the source text of rules. */
  private prevEnd = 0;
  private wildcards = 0;
  /** `not { … }` over a whole body: enabled by `import future.keywords.not` or `import rego.v2`. */
  private notBody = false;
  readonly flags = new Map<Rule, RuleFlags>();

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly tokens: Token[],
    /** Skip the literal attempt for `if { … }` when the braces can only be a body (see below). */
    private readonly bodyLookahead = true,
  ) {
    this.checkScanError();
  }

  // -------------------------------------------------------------------------------------------
  // Token plumbing

  private cur(): Token {
    return this.tokens[this.pos] as Token;
  }

  private peek(n = 1): Token {
    return this.tokens[Math.min(this.pos + n, this.tokens.length - 1)] as Token;
  }

  private advance(): void {
    this.prevEnd = this.cur().end;
    if (this.pos < this.tokens.length - 1) this.pos++;
    this.checkScanError();
  }

  /** A lexer error is reported as soon as the parser reaches the token, like OPA's scanner. */
  private checkScanError(): void {
    const t = this.cur();
    if (t.kind === "illegal" && t.error !== undefined) this.fail(this.locOf(t), t.error);
  }

  private mark(): Mark {
    // The wildcard counter is part of the state so that backtracking leaves no gaps in `$wildcardN`.
    return { pos: this.pos, prevEnd: this.prevEnd, wildcards: this.wildcards };
  }

  private reset(m: Mark): void {
    this.pos = m.pos;
    this.prevEnd = m.prevEnd;
    this.wildcards = m.wildcards;
  }

  locOf(t: Token): Location {
    return { file: this.file, line: t.line, col: t.col, offset: t.start };
  }

  private get loc(): Location {
    return this.locOf(this.cur());
  }

  private fail(loc: Location, message: string): never {
    throw new ParseFailure({ code: "rego_parse_error", message, location: loc });
  }

  /** OPA's "unexpected <token> token[: note]" at the current token. */
  private illegal(note = ""): never {
    const t = this.cur();
    if (t.kind === "illegal") this.fail(this.loc, "illegal token");
    const what = `unexpected ${tokenName(t.kind)} ${tokenClass(t.kind)}`;
    this.fail(this.loc, note ? `${what}: ${note}` : what);
  }

  private expect(kind: TokenKind, note: string): void {
    if (this.cur().kind !== kind) this.illegal(note);
    this.advance();
  }

  /** Try a parse; on a parse error, rewind and return null. */
  private attempt<T>(fn: () => T): T | null {
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
  private adjacentNext(...kinds: TokenKind[]): boolean {
    const next = this.peek();
    return !next.wsBefore && kinds.includes(next.kind);
  }

  /** A keyword immediately followed by `.` or `[` starts a ref (`else.x`), as OPA allows. */
  private keywordStartsRef(): boolean {
    return isKeyword(this.cur().kind) && this.adjacentNext(".", "[");
  }

  private newWildcard(loc: Location): VarTerm {
    return varTerm(`$wildcard${this.wildcards++}`, loc);
  }

  private varFromToken(): VarTerm {
    const t = this.cur();
    const loc = this.locOf(t);
    this.advance();
    return t.text === "_" ? this.newWildcard(loc) : varTerm(t.text, loc);
  }

  textFrom(offset: number): string {
    return this.text.slice(offset, this.prevEnd);
  }

  // -------------------------------------------------------------------------------------------
  // Statements

  /** Parses a whole module's statements (or, with `rules` false, a query's). */
  parseStatements(rules: boolean): Statement[] {
    const out: Statement[] = [];
    while (this.cur().kind !== "eof") {
      if (this.cur().kind === "package" && !this.adjacentNext(".", "[")) {
        out.push({ kind: "package", node: this.parsePackage() });
        continue;
      }
      if (this.cur().kind === "import" && !this.adjacentNext(".", "[")) {
        out.push({ kind: "import", node: this.parseImport() });
        continue;
      }
      if (rules) {
        const m = this.mark();
        const parsed = this.parseRules();
        if (parsed) {
          out.push({ kind: "rules", nodes: parsed });
          continue;
        }
        this.reset(m);
      }
      const start = this.cur();
      const body = this.parseQuery(true, "eof");
      out.push({ kind: "body", body, loc: this.locOf(start), text: this.textFrom(start.start) });
    }
    return out;
  }

  private parsePackage(): Package {
    const loc = this.loc;
    this.advance();
    if (this.cur().kind !== "ident" && !isKeyword(this.cur().kind)) this.illegal();
    const term = this.parseTerm(true);
    const path: string[] = [];
    if (term.type === "var") path.push(term.name);
    else if (term.type === "ref") {
      const [head, ...rest] = term.terms;
      if (head?.type !== "var") this.fail(head?.loc ?? loc, `unexpected ${head?.type} token: expecting var`);
      path.push(head.name);
      for (const t of rest) {
        if (t.type !== "string") this.fail(t.loc, `unexpected ${t.type} token: expecting string`);
        path.push(t.value);
      }
    } else this.illegal();
    return { path, loc };
  }

  private parseImport(): Import {
    const loc = this.loc;
    this.advance();
    if (this.cur().kind !== "ident" && !isKeyword(this.cur().kind)) this.illegal();
    const term = this.parseTerm(true);
    let path: RefTerm;
    if (term.type === "var") path = refOf([term], term.loc);
    else if (term.type === "ref") {
      for (const t of term.terms.slice(1)) {
        if (t.type !== "string") this.fail(t.loc, `unexpected ${t.type} token: expecting string`);
      }
      path = term;
    } else this.fail(this.loc, "expected path");
    const head = path.terms[0] as VarTerm;
    if (!["data", "input", "future", "rego"].includes(head.name)) {
      this.fail(
        path.loc,
        `unexpected import path, must begin with one of: {data, future, input, rego}, got: ${head.name}`,
      );
    }
    let alias: string | null = null;
    if (this.cur().kind === "as") {
      this.advance();
      if (this.cur().kind !== "ident") this.illegal("expected var");
      alias = this.cur().text;
      this.advance();
    } else {
      const last = path.terms[path.terms.length - 1] as Term;
      const lastName = last.type === "var" ? last.name : last.type === "string" ? last.value : "";
      if ((path.terms.length === 1 || head.name !== "future") && isKeyword(lastName)) {
        this.fail(last.loc, `unexpected import path, must not end with a keyword, got: ${lastName}`);
      }
    }
    const imp: Import = { path, alias, loc };
    if (head.name === "future") this.futureImport(imp);
    if (head.name === "rego") this.regoImport(imp);
    return imp;
  }

  private futureImport(imp: Import): void {
    const parts = imp.path.terms;
    const second = parts[1];
    if (parts.length === 1 || second?.type !== "string" || second.value !== "keywords") {
      this.fail(imp.path.loc, "invalid import, must be `future.keywords`");
    }
    if (imp.alias !== null) this.fail(imp.path.loc, "`future` imports cannot be aliased");
    const third = parts[2];
    if (parts.length === 3 && third?.type === "string") {
      if (!FUTURE_KEYWORDS.has(third.value)) {
        this.fail(imp.path.loc, "unexpected keyword, must be one of [contains every if in not]");
      }
      if (third.value === "not") this.notBody = true;
    }
  }

  private regoImport(imp: Import): void {
    const parts = imp.path.terms;
    const version = parts[1];
    const name = version?.type === "string" ? version.value : "";
    if (parts.length !== 2 || (name !== "v1" && name !== "v2")) {
      const shown = ["rego", ...parts.slice(1).map((t) => (t.type === "string" ? t.value : "?"))].join(".");
      this.fail(imp.path.loc, `invalid import \`${shown}\`, must be \`rego.v1\``);
    }
    if (name === "v2") this.notBody = true;
  }

  // -------------------------------------------------------------------------------------------
  // Rules

  /**
   * Parses a rule (with its else chain and any chained bodies). Returns null, consuming nothing
   * that matters, when the statement is not a rule with a body or keyword: such statements
   * (`p := 1`, `f(x) = y`) are parsed as bodies and turned into rules by the module assembler.
   */
  private parseRules(): Rule[] | null {
    const startTok = this.cur();
    const ruleLoc = this.loc;
    let isDefault = false;
    if (this.cur().kind === "default" && !this.keywordStartsRef()) {
      this.advance();
      isDefault = true;
    }
    if (this.cur().kind !== "ident" && !this.keywordStartsRef()) return null;
    const head = this.parseHead(isDefault);
    if (!head) return null;

    if (isDefault) return [this.defaultRule(head, ruleLoc, startTok.start)];

    const hasIf = this.cur().kind === "if";
    let multiValue = false;
    if (hasIf && !head.usesContains && head.ref.length === 2) {
      // `p[x] if …` is a single-value rule p[x] (an object), value true unless written.
      if (head.value === null) {
        head.value = { type: "boolean", value: true, loc: head.loc };
        head.generatedValue = true;
      }
    }
    if (!hasIf && !head.usesContains && head.args === null && head.ref.length === 2 && head.value === null) {
      // v0's partial set `p[x] { … }`: rejected by the v1 checks ("`contains` keyword is required").
      multiValue = true;
      head.key = head.ref[1] as Term;
      head.ref = head.ref.slice(0, 1);
    }

    let body: Body;
    let generatedBody = false;
    if (hasIf) {
      this.advance();
      body = this.parseIfBody();
    } else if (this.cur().kind === "{") {
      this.advance();
      body = this.parseBody("}");
      this.advance();
    } else if (head.usesContains) {
      body = [];
      generatedBody = true;
    } else {
      return null;
    }

    const kind = ruleKind(head, multiValue);
    const key = kind === "partial-object" ? (head.ref[head.ref.length - 1] as Term) : head.key;
    const flags: RuleFlags = {
      hasIf,
      hasContains: head.usesContains,
      generatedBody,
      generatedValue: head.generatedValue,
      multiValue,
    };
    const rule: Rule = {
      kind,
      head: { ref: head.ref, args: head.args, key, value: head.value, assign: head.assign, loc: head.loc },
      body,
      isDefault: false,
      else: null,
      annotations: null,
      loc: ruleLoc,
      text: "",
    };
    this.flags.set(rule, flags);

    if (!generatedBody && this.cur().kind === "else" && !this.keywordStartsRef()) {
      if (head.ref.length > 1 && !head.ref.slice(1).every(isGround)) {
        this.fail(this.loc, "else keyword cannot be used on rules with variables in head");
      }
      if (head.key !== null || multiValue) this.fail(this.loc, "else keyword cannot be used on multi-value rules");
      rule.else = this.parseElse(rule, flags);
    }
    rule.text = this.textFrom(startTok.start);

    const rules = [rule];
    // `p if { a } { b }`: each further body is a rule of its own with the same head.
    while (!generatedBody && this.cur().kind === "{") {
      if (rule.else) this.fail(this.loc, "expected else keyword");
      const loc = this.loc;
      const start = this.cur().start;
      this.advance();
      const nextBody = this.parseBody("}");
      this.advance();
      const next: Rule = {
        ...rule,
        head: this.copyHead(rule, loc),
        body: nextBody,
        else: null,
        loc,
        text: this.textFrom(start),
      };
      this.flags.set(next, { ...flags });
      rules.push(next);
    }
    return rules;
  }

  /**
   * At `{`: whether the braces hold something only a body can (`;`, `:=`, `=`, `some`, `every`,
   * `not`, `with` directly inside, and no `|` before it that could make it a comprehension). Then trying a set or object literal first, as the grammar
   * otherwise requires, would fail anyway; skipping it keeps parsing linear.
   */
  private braceHoldsStatements(): boolean {
    let depth = 0;
    for (let i = this.pos; i < this.tokens.length; i++) {
      const t = this.tokens[i] as Token;
      switch (t.kind) {
        case "{":
        case "[":
        case "(":
          depth++;
          break;
        case "}":
        case "]":
        case ")":
          if (--depth === 0) return false;
          break;
        case "eof":
          return false;
        case "or":
          // Maybe a comprehension (`{x: i | x := …}`), which is a literal: decide by parsing.
          if (depth === 1) return false;
          break;
        case ";":
        case "assign":
        case "eq":
        case "some":
        case "every":
        case "not":
        case "with": {
          const next = this.tokens[i + 1];
          const keywordRef = next !== undefined && !next.wsBefore && (next.kind === "." || next.kind === "[");
          if (depth === 1 && !keywordRef) return true;
          break;
        }
      }
    }
    return false;
  }

  /** After `if`: one expression (`p if x > 1`), or a `{ body }`. */
  private parseIfBody(): Body {
    const m = this.mark();
    const startsWithBrace = this.cur().kind === "{";
    if (startsWithBrace && this.bodyLookahead && this.braceHoldsStatements()) {
      this.advance();
      const body = this.parseBody("}");
      this.advance();
      return body;
    }
    let literalError: ParseFailure | null = null;
    try {
      const expr = this.parseLiteral();
      // A set literal is never false or undefined, so `p if { x }` is a body, not a set.
      const isSet = expr.node.type === "term" && expr.node.term.type === "set";
      if (!isSet || !startsWithBrace) return [expr];
    } catch (e) {
      if (!(e instanceof ParseFailure)) throw e;
      literalError = e;
    }
    if (!startsWithBrace && literalError) throw literalError;
    this.reset(m);
    this.advance();
    const body = this.parseBody("}");
    this.advance();
    return body;
  }

  private parseElse(parent: Rule, parentFlags: RuleFlags): Rule {
    const loc = this.loc;
    const start = this.cur().start;
    this.advance();
    let value: Term;
    let assign = parent.head.assign;
    let generatedValue = false;
    switch (this.cur().kind) {
      case "{":
      case "if":
        value = { type: "boolean", value: true, loc };
        generatedValue = true;
        break;
      case "assign":
      case "eq":
        assign = this.cur().kind === "assign";
        this.advance();
        value = this.parseTermInfixCall();
        break;
      default:
        this.illegal("expected else value term or rule body");
    }
    const head = { ...this.copyHead(parent, loc), value, assign };
    const rule: Rule = {
      kind: parent.kind,
      head,
      body: [],
      isDefault: false,
      else: null,
      annotations: null,
      loc,
      text: "",
    };
    const flags: RuleFlags = {
      hasIf: parentFlags.hasIf,
      hasContains: false,
      generatedBody: false,
      generatedValue,
      multiValue: false,
    };
    this.flags.set(rule, flags);
    if (this.cur().kind !== "if" && this.cur().kind !== "{") {
      flags.generatedBody = true;
      rule.text = this.textFrom(start);
      return rule;
    }
    if (this.cur().kind === "if") {
      flags.hasIf = true;
      this.advance();
    }
    if (this.cur().kind === "{") {
      this.advance();
      rule.body = this.parseBody("}");
      this.advance();
    } else if (this.cur().kind !== "eof") {
      rule.body = [this.parseLiteral()];
    } else {
      this.illegal("rule body expected");
    }
    if (this.cur().kind === "else") rule.else = this.parseElse(parent, parentFlags);
    rule.text = this.textFrom(start);
    return rule;
  }

  /** A copy of a rule's head for an else branch or a chained body; wildcard args renamed. */
  private copyHead(rule: Rule, loc: Location) {
    const h = rule.head;
    const fresh = (v: VarTerm): Term => (v.name.startsWith("$wildcard") ? this.newWildcard(v.loc) : v);
    return {
      ref: h.ref.map(cloneTerm),
      args: h.args && h.args.map((a) => mapTerm(a, fresh)),
      key: h.key && cloneTerm(h.key),
      value: h.value && cloneTerm(h.value),
      assign: h.assign,
      loc,
    };
  }

  private defaultRule(head: HeadInfo, loc: Location, start: number): Rule {
    if (head.value === null) this.fail(loc, "illegal default rule (must have a value)");
    const bad = firstNonConstant(head.value);
    if (bad) this.fail(loc, `illegal default rule (value cannot contain ${bad})`);
    if (head.args) {
      const seen = new Set<string>();
      for (const a of head.args) {
        if (a.type !== "var") this.fail(loc, `illegal default rule (arguments cannot contain ${a.type})`);
        if (seen.has(a.name)) this.fail(loc, `illegal default rule (arguments cannot be repeated ${a.name})`);
        seen.add(a.name);
      }
    }
    const rule: Rule = {
      kind: ruleKind(head, false),
      head: { ref: head.ref, args: head.args, key: null, value: head.value, assign: head.assign, loc: head.loc },
      body: [],
      isDefault: true,
      else: null,
      annotations: null,
      loc,
      text: this.textFrom(start),
    };
    if (rule.kind === "partial-object") rule.head.key = head.ref[head.ref.length - 1] as Term;
    this.flags.set(rule, {
      hasIf: false,
      hasContains: false,
      generatedBody: false,
      generatedValue: head.generatedValue,
      multiValue: false,
    });
    return rule;
  }

  private parseHead(isDefault: boolean): HeadInfo | null {
    const loc = this.loc;
    const name = this.varFromToken();
    let term: Term = name;
    // In heads, whitespace may separate the name from `[`, `(` or `.` (`f (x)`), unlike in refs.
    if (HEAD_ADJACENT_OPS.has(this.cur().kind) && !this.cur().wsBefore) this.illegal();
    if (this.cur().kind === "(" || this.cur().kind === "." || this.cur().kind === "[") term = this.parseRef(name);

    let ref: Term[];
    let args: Term[] | null = null;
    if (term.type === "var") ref = [term];
    else if (term.type === "ref") ref = term.terms;
    else if (term.type === "call") {
      ref = term.operator.terms;
      args = term.args;
    } else return null;
    if (ref[0]?.type !== "var") this.fail(loc, "invalid rule head");
    const shown = () => refString(ref);

    const head: HeadInfo = {
      ref,
      args,
      key: null,
      value: null,
      assign: false,
      usesContains: false,
      generatedValue: false,
      loc,
    };
    switch (this.cur().kind) {
      case "contains": {
        if (args !== null) {
          this.illegal(
            `the contains keyword can only be used with multi-value rule definitions (e.g., ${shown()} contains <VALUE> { ... })`,
          );
        }
        this.advance();
        head.key = this.parseTermInfixCall();
        head.usesContains = true;
        return head;
      }
      case "eq":
      case "assign": {
        const n = shown();
        head.assign = this.cur().kind === "assign";
        this.advance();
        if (!this.startsTerm()) {
          if (!head.assign) this.illegal(`expected rule value term (e.g., ${n} = <VALUE> { ... })`);
          if (args) this.illegal(`expected function value term (e.g., ${n}(...) := <VALUE> { ... })`);
          if (isDefault) this.illegal(`expected default rule value term (e.g., default ${n} := <VALUE>)`);
          this.illegal(`expected rule value term (e.g., ${n} := <VALUE> { ... })`);
        }
        head.value = this.parseTermInfixCall();
        break;
      }
    }
    if (head.value === null && (ref.length !== 2 || args !== null)) {
      head.value = { type: "boolean", value: true, loc };
      head.generatedValue = true;
    }
    return head;
  }

  /** Whether the current token can begin a term (so "missing value" errors can be precise). */
  private startsTerm(): boolean {
    switch (this.cur().kind) {
      case "null":
      case "true":
      case "false":
      case "number":
      case "string":
      case "ident":
      case "contains":
      case "minus":
      case ".":
      case "[":
      case "{":
      case "(":
        return true;
      default:
        return this.keywordStartsRef();
    }
  }

  // -------------------------------------------------------------------------------------------
  // Bodies and expressions

  /** `{ … }` contents up to (not including) `end`. */
  parseBody(end: TokenKind): Body {
    return this.parseQuery(false, end);
  }

  /**
   * Expressions separated by `;` or line breaks until `end`. With `requireSemi` (top-level
   * statements), only `;` continues the statement.
   */
  parseQuery(requireSemi: boolean, end: TokenKind): Body {
    if (this.cur().kind === end) this.fail(this.loc, "found empty body");
    const body: Body = [];
    for (;;) {
      body.push(this.parseLiteral());
      if (this.cur().kind === ";") {
        this.advance();
        continue;
      }
      if (this.cur().kind === end || requireSemi) return body;
      if (!this.cur().nlBefore) this.illegal(`expected \\n or ; or ${tokenName(end)}`);
    }
  }

  parseLiteral(): Expr {
    const loc = this.loc;
    if (this.keywordStartsRef()) return this.parseLiteralExpr(false, loc);
    let negated = false;
    if (this.cur().kind === "not") {
      this.advance();
      negated = true;
    }
    switch (this.cur().kind) {
      case "some":
        if (negated) this.illegal("illegal negation of 'some'");
        return this.parseSome(loc);
      case "every":
        if (negated) this.illegal("illegal negation of 'every'");
        return this.parseEvery(loc);
      case "{":
        if (negated && this.notBody) return this.parseNotBody(loc);
    }
    return this.parseLiteralExpr(negated, loc);
  }

  private parseLiteralExpr(negated: boolean, loc: Location): Expr {
    const node = this.parseExpr();
    const withs = this.cur().kind === "with" ? this.parseWith() : [];
    return { node, negated, with: withs, loc };
  }

  private parseExpr(): ExprNode {
    const lhs = this.parseTermInfixCall();
    const t = this.cur();
    if (t.kind === "assign" || t.kind === "eq") {
      this.advance();
      const rhs = this.parseTermInfixCall();
      return { type: "term", term: builtinCall(t.kind, this.locOf(t), [lhs, rhs], lhs.loc) };
    }
    return { type: "term", term: lhs };
  }

  /**
   * `not { a; b }` (negation of a whole body). The AST has no node for it, so it is written as
   * the equivalent `not [true | a; b][0]`: the ref is defined exactly when the body has a
   * solution, and variables first bound inside stay local, as in the body.
   */
  private parseNotBody(loc: Location): Expr {
    const braceLoc = this.loc;
    this.advance();
    const body = this.parseBody("}");
    this.advance();
    const compr: Term = { type: "arraycomprehension", term: { type: "boolean", value: true, loc: braceLoc }, body, loc: braceLoc };
    const term = refOf([compr, { type: "number", text: "0", loc: braceLoc }], braceLoc);
    const withs = this.cur().kind === "with" ? this.parseWith() : [];
    return { node: { type: "term", term }, negated: true, with: withs, loc };
  }

  private parseWith(): WithModifier[] {
    const withs: WithModifier[] = [];
    while (this.cur().kind === "with") {
      const loc = this.loc;
      this.advance();
      if (this.cur().kind !== "ident") this.illegal("expected ident");
      const target = this.parseTerm();
      if (target.type !== "var" && target.type !== "ref") this.illegal("expected with target path");
      if (this.cur().kind !== "as") this.illegal("expected as keyword");
      this.advance();
      const value = this.parseTermInfixCall();
      withs.push({ target: target.type === "var" ? refOf([target], target.loc) : target, value, loc });
    }
    return withs;
  }

  private parseSome(loc: Location): Expr {
    const m = this.mark();
    this.advance();
    const term = this.attempt(() => this.parseTermInfixCall());
    if (term?.type === "call") {
      const op = operatorName(term);
      let node: ExprNode;
      if (op === "internal.member_2") {
        node = { type: "some-in", key: null, value: term.args[0] as Term, collection: term.args[1] as Term };
      } else if (op === "internal.member_3") {
        node = {
          type: "some-in",
          key: term.args[0] as Term,
          value: term.args[1] as Term,
          collection: term.args[2] as Term,
        };
      } else {
        this.illegal("expected `x in xs` or `x, y in xs` expression");
      }
      const withs = this.cur().kind === "with" ? this.parseWith() : [];
      return { node, negated: false, with: withs, loc };
    }
    this.reset(m);
    const vars: VarTerm[] = [];
    do {
      this.advance();
      if (this.cur().kind !== "ident") this.illegal("expected var");
      vars.push(this.varFromToken());
    } while (this.cur().kind === ",");
    return { node: { type: "some-decl", vars }, negated: false, with: [], loc };
  }

  private parseEvery(loc: Location): Expr {
    this.advance();
    const term = this.parseTermInfixCall();
    const op = term.type === "call" ? operatorName(term) : null;
    if (term.type !== "call" || (op !== "internal.member_2" && op !== "internal.member_3")) {
      this.illegal("expected `x[, y] in xs { ... }` expression");
    }
    const withKey = op === "internal.member_3";
    const key = withKey ? (term.args[0] as Term) : null;
    const value = term.args[withKey ? 1 : 0] as Term;
    const domain = term.args[withKey ? 2 : 1] as Term;
    if (key && key.type !== "var") this.illegal("expected key to be a variable");
    if (value.type !== "var") this.illegal("expected value to be a variable");
    if (this.cur().kind !== "{") this.illegal("missing body");
    this.advance();
    const body = this.parseBody("}");
    this.advance();
    const withs = this.cur().kind === "with" ? this.parseWith() : [];
    return { node: { type: "every", key: key as VarTerm | null, value, domain, body }, negated: false, with: withs, loc };
  }

  // -------------------------------------------------------------------------------------------
  // Terms with operators (precedence climbing, one method per level)

  /** A term with operators, where `k, v in xs` is allowed (expression level). */
  parseTermInfixCall(): Term {
    return this.parseTermIn(true);
  }

  /** A term with operators inside a list (`[a, b]`, `f(a, b)`): commas separate items. */
  private parseTermInfixCallInList(): Term {
    return this.parseTermIn(false);
  }

  private parseTermIn(keyVal: boolean, lhsIn?: Term): Term {
    let lhs = lhsIn ?? this.parseTermRelation();
    for (;;) {
      if (keyVal && this.cur().kind === ",") {
        // `k, v in xs`: only if an `in` follows the second term; otherwise the comma is not ours.
        const left = lhs;
        const call = this.attempt(() => {
          this.advance();
          const mhs = this.parseTermRelation();
          if (this.cur().kind !== "in") this.illegal();
          const opLoc = this.loc;
          this.advance();
          const rhs = this.parseTermRelation();
          return builtinCall("internal.member_3", opLoc, [left, mhs, rhs], left.loc);
        });
        if (call) {
          lhs = call;
          if (this.cur().kind === "in") continue;
          return lhs;
        }
      }
      if (this.cur().kind !== "in") return lhs;
      const opLoc = this.loc;
      this.advance();
      const rhs = this.parseTermRelation();
      lhs = builtinCall("internal.member_2", opLoc, [lhs, rhs], lhs.loc);
      if (this.cur().kind !== "in") return lhs;
    }
  }

  private parseTermRelation(): Term {
    let lhs = this.parseTermOr();
    while (RELATION_OPS.has(this.cur().kind)) lhs = this.binary(lhs, () => this.parseTermOr());
    return lhs;
  }

  private parseTermOr(): Term {
    let lhs = this.parseTermAnd();
    while (this.cur().kind === "or") lhs = this.binary(lhs, () => this.parseTermAnd());
    return lhs;
  }

  private parseTermAnd(): Term {
    let lhs = this.parseTermArith();
    while (this.cur().kind === "and") lhs = this.binary(lhs, () => this.parseTermArith());
    return lhs;
  }

  private parseTermArith(): Term {
    let lhs = this.parseTermFactor();
    while (this.cur().kind === "plus" || this.cur().kind === "minus") lhs = this.binary(lhs, () => this.parseTermFactor());
    return lhs;
  }

  private parseTermFactor(): Term {
    let lhs = this.parseTerm();
    while (this.cur().kind === "mul" || this.cur().kind === "div" || this.cur().kind === "rem") {
      lhs = this.binary(lhs, () => this.parseTerm());
    }
    return lhs;
  }

  private binary(lhs: Term, operand: () => Term): CallTerm {
    const op = this.cur();
    this.advance();
    const rhs = operand();
    return builtinCall(op.kind, this.locOf(op), [lhs, rhs], lhs.loc);
  }

  // -------------------------------------------------------------------------------------------
  // Terms

  /**
   * One term with its ref/call suffixes. `keywordsAsVars` lets package and import paths start
   * with a keyword.
   */
  parseTerm(keywordsAsVars = false): Term {
    const t = this.cur();
    const loc = this.loc;
    let term: Term;
    switch (t.kind) {
      case "null":
        this.advance();
        term = { type: "null", loc };
        break;
      case "true":
      case "false":
        this.advance();
        term = { type: "boolean", value: t.kind === "true", loc };
        break;
      case "number":
      case ".":
        term = this.parseNumber("");
        break;
      case "minus": {
        const next = this.peek();
        if (next.kind === "number" || (next.kind === "." && this.peek(2).kind === "number")) {
          this.advance();
          term = this.parseNumber("-", loc);
          break;
        }
        // Unary minus of a non-literal: `-x` is `minus(0, x)`.
        this.advance();
        const operand = this.parseTerm();
        return builtinCall("minus", loc, [{ type: "number", text: "0", loc }, operand], loc);
      }
      case "string": {
        this.advance();
        if (t.raw) term = { type: "string", value: decodeRawString(t.text), raw: true, loc };
        else {
          const decoded = decodeString(t.text);
          if (!decoded.ok) this.fail(loc, decoded.reason);
          term = { type: "string", value: decoded.value, raw: false, loc };
        }
        break;
      }
      case "ident":
      case "contains": // `contains` is only special in rule heads
        term = this.varFromToken();
        break;
      case "[":
        term = this.parseArray();
        break;
      case "{":
        term = this.parseSetOrObject();
        break;
      case "(": {
        this.advance();
        const inner = this.parseTermInfixCall();
        if (this.cur().kind !== ")") this.fail(this.loc, "non-terminated expression");
        this.advance();
        term = inner;
        break;
      }
      default:
        if (isKeyword(t.kind) && (keywordsAsVars || this.keywordStartsRef())) {
          term = this.varFromToken();
          break;
        }
        this.illegal();
    }
    return this.parseTermFinish(term);
  }

  private parseTermFinish(head: Term): Term {
    const t = this.cur();
    if (!t.wsBefore && (t.kind === "(" || t.kind === "." || t.kind === "[")) return this.parseRef(head);
    if (head.type === "var" && ROOT_DOCUMENTS.has(head.name)) return refOf([head], head.loc);
    return head;
  }

  private parseNumber(sign: "" | "-", loc = this.loc): Term {
    let text: string = sign;
    if (this.cur().kind === ".") {
      text += ".";
      this.advance();
      if (this.cur().kind !== "number" || this.cur().wsBefore) this.illegal("expected number");
    }
    const checked = checkNumber(text + this.cur().text);
    if (!checked.ok) {
      if (checked.reason === "number too big") this.fail(this.loc, checked.reason);
      this.illegal(checked.reason);
    }
    this.advance();
    return { type: "number", text: checked.value, loc };
  }

  /** Ref and call suffixes after `head`: `.name`, `[term]`, `(args)`, all without whitespace. */
  private parseRef(head: Term): Term {
    const loc = head.loc;
    switch (head.type) {
      case "var":
      case "array":
      case "object":
      case "set":
      case "arraycomprehension":
      case "setcomprehension":
      case "objectcomprehension":
      case "call":
        break;
      default:
        this.fail(loc, `illegal ref (head cannot be ${head.type})`);
    }
    const terms: Term[] = [head];
    for (let first = true; ; first = false) {
      const t = this.cur();
      if (!first && t.wsBefore) break;
      if (t.kind === ".") {
        this.advance();
        const name = this.cur();
        if (name.wsBefore) {
          const at = t.end;
          const pos = this.lineCol(at);
          this.fail({ file: this.file, line: pos.line, col: pos.col, offset: at }, "unexpected whitespace token: expected identifier");
        }
        if (name.kind !== "ident" && !isKeyword(name.kind)) this.illegal("expected identifier");
        terms.push({ type: "string", value: name.text, raw: false, loc: this.locOf(name) });
        this.advance();
      } else if (t.kind === "[") {
        this.advance();
        const index = this.parseTermInfixCall();
        if (this.cur().kind !== "]") this.illegal("expected ]");
        this.advance();
        terms.push(index);
      } else if (t.kind === "(") {
        const operator = refOf(terms, loc);
        const call = this.parseCall(operator, loc);
        const after = this.cur();
        if (!after.wsBefore && (after.kind === "." || after.kind === "[")) return this.parseRef(call);
        return call;
      } else break;
    }
    return refOf(terms, loc);
  }

  private lineCol(offset: number): { line: number; col: number } {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (this.text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, col: offset - lineStart + 1 };
  }

  private parseCall(operator: RefTerm, loc: Location): Term {
    this.advance(); // (
    if (this.cur().kind === ")") {
      this.advance();
      const only = operator.terms[0];
      if (operator.terms.length === 1 && only?.type === "var" && only.name === "set") return { type: "set", items: [], loc };
      return { type: "call", operator, args: [], loc };
    }
    const args = this.parseTermList(")", []);
    this.advance();
    return { type: "call", operator, args, loc };
  }

  /** Comma-separated terms up to `end` (not consumed); a trailing comma is allowed. */
  private parseTermList(end: TokenKind, items: Term[]): Term[] {
    if (this.cur().kind === end) return items;
    for (;;) {
      items.push(this.parseTermInfixCallInList());
      if (this.cur().kind === end) return items;
      if (this.cur().kind !== ",") this.illegal(`expected "," or "${end}"`);
      this.advance();
      if (this.cur().kind === end) return items;
    }
  }

  private parseArray(): Term {
    const loc = this.loc;
    this.advance();
    if (this.cur().kind === "]") {
      this.advance();
      return { type: "array", items: [], loc };
    }
    let potentialComprehension = true;
    if (this.cur().kind === ",") {
      // `[, x]`: tolerated for compatibility, as OPA does.
      potentialComprehension = false;
      this.advance();
    }
    const m = this.mark();
    // A single term first: `[x | …]` is a comprehension, not an array holding `x | …`.
    const head = this.parseTerm();
    switch (this.cur().kind) {
      case "]":
        this.advance();
        return { type: "array", items: [head], loc };
      case ",": {
        this.advance();
        const items = this.parseTermList("]", [head]);
        this.advance();
        return { type: "array", items, loc };
      }
      case "or":
        if (potentialComprehension) {
          const body = this.comprehensionBody("]");
          if (body) return { type: "arraycomprehension", term: head, body, loc };
        }
    }
    this.reset(m);
    const items = this.parseTermList("]", []);
    this.expect("]", `expected "," or "]"`);
    return { type: "array", items, loc };
  }

  /**
   * After the head of a possible comprehension, at `|`: the body up to `end`, consumed. If the
   * body does not parse but a comma follows, it was a collection after all (`[a | b, c]`): null.
   */
  private comprehensionBody(end: TokenKind): Body | null {
    this.advance();
    try {
      const body = this.parseBody(end);
      this.advance();
      return body;
    } catch (e) {
      if (e instanceof ParseFailure && this.cur().kind === ",") return null;
      throw e;
    }
  }

  private parseSetOrObject(): Term {
    const loc = this.loc;
    this.advance();
    if (this.cur().kind === "}") {
      this.advance();
      return { type: "object", items: [], loc };
    }
    let potentialComprehension = true;
    if (this.cur().kind === ",") {
      potentialComprehension = false;
      this.advance();
    }
    const m = this.mark();
    // A single term first, so that `{ a | b }` is a set comprehension rather than a set of `a | b`.
    const head = this.parseTerm();
    switch (this.cur().kind) {
      case "or":
        if (potentialComprehension) return this.parseSet(m, head, true, loc);
        break;
      case "}":
      case ",":
        return this.parseSet(m, head, potentialComprehension, loc);
      case ":":
        return this.parseObject(head, potentialComprehension, loc);
    }
    this.reset(m);
    const key = this.parseTermInfixCallInList();
    switch (this.cur().kind) {
      case "}":
      case ",":
        return this.parseSet(m, key, false, loc);
      case ":":
        return this.parseObject(key, potentialComprehension, loc);
    }
    this.illegal("non-terminated set");
  }

  private parseSet(m: Mark, head: Term, potentialComprehension: boolean, loc: Location): Term {
    switch (this.cur().kind) {
      case "}":
        this.advance();
        return { type: "set", items: [head], loc };
      case ",": {
        this.advance();
        const items = this.parseTermList("}", [head]);
        this.advance();
        return { type: "set", items, loc };
      }
      case "or": {
        if (potentialComprehension) {
          const body = this.comprehensionBody("}");
          if (body) return { type: "setcomprehension", term: head, body, loc };
        }
        this.reset(m);
        const items = this.parseTermList("}", []);
        this.expect("}", `expected "," or "}"`);
        return { type: "set", items, loc };
      }
    }
    this.illegal("non-terminated set");
  }

  private parseObject(key: Term, potentialComprehension: boolean, loc: Location): Term {
    this.advance(); // :
    const m = this.mark();
    // First the value as a single term, which decides `{ k: v | body }` comprehensions.
    const value = this.parseTerm();
    let potentialRelation = true;
    if (potentialComprehension) {
      const k = this.cur().kind;
      if (k === "}" || k === ",") potentialRelation = false;
      if (k === "}" || k === "," || k === "or") {
        const m2 = this.mark();
        const done = this.attempt(() => this.parseObjectFinish(key, value, true, loc));
        if (done) return done;
        this.reset(m2);
      }
    }
    this.reset(m);
    if (potentialRelation) {
      const v = this.parseTermInfixCallInList();
      if (this.cur().kind === "}" || this.cur().kind === ",") return this.parseObjectFinish(key, v, false, loc);
    }
    this.illegal("non-terminated object");
  }

  private parseObjectFinish(key: Term, value: Term, potentialComprehension: boolean, loc: Location): Term {
    switch (this.cur().kind) {
      case "}":
        this.advance();
        return { type: "object", items: [[key, value]], loc };
      case "or": {
        if (!potentialComprehension) this.illegal("non-terminated object");
        this.advance();
        const body = this.parseBody("}");
        this.advance();
        return { type: "objectcomprehension", key, value, body, loc };
      }
      case ",": {
        this.advance();
        const items: Array<[Term, Term]> = [[key, value]];
        while (this.cur().kind !== "}") {
          const k = this.parseTermInfixCallInList();
          if (this.cur().kind !== ":") this.illegal(`expected ":"`);
          this.advance();
          const v = this.parseTermInfixCallInList();
          items.push([k, v]);
          if (this.cur().kind === "}") break;
          if (this.cur().kind !== ",") this.illegal(`expected "," or "}"`);
          this.advance();
        }
        this.advance();
        return { type: "object", items, loc };
      }
    }
    this.illegal("non-terminated object");
  }
}

function ruleKind(head: HeadInfo, multiValue: boolean): RuleKind {
  if (head.usesContains || multiValue) return "partial-set";
  if (head.args !== null) return "function";
  return head.ref.slice(1).every(isGround) ? "complete" : "partial-object";
}

/** The kind of the first var, ref or call in a default value (comprehensions excepted). */
function firstNonConstant(t: Term): string | null {
  switch (t.type) {
    case "var":
    case "ref":
    case "call":
      return t.type;
    case "array":
    case "set":
      for (const x of t.items) {
        const bad = firstNonConstant(x);
        if (bad) return bad;
      }
      return null;
    case "object":
      for (const [k, v] of t.items) {
        const bad = firstNonConstant(k) ?? firstNonConstant(v);
        if (bad) return bad;
      }
      return null;
    default:
      return null;
  }
}

/** A rule ref as OPA prints it in messages: `p`, `a.b`, `a.b[x]`. */
export function refString(ref: Term[]): string {
  return ref
    .map((t, i) => {
      if (i === 0 && t.type === "var") return t.name;
      if (t.type === "string" && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.value)) return `.${t.value}`;
      if (t.type === "string") return `[${JSON.stringify(t.value)}]`;
      if (t.type === "var") return `[${t.name}]`;
      if (t.type === "number") return `[${t.text}]`;
      return `[${t.type}]`;
    })
    .join("");
}

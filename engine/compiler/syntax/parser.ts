// Statements and rules of Rego v1: package, imports, rules with their heads, `if` bodies, else
// chains and chained bodies. Statements that are not rules with a body or keyword (`p := 1`,
// `f(x) = y`) come back as bodies; the module assembler turns them into rules, as OPA does.

import type { Body, Import, Location, Package, RefTerm, Rule, RuleHead, RuleKind, Term, VarTerm } from "./ast.js";
import { ExpressionParser } from "./expressions.js";
import { ParseFailure } from "./parser-core.js";
import { cloneTerm, isGround, mapTerm, refOf } from "./terms.js";
import { isKeyword, type Token, type TokenKind } from "./tokens.js";

export { ParseFailure } from "./parser-core.js";

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

const HEAD_ADJACENT_OPS: ReadonlySet<TokenKind> = new Set([
  "plus", "minus", "mul", "div", "rem", "and", "or", "equal", "neq", "gt", "gte", "lt", "lte",
]);
const FUTURE_KEYWORDS: ReadonlySet<string> = new Set(["contains", "every", "if", "in", "not"]);
/** Tokens that can end a term and tokens that can start one (for the body lookahead). */
const TERM_ENDS: ReadonlySet<TokenKind> = new Set(["ident", "number", "string", "]", "}", ")", "true", "false", "null"]);
const TERM_STARTS: ReadonlySet<TokenKind> = new Set([
  "ident", "number", "string", "[", "{", "(", "true", "false", "null", "not", "some", "every", "contains",
]);

/** A parsed rule head, with what the parser needs to know about how it was written. */
interface HeadInfo extends RuleHead {
  usesContains: boolean;
  generatedValue: boolean;
}

export class Parser extends ExpressionParser {
  readonly flags = new Map<Rule, RuleFlags>();

  // -------------------------------------------------------------------------------------------
  // Statements

  /** Parses a whole module's statements (or, with `rules` false, a query's). */
  parseStatements(rules: boolean): Statement[] {
    this.checkScanError(); // the first token, which no advance() has looked at
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
      rule.else = this.nested(() => this.parseElse(rule, flags));
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
   * At `{`: whether the braces hold something only a body can, directly inside and before any
   * `|` that could make them a comprehension: `;`, `:=`, `=`, `some`, `every`, `not`, `with`, or
   * two terms on separate lines with no operator or comma between them. Trying a set or object
   * literal first, as the grammar otherwise requires, would then fail anyway; skipping that
   * attempt keeps parsing linear. (A test checks that the AST is the same without it.)
   */
  private braceHoldsStatements(): boolean {
    let depth = 0;
    for (let i = this.pos; i < this.tokens.length; i++) {
      const t = this.tokens[i] as Token;
      if (depth === 1 && t.nlBefore && TERM_STARTS.has(t.kind) && TERM_ENDS.has((this.tokens[i - 1] as Token).kind)) {
        return true;
      }
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
    if (this.cur().kind === "else") rule.else = this.nested(() => this.parseElse(parent, parentFlags));
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

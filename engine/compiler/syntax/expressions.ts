// Expressions, bodies and terms of Rego v1 (recursive descent, one method per precedence level).
//
// Binary operators are parsed by precedence levels, loosest first:
//   `:=` `=` (expression level only) < `in` < `==` `!=` `<` `<=` `>` `>=` < `|` < `&` < `+` `-`
//   < `*` `/` `%` < terms.
// Every operator becomes a call of the OPA built-in of that name (`plus`, `equal`, `assign`,
// `internal.member_2`, …).

import type { Body, CallTerm, Expr, ExprNode, Location, RefTerm, Term, VarTerm, WithModifier } from "./ast.js";
import { checkNumber, decodeRawString, decodeString } from "./literals.js";
import { ParseFailure, ParserCore, type Mark } from "./parser-core.js";
import { builtinCall, operatorName, refOf } from "./terms.js";
import { isKeyword, tokenName, type TokenKind } from "./tokens.js";

const RELATION_OPS: ReadonlySet<TokenKind> = new Set(["equal", "neq", "lt", "gt", "lte", "gte"]);
const ROOT_DOCUMENTS: ReadonlySet<string> = new Set(["data", "input"]);
/** Nesting of terms and bodies: far deeper than any real policy, well within the JavaScript stack. */
const MAX_DEPTH = 300;

export class ExpressionParser extends ParserCore {
  // -------------------------------------------------------------------------------------------
  // Bodies and expressions

  /** `{ … }` contents up to (not including) `end`. */
  parseBody(end: TokenKind): Body {
    return this.nested(() => this.parseQuery(false, end));
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

  protected parseLiteralExpr(negated: boolean, loc: Location): Expr {
    const node = this.parseExpr();
    const withs = this.cur().kind === "with" ? this.parseWith() : [];
    return { node, negated, with: withs, loc };
  }

  protected parseExpr(): ExprNode {
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
  protected parseNotBody(loc: Location): Expr {
    const braceLoc = this.loc;
    this.advance();
    const body = this.parseBody("}");
    this.advance();
    const compr: Term = { type: "arraycomprehension", term: { type: "boolean", value: true, loc: braceLoc }, body, loc: braceLoc };
    const term = refOf([compr, { type: "number", text: "0", loc: braceLoc }], braceLoc);
    const withs = this.cur().kind === "with" ? this.parseWith() : [];
    return { node: { type: "term", term }, negated: true, with: withs, loc };
  }

  protected parseWith(): WithModifier[] {
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

  protected parseSome(loc: Location): Expr {
    const m = this.mark();
    this.advance();
    const term = this.attempt(() => this.parseTermInfixCall());
    if (term?.type === "call") {
      const op = operatorName(term.operator);
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

  protected parseEvery(loc: Location): Expr {
    this.advance();
    const term = this.parseTermInfixCall();
    const op = term.type === "call" ? operatorName(term.operator) : null;
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
  protected parseTermInfixCallInList(): Term {
    return this.parseTermIn(false);
  }

  protected parseTermIn(keyVal: boolean, lhsIn?: Term): Term {
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

  protected parseTermRelation(): Term {
    let lhs = this.parseTermOr();
    while (RELATION_OPS.has(this.cur().kind)) lhs = this.binary(lhs, () => this.parseTermOr());
    return lhs;
  }

  protected parseTermOr(): Term {
    let lhs = this.parseTermAnd();
    while (this.cur().kind === "or") lhs = this.binary(lhs, () => this.parseTermAnd());
    return lhs;
  }

  protected parseTermAnd(): Term {
    let lhs = this.parseTermArith();
    while (this.cur().kind === "and") lhs = this.binary(lhs, () => this.parseTermArith());
    return lhs;
  }

  protected parseTermArith(): Term {
    let lhs = this.parseTermFactor();
    while (this.cur().kind === "plus" || this.cur().kind === "minus") lhs = this.binary(lhs, () => this.parseTermFactor());
    return lhs;
  }

  protected parseTermFactor(): Term {
    let lhs = this.parseTerm();
    while (this.cur().kind === "mul" || this.cur().kind === "div" || this.cur().kind === "rem") {
      lhs = this.binary(lhs, () => this.parseTerm());
    }
    return lhs;
  }

  protected binary(lhs: Term, operand: () => Term): CallTerm {
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
    // Inlined rather than nested(): this is the hottest call, and a closure per term shows in GC.
    this.enter();
    try {
      return this.parseTermUnguarded(keywordsAsVars);
    } finally {
      this.depth--;
    }
  }

  protected enter(): void {
    if (++this.depth > MAX_DEPTH) {
      this.depth--;
      this.fail(this.loc, "max parsing recursion depth exceeded");
    }
  }

  /** Nesting is bounded so that hostile input gets a parse error, not a stack overflow. */
  protected nested<T>(fn: () => T): T {
    this.enter();
    try {
      return fn();
    } finally {
      this.depth--;
    }
  }

  private parseTermUnguarded(keywordsAsVars: boolean): Term {
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

  protected parseTermFinish(head: Term): Term {
    const t = this.cur();
    if (!t.wsBefore && (t.kind === "(" || t.kind === "." || t.kind === "[")) return this.parseRef(head);
    if (head.type === "var" && ROOT_DOCUMENTS.has(head.name)) return refOf([head], head.loc);
    return head;
  }

  protected parseNumber(sign: "" | "-", loc = this.loc): Term {
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
  protected parseRef(head: Term): Term {
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
    let terms: Term[] = [head];
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
        if (after.wsBefore || (after.kind !== "." && after.kind !== "[")) return call;
        // `f(x)[0].y`: a ref whose head is the call (a loop, not recursion: chains may be long).
        terms = [call];
      } else break;
    }
    return refOf(terms, loc);
  }

  protected lineCol(offset: number): { line: number; col: number } {
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

  protected parseCall(operator: RefTerm, loc: Location): Term {
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
  protected parseTermList(end: TokenKind, items: Term[]): Term[] {
    if (this.cur().kind === end) return items;
    for (;;) {
      items.push(this.parseTermInfixCallInList());
      if (this.cur().kind === end) return items;
      if (this.cur().kind !== ",") this.illegal(`expected "," or "${end}"`);
      this.advance();
      if (this.cur().kind === end) return items;
    }
  }

  protected parseArray(): Term {
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
  protected comprehensionBody(end: TokenKind): Body | null {
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

  protected parseSetOrObject(): Term {
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

  protected parseSet(m: Mark, head: Term, potentialComprehension: boolean, loc: Location): Term {
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

  protected parseObject(key: Term, potentialComprehension: boolean, loc: Location): Term {
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

  protected parseObjectFinish(key: Term, value: Term, potentialComprehension: boolean, loc: Location): Term {
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

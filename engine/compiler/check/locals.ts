// Local variable rewriting: every declared variable gets a name of its own (`__local3__`), so
// that `:=` shadowing, `some` declarations and comprehension/`every` scopes need no further
// thought downstream. As in OPA, only declared variables are renamed (function args, `:=`
// targets, `some` vars, `every` vars); a variable bound by unification keeps its name and, inside
// a comprehension, refers to the same variable as outside (comprehensions close over their
// rule). `x := v` becomes the unification `x' = v` and `some x` declarations disappear.

import type { CompileError } from "../errors.js";
import type { Body, Expr, ExprNode, Rule, Term, VarTerm } from "../syntax/ast.js";
import { isOp } from "./resolve.js";
import { displayVar, forEachVar, isWildcard, mapParts } from "./terms.js";

/** Generates fresh local names that clash with no name of the program. */
export class LocalNames {
  private next = 0;
  /** new name → the name written in the source, for messages. */
  readonly original = new Map<string, string>();
  constructor(private taken: Set<string>) {}
  fresh(orig: string): string {
    for (;;) {
      const n = `__local${this.next++}__`;
      if (!this.taken.has(n)) {
        this.taken.add(n);
        this.original.set(n, orig);
        return n;
      }
    }
  }
  /** Names made up by the checker itself (lifted head and comprehension terms): never reported
   *  as unsafe, as OPA does not report its generated variables; the term they stand for is. */
  readonly generated = new Set<string>();
  freshGenerated(): string {
    const n = this.fresh("");
    this.generated.add(n);
    return n;
  }
  display(name: string): string {
    return displayVar(this.original.get(name) ?? name);
  }
}

interface SomeDecl {
  loc: VarTerm["loc"];
  orig: string;
  used: boolean;
}

class Scope {
  readonly declared = new Map<string, string>();
  /** Function args (of the rule's top scope): redeclaring one is "arg x redeclared". */
  readonly args = new Set<string>();
  /** Vars declared by `:=` (vs `some`), for OPA's wording of redeclaration errors. */
  readonly assigned = new Set<string>();
  readonly referenced = new Set<string>();
  readonly someDecls = new Map<string, SomeDecl>();
  constructor(readonly parent: Scope | null) {}
  lookup(name: string): { name: string; scope: Scope } | null {
    for (let s: Scope | null = this; s; s = s.parent) {
      const n = s.declared.get(name);
      if (n !== undefined) return { name: n, scope: s };
    }
    return null;
  }
}

export class LocalRewriter {
  constructor(
    private names: LocalNames,
    private errors: CompileError[],
    private rulePath: string,
  ) {}

  private err(message: string, loc: VarTerm["loc"]): void {
    this.errors.push({ code: "rego_compile_error", message, location: loc, rule: this.rulePath });
  }

  /** Rewrites the rule and its else chain in place (the rule is the checker's own copy). */
  rule(rule: Rule): void {
    const top = new Scope(null);
    const args = rule.head.args;
    if (args) rule.head.args = args.map((a) => this.declarePattern(a, top, "arg"));
    const argMap = new Map(top.declared);
    for (let r: Rule | null = rule; r; r = r.else) {
      const scope = new Scope(null);
      for (const [k, v] of argMap) {
        scope.declared.set(k, v);
        scope.args.add(k);
      }
      if (r !== rule && r.head.args) r.head.args = rule.head.args;
      r.body = this.body(r.body, scope);
      const h = r.head;
      const lastOld = h.ref[h.ref.length - 1];
      h.ref = h.ref.map((t, i) => (i === 0 ? t : this.term(t, scope)));
      if (h.key) h.key = h.key === lastOld && h.ref.length > 1 ? h.ref[h.ref.length - 1]! : this.term(h.key, scope);
      if (h.value) h.value = this.term(h.value, scope);
      this.reportUnused(scope);
    }
  }

  private reportUnused(scope: Scope): void {
    for (const d of scope.someDecls.values()) {
      if (!d.used) this.err(`declared var ${d.orig} unused`, d.loc);
    }
  }

  /** Declares every var of a pattern (args, `:=` targets, `some … in` vars) in the scope. */
  private declarePattern(t: Term, scope: Scope, why: "arg" | "assign" | "some"): Term {
    switch (t.type) {
      case "var": {
        if (isWildcard(t.name)) return t;
        if (t.name === "input" || t.name === "data") {
          if (why !== "arg") this.err(`variables must not shadow ${t.name} (use a different variable name)`, t.loc);
          return t;
        }
        // `f(x, x)`: a repeated arg is one variable (both args must be equal).
        if (why === "arg" && scope.declared.has(t.name)) return { ...t, name: scope.declared.get(t.name)! };
        if (scope.declared.has(t.name)) {
          this.err(scope.args.has(t.name) ? `arg ${t.name} redeclared` : `var ${t.name} ${why === "some" ? "declared" : "assigned"} above`, t.loc);
          return { ...t, name: scope.declared.get(t.name)! };
        }
        if (why === "assign" && scope.referenced.has(t.name)) {
          this.err(`var ${t.name} referenced above`, t.loc);
        }
        const n = this.names.fresh(t.name);
        scope.declared.set(t.name, n);
        if (why === "assign") scope.assigned.add(t.name);
        return { ...t, name: n };
      }
      case "array":
        return { ...t, items: t.items.map((x) => this.declarePattern(x, scope, why)) };
      case "ref": {
        // The parser writes the root documents as one-term refs.
        const head = t.terms[0];
        if (t.terms.length === 1 && head?.type === "var" && (head.name === "input" || head.name === "data")) {
          this.err(`variables must not shadow ${head.name} (use a different variable name)`, t.loc);
          return t;
        }
        if (why === "assign") this.err("cannot assign to ref", t.loc);
        return why === "assign" ? t : this.term(t, scope);
      }
      case "object":
        // Object keys cannot be patterns: they are values (refs to outer vars are allowed).
        return { ...t, items: t.items.map(([k, v]) => [this.term(k, scope), this.declarePattern(v, scope, why)] as [Term, Term]) };
      default:
        if (why === "assign") {
          this.err(`cannot assign to ${t.type}`, t.loc);
          return t;
        }
        // Function args and `some … in` patterns may hold constants and refs: plain terms.
        return this.term(t, scope);
    }
  }

  body(b: Body, scope: Scope): Body {
    const out: Body = [];
    for (const e of b) {
      const r = this.expr(e, scope);
      if (r) out.push(r);
    }
    return out;
  }

  private expr(e: Expr, scope: Scope): Expr | null {
    const n = e.node;
    let node: ExprNode = n;
    switch (n.type) {
      case "some-decl":
        for (const v of n.vars) {
          if (v.name === "input" || v.name === "data") {
            this.err(`variables must not shadow ${v.name} (use a different variable name)`, v.loc);
            continue;
          }
          if (scope.declared.has(v.name)) {
            const how = scope.args.has(v.name) ? null : scope.assigned.has(v.name) ? "assigned" : "declared";
            this.err(how ? `var ${v.name} ${how} above` : `arg ${v.name} redeclared`, v.loc);
            continue;
          }
          if (scope.referenced.has(v.name)) {
            this.err(`var ${v.name} referenced above`, v.loc);
            continue;
          }
          const fresh = this.names.fresh(v.name);
          scope.declared.set(v.name, fresh);
          scope.someDecls.set(fresh, { loc: v.loc, orig: v.name, used: false });
        }
        return null;
      case "some-in": {
        const collection = this.term(n.collection, scope);
        const key = n.key ? this.declarePattern(n.key, scope, "some") : null;
        const value = this.declarePattern(n.value, scope, "some");
        node = { type: "some-in", key, value, collection };
        break;
      }
      case "every": {
        const domain = this.term(n.domain, scope);
        const inner = new Scope(scope);
        const key = n.key ? (this.declarePattern(n.key, inner, "some") as VarTerm) : null;
        const value = this.declarePattern(n.value, inner, "some") as VarTerm;
        const body = this.body(n.body, inner);
        this.reportUnused(inner);
        node = { type: "every", key, value, domain, body };
        break;
      }
      case "term": {
        const t = n.term;
        if (t.type === "call" && isOp(t.operator, "assign") && t.args.length === 2) {
          if (e.negated) this.err("cannot assign vars inside negated expression", e.loc);
          const rhs = this.term(t.args[1]!, scope);
          const lhs = this.declarePattern(t.args[0]!, scope, "assign");
          const op = t.operator.terms[0] as VarTerm;
          const eq: Term = {
            ...t,
            operator: { ...t.operator, terms: [{ ...op, name: "eq" }] },
            args: [lhs, rhs],
          };
          node = { type: "term", term: eq };
        } else {
          node = { type: "term", term: this.term(t, scope) };
        }
        break;
      }
    }
    const withs = e.with.map((w) => ({
      ...w,
      target: this.term(w.target, scope) as typeof w.target,
      value: this.term(w.value, scope),
    }));
    return { ...e, node, with: withs };
  }

  term(t: Term, scope: Scope): Term {
    switch (t.type) {
      case "var": {
        const found = scope.lookup(t.name);
        if (found) {
          const d = found.scope.someDecls.get(found.name);
          if (d) d.used = true;
          return found.name === t.name ? t : { ...t, name: found.name };
        }
        scope.referenced.add(t.name);
        return t;
      }
      case "ref":
      case "array":
      case "set":
      case "object":
      case "call": // the operator is a function name, never a variable: mapParts leaves it
        return mapParts(t, (x) => this.term(x, scope));
      case "arraycomprehension":
      case "setcomprehension": {
        const inner = new Scope(scope);
        const body = this.body(t.body, inner);
        const term = this.term(t.term, inner);
        this.reportUnused(inner);
        return { ...t, term, body };
      }
      case "objectcomprehension": {
        const inner = new Scope(scope);
        const body = this.body(t.body, inner);
        const key = this.term(t.key, inner);
        const value = this.term(t.value, inner);
        this.reportUnused(inner);
        return { ...t, key, value, body };
      }
      default:
        return t;
    }
  }
}

/** All var names of a rule set, so generated names never clash with written ones. */
export function collectVarNames(rules: Rule[]): Set<string> {
  const s = new Set<string>();
  const add = (t: Term) => forEachVar(t, (v) => s.add(v.name));
  for (const rule of rules) {
    for (let r: Rule | null = rule; r; r = r.else) {
      r.head.ref.forEach(add);
      r.head.args?.forEach(add);
      if (r.head.key) add(r.head.key);
      if (r.head.value) add(r.head.value);
      for (const e of r.body) {
        const ex = e.node;
        if (ex.type === "term") add(ex.term);
      }
    }
  }
  return s;
}

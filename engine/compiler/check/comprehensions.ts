// Comprehension terms that need evaluation (`[s.name | …]`, `[[y | …] | …]`, `{k: count(v) | …}`)
// are bound to a fresh variable at the end of the comprehension's body, as OPA does before its
// safety check: `[s.name | some s in xs]` → `[__local3__ | some s in xs; __local3__ = s.name]`.
// The body's safety reordering then covers the term too, including nested comprehensions.

import type { Body, Expr, ExprNode, Rule, Term } from "../syntax/ast.js";
import type { LocalNames } from "./locals.js";
import { varTerm } from "../syntax/terms.js";
import { bindingExpr, mapParts } from "./terms.js";

export function liftComprehensionTerms(rule: Rule, names: LocalNames): void {
  const l = new Lifter(names);
  for (let r: Rule | null = rule; r; r = r.else) {
    r.body = l.body(r.body);
    const h = r.head;
    const lastOld = h.ref[h.ref.length - 1];
    h.ref = h.ref.map((t, i) => (i === 0 ? t : l.term(t)));
    if (h.key) h.key = h.key === lastOld && h.ref.length > 1 ? h.ref[h.ref.length - 1]! : l.term(h.key);
    if (h.value) h.value = l.term(h.value);
    if (h.args) h.args = h.args.map((t) => l.term(t));
  }
}

/** Does evaluating the term do more than read variables and constants? */
function requiresEval(t: Term): boolean {
  switch (t.type) {
    case "ref":
    case "call":
    case "arraycomprehension":
    case "setcomprehension":
    case "objectcomprehension":
      return true;
    case "array":
    case "set":
      return t.items.some(requiresEval);
    case "object":
      return t.items.some(([k, v]) => requiresEval(k) || requiresEval(v));
    default:
      return false;
  }
}

class Lifter {
  constructor(private names: LocalNames) {}

  body(b: Body): Body {
    return b.map((e) => this.expr(e));
  }

  private expr(e: Expr): Expr {
    const n = e.node;
    let node: ExprNode = n;
    switch (n.type) {
      case "term":
        node = { type: "term", term: this.term(n.term) };
        break;
      case "some-in":
        node = { ...n, key: n.key ? this.term(n.key) : null, value: this.term(n.value), collection: this.term(n.collection) };
        break;
      case "every":
        node = { ...n, domain: this.term(n.domain), body: this.body(n.body) };
        break;
      default:
        break;
    }
    return { ...e, node, with: e.with.map((w) => ({ ...w, value: this.term(w.value) })) };
  }

  /** Binds `t` to a fresh variable by an expression appended to `extra`. */
  private bind(t: Term, extra: Body): Term {
    if (!requiresEval(t)) return t;
    const v = varTerm(this.names.freshGenerated(), t.loc);
    extra.push(bindingExpr(v, t));
    return { ...v };
  }

  term(t: Term): Term {
    switch (t.type) {
      case "ref":
      case "array":
      case "set":
      case "object":
      case "call":
        return mapParts(t, (x) => this.term(x));
      case "arraycomprehension":
      case "setcomprehension": {
        const body = this.body(t.body);
        const term = this.bind(this.term(t.term), body);
        return { ...t, term, body };
      }
      case "objectcomprehension": {
        const body = this.body(t.body);
        const key = this.bind(this.term(t.key), body);
        const value = this.bind(this.term(t.value), body);
        return { ...t, key, value, body };
      }
      default:
        return t;
    }
  }
}

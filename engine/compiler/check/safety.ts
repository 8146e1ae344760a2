// Safety: every variable must be bound before it is used in an input position. The body is
// reordered the way OPA does it (facts from OPA's compiler and its tests, re-derived here):
//   1. when the body has closures (comprehensions, `every` bodies) that read body variables, it is
//      first put in an order where each closure comes after the expressions binding what it reads
//      (never bound by the closure's own expression: `x = [x | x = 1]` is unsafe), even when
//      they are bound through a function's output that itself needs a later binding;
//   2. then, pass after pass, an expression is placed as soon as all its variables are safe, where
//      each pass first adds the expression's output variables (unification binds either side, refs
//      with a safe head bind the variables in their positions, a call's extra last arg and
//      `some … in` bind); expressions that become safe in the same pass keep their order;
//   3. closures are then checked recursively, with the variables of all earlier expressions as
//      their globals.
// Expressions left over hold unsafe variables.

import type { Body, Expr, ExprNode, RefTerm, Term } from "../syntax/ast.js";
import { constKey } from "../syntax/terms.js";
import { exprCall, forEachVar, forEachVarInExpr, isComprehension, mapParts, varsOf, type VarVisitOptions } from "./terms.js";

export interface SafetyEnv {
  /** Arity of a function operator (built-in or user function); -1 when it is not a function. */
  arity(op: RefTerm): number;
  /** A `with` value that names a function (`with count as my_count`) binds nothing and needs nothing. */
  isFunctionValue(t: Term): boolean;
}

export type Unsafe = Map<Expr, Set<string>>;

const SAFETY: VarVisitOptions = { skipClosures: true };
const CALL_ARGS: VarVisitOptions = { skipClosures: true, skipSets: true, skipObjectKeys: true, skipRefHead: true };

/** Records `v` as unsafe in expression `e`. */
export function addUnsafe(u: Unsafe, e: Expr, v: string): void {
  let s = u.get(e);
  if (!s) u.set(e, (s = new Set()));
  s.add(v);
}

function mergeUnsafe(into: Unsafe, from: Unsafe): void {
  for (const [e, vs] of from) for (const v of vs) addUnsafe(into, e, v);
}

function exprVars(e: Expr, env: SafetyEnv): Set<string> {
  const s = new Set<string>();
  forEachVarInExpr(e, (v) => s.add(v.name), { ...SAFETY, skipWithValue: (t) => env.isFunctionValue(t) });
  return s;
}

function bodyVars(b: Body, env: SafetyEnv): Set<string> {
  const s = new Set<string>();
  for (const e of b) for (const v of exprVars(e, env)) s.add(v);
  return s;
}

function allIn(vs: Iterable<string>, safe: Set<string>): boolean {
  for (const v of vs) if (!safe.has(v)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Output variables

function isRefSafe(r: RefTerm, safe: Set<string>): boolean {
  const head = r.terms[0]!;
  if (head.type === "var") return safe.has(head.name);
  return allIn(varsOf(head, SAFETY), safe);
}

/** Vars bound by the refs (with a safe head) inside a term, not looking into closures. */
function outputVarsForTerm(t: Term, safe: Set<string>, out: Set<string>): void {
  switch (t.type) {
    case "ref":
      if (isRefSafe(t, safe)) {
        for (const x of t.terms.slice(1)) forEachVar(x, (v) => out.add(v.name), { skipRefHead: true, skipClosures: true });
        return;
      }
      for (const x of t.terms) outputVarsForTerm(x, safe, out);
      return;
    case "array":
    case "set":
      for (const x of t.items) outputVarsForTerm(x, safe, out);
      return;
    case "object":
      for (const [k, v] of t.items) {
        outputVarsForTerm(k, safe, out);
        outputVarsForTerm(v, safe, out);
      }
      return;
    case "call":
      for (const x of t.args) outputVarsForTerm(x, safe, out);
      return;
    default:
      return;
  }
}

function withInputsSafe(e: Expr, env: SafetyEnv, safe: Set<string>): boolean {
  for (const w of e.with) if (!env.isFunctionValue(w.value) && !allIn(varsOf(w.value, SAFETY), safe)) return false;
  return true;
}

export function outputVarsForExpr(e: Expr, env: SafetyEnv, safe: Set<string>): Set<string> {
  const out = new Set<string>();
  if (e.negated || !withInputsSafe(e, env, safe)) return out;
  const n = e.node;
  switch (n.type) {
    case "term": {
      const call = exprCall(e);
      if (!call) {
        outputVarsForTerm(n.term, safe, out);
        return out;
      }
      const op = call.operator;
      const name = op.terms.length === 1 && op.terms[0]!.type === "var" ? op.terms[0]!.name : null;
      if ((name === "eq" || name === "assign") && call.args.length === 2) {
        return outputVarsForEq(call.args[0]!, call.args[1]!, call, safe);
      }
      const ar = env.arity(op);
      if (ar < 0) return out;
      for (const a of call.args) outputVarsForTerm(a, safe, out);
      if (call.args.length <= ar) return out;
      const inputs = new Set<string>();
      for (const a of call.args.slice(0, ar)) forEachVar(a, (v) => inputs.add(v.name), CALL_ARGS);
      for (const v of inputs) if (!out.has(v) && !safe.has(v)) return new Set();
      for (const a of call.args.slice(ar)) forEachVar(a, (v) => out.add(v.name), CALL_ARGS);
      return out;
    }
    case "some-in": {
      outputVarsForTerm(n.collection, safe, out);
      const known = new Set([...safe, ...out]);
      if (!allIn(varsOf(n.collection, SAFETY), known)) return out;
      if (n.key) forEachVar(n.key, (v) => out.add(v.name), CALL_ARGS);
      forEachVar(n.value, (v) => out.add(v.name), CALL_ARGS);
      return out;
    }
    case "every":
      outputVarsForTerm(n.domain, safe, out);
      return out;
    case "some-decl":
      return out;
  }
}

function outputVarsForEq(a: Term, b: Term, call: Term, safe: Set<string>): Set<string> {
  const pre = new Set<string>();
  outputVarsForTerm(call, safe, pre);
  const u = new Unifier(new Set([...safe, ...pre]));
  u.unify(a, b);
  const out = new Set<string>();
  for (const v of u.safe) if (!safe.has(v)) out.add(v);
  return out;
}

/** Which variables a unification binds, given the safe ones. */
class Unifier {
  /** var → vars that must all become safe for it to become safe. */
  private pending = new Map<string, Array<Set<string>>>();
  constructor(readonly safe: Set<string>) {}

  private termSafe(t: Term): boolean {
    return isComprehension(t) || allIn(varsOf(t, SAFETY), this.safe);
  }

  private markSafe(v: string): void {
    if (this.safe.has(v)) return;
    this.safe.add(v);
    for (const [w, conds] of [...this.pending]) {
      for (const c of conds) c.delete(v);
      if (conds.some((c) => c.size === 0)) {
        this.pending.delete(w);
        this.markSafe(w);
      }
    }
  }

  private markAllSafe(t: Term): void {
    forEachVar(t, (v) => this.markSafe(v.name), SAFETY);
  }

  private waitFor(v: string, on: Set<string>): void {
    const list = this.pending.get(v) ?? [];
    list.push(on);
    this.pending.set(v, list);
  }

  private unifyVarWithComposite(a: string, b: Term): void {
    if (this.safe.has(a)) {
      this.markAllSafe(b);
      return;
    }
    const unsafe = new Set([...varsOf(b, SAFETY)].filter((v) => !this.safe.has(v)));
    if (unsafe.size === 0) this.markSafe(a);
    else {
      this.waitFor(a, unsafe);
      for (const v of unsafe) this.waitFor(v, new Set([a]));
    }
  }

  unify(a: Term, b: Term): void {
    switch (a.type) {
      case "var":
        switch (b.type) {
          case "var":
            if (this.safe.has(b.name)) this.markSafe(a.name);
            else if (this.safe.has(a.name)) this.markSafe(b.name);
            else {
              this.waitFor(a.name, new Set([b.name]));
              this.waitFor(b.name, new Set([a.name]));
            }
            return;
          case "array":
          case "object":
            this.unifyVarWithComposite(a.name, b);
            return;
          case "ref":
          case "call":
            if (this.termSafe(b)) this.markSafe(a.name);
            return;
          default:
            this.markSafe(a.name);
            return;
        }
      case "ref":
      case "call":
      case "arraycomprehension":
      case "setcomprehension":
      case "objectcomprehension":
        if (!this.termSafe(a)) return;
        if (b.type === "var") this.markSafe(b.name);
        else if (b.type === "array" || b.type === "object") this.markAllSafe(b);
        return;
      case "array":
        if (b.type === "var") this.unifyVarWithComposite(b.name, a);
        else if (b.type === "ref" || b.type === "call" || isComprehension(b)) {
          if (this.termSafe(b)) this.markAllSafe(a);
        } else if (b.type === "array" && b.items.length === a.items.length) {
          a.items.forEach((x, i) => this.unify(x, b.items[i]!));
        }
        return;
      case "object":
        if (b.type === "var") this.unifyVarWithComposite(b.name, a);
        else if (b.type === "ref" || b.type === "call" || isComprehension(b)) {
          if (this.termSafe(b)) this.markAllSafe(a);
        } else if (b.type === "object" && b.items.length === a.items.length) {
          for (const [k, v] of a.items) {
            const key = constKey(k);
            const other = key === null ? undefined : b.items.find(([k2]) => constKey(k2) === key);
            if (other) this.unify(v, other[1]);
          }
        }
        return;
      default:
        if (b.type === "var") this.markSafe(b.name);
        return;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reordering

/** Vars used inside the closures of an expression (comprehensions anywhere in it, `every` bodies). */
function closureVars(e: Expr, env: SafetyEnv): Set<string> {
  const s = new Set<string>();
  const add = (name: string) => s.add(name);
  const inTerm = (t: Term): void => {
    if (isComprehension(t)) {
      forEachVar(t, (v) => add(v.name));
      return;
    }
    switch (t.type) {
      case "ref":
        t.terms.forEach(inTerm);
        return;
      case "array":
      case "set":
        t.items.forEach(inTerm);
        return;
      case "object":
        for (const [k, v] of t.items) {
          inTerm(k);
          inTerm(v);
        }
        return;
      case "call":
        t.args.forEach(inTerm);
        return;
      default:
        return;
    }
  };
  const n = e.node;
  if (n.type === "term") inTerm(n.term);
  else if (n.type === "some-in") {
    if (n.key) inTerm(n.key);
    inTerm(n.value);
    inTerm(n.collection);
  } else if (n.type === "every") {
    inTerm(n.domain);
    for (const x of n.body) forEachVarInExpr(x, (v) => add(v.name));
  }
  for (const w of e.with) if (!env.isFunctionValue(w.value)) inTerm(w.value);
  return s;
}

function reorderForClosures(env: SafetyEnv, globals: Set<string>, body: Body): { body: Body; unsafe: Unsafe } {
  const bv = bodyVars(body, env);
  // The body vars each expression closes over (most expressions have no closure at all).
  const closed = body.map((e) => {
    const s = new Set<string>();
    for (const v of closureVars(e, env)) if (bv.has(v) && !globals.has(v)) s.add(v);
    return s;
  });
  if (closed.every((s) => s.size === 0)) return { body, unsafe: new Map() };
  // With closures, the body is put in a safe order here already: an expression goes once its
  // own variables are bound by the expressions placed before it or by itself, and the variables
  // its closures read are bound by the expressions before it (never by itself: `x = [x | …]`
  // reads an unbound x). Expressions that are placed in the same pass keep their order.
  const reordered: Body = [];
  const placed = new Set<Expr>();
  const unsafe: Unsafe = new Map();
  const own = body.map((e) => [...exprVars(e, env)].filter((v) => !globals.has(v)));
  const known = new Set(globals);
  for (;;) {
    const n = reordered.length;
    body.forEach((e, i) => {
      if (placed.has(e)) return;
      const self = outputVarsForExpr(e, env, known);
      const uv = new Set<string>();
      for (const v of own[i]!) if (!known.has(v) && !self.has(v)) uv.add(v);
      for (const v of closed[i]!) if (!known.has(v)) uv.add(v);
      if (uv.size === 0) {
        reordered.push(e);
        placed.add(e);
        unsafe.delete(e);
        for (const v of self) known.add(v);
      } else unsafe.set(e, uv);
    });
    if (reordered.length === n) break;
  }
  return { body: reordered, unsafe };
}

/** Reorders a body for safety; returns the new body (closures reordered too) and the unsafe vars
 *  per expression (empty when the body is safe). */
export function reorderBodyForSafety(env: SafetyEnv, globals: Set<string>, input: Body): { body: Body; unsafe: Unsafe } {
  // Expressions whose closures use body variables nobody binds stay out of the main pass, with
  // their unsafe variables; the rest is ordered, and what it cannot bind is unsafe too.
  const pre = reorderForClosures(env, globals, input);
  const body = pre.body;
  const unsafe: Unsafe = new Map(pre.unsafe);
  const bv = bodyVars(input, env);
  const safe = new Set<string>();
  const vars = new Map<Expr, Set<string>>();
  for (const e of body) {
    const vs = exprVars(e, env);
    vars.set(e, vs);
    // A closure (comprehension, `every` body) reads the body variables it mentions: they must be
    // bound before it runs, or the closure would see them unbound.
    const needed = new Set(vs);
    for (const v of closureVars(e, env)) if (bv.has(v)) needed.add(v);
    for (const v of needed) {
      if (globals.has(v)) safe.add(v);
      else addUnsafe(unsafe, e, v);
    }
  }
  const reordered: Body = [];
  const placed = new Set<Expr>();
  for (;;) {
    const n = reordered.length;
    for (const e of body) {
      if (placed.has(e)) continue;
      const u = unsafe.get(e);
      // An expression whose vars are all safe outputs nothing new (everything it could bind is
      // bound), so skip computing its outputs.
      if (u) {
        for (const v of outputVarsForExpr(e, env, safe)) safe.add(v);
        for (const v of [...u]) if (safe.has(v)) u.delete(v);
        if (u.size === 0) unsafe.delete(e);
      }
      if (!unsafe.has(e)) {
        reordered.push(e);
        placed.add(e);
      }
    }
    if (reordered.length === n) break;
  }

  const g = new Set(globals);
  const out: Body = reordered.map((e, i) => {
    if (i > 0) for (const v of vars.get(reordered[i - 1]!)!) g.add(v);
    return new ClosureChecker(env, g, e, unsafe).expr(e);
  });
  return { body: unsafe.size > 0 ? input : out, unsafe };
}

/** Reorders the bodies of the closures inside one expression, with the given globals. */
class ClosureChecker {
  constructor(
    private env: SafetyEnv,
    private globals: Set<string>,
    private current: Expr,
    private unsafe: Unsafe,
  ) {}

  expr(e: Expr): Expr {
    const n = e.node;
    let node: ExprNode = n;
    switch (n.type) {
      case "term":
        node = { type: "term", term: this.term(n.term) };
        break;
      case "some-in":
        node = { ...n, collection: this.term(n.collection) };
        break;
      case "every": {
        if (n.key) this.globals.add(n.key.name);
        this.globals.add(n.value.name);
        node = { ...n, domain: this.term(n.domain), body: this.closureBody(new Set(), n.body) };
        break;
      }
      default:
        break;
    }
    return { ...e, node, with: e.with.map((w) => ({ ...w, value: this.env.isFunctionValue(w.value) ? w.value : this.term(w.value) })) };
  }

  private closureBody(headVars: Set<string>, body: Body): Body {
    const bv = bodyVars(body, this.env);
    for (const v of headVars) if (!bv.has(v) && !this.globals.has(v)) addUnsafe(this.unsafe, this.current, v);
    const r = reorderBodyForSafety(this.env, new Set(this.globals), body);
    if (r.unsafe.size === 0) return r.body;
    mergeUnsafe(this.unsafe, r.unsafe);
    return body;
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
      case "setcomprehension":
        return { ...t, body: this.closureBody(varsOf(t.term), t.body) };
      case "objectcomprehension":
        return { ...t, body: this.closureBody(new Set([...varsOf(t.key), ...varsOf(t.value)]), t.body) };
      default:
        return t;
    }
  }
}

/** Reorders the closures of a rule head's terms (`p := [x | …]`) with the given globals. */
export function checkHeadClosures(env: SafetyEnv, globals: Set<string>, t: Term, unsafe: Unsafe, owner: Expr): Term {
  return new ClosureChecker(env, globals, owner, unsafe).term(t);
}

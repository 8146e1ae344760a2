// Small helpers over the AST's terms and expressions, shared by the checker's passes.
// Everything here is pure: transformations return new nodes and never mutate their input.

import type { Body, Expr, Location, Term, VarTerm } from "../syntax/ast.js";
import { builtinCall } from "../syntax/terms.js";

/** Names the parser gives `_`; shown as `_` in messages. */
export function isWildcard(name: string): boolean {
  return name.startsWith("$");
}

export function stringTerm(value: string, loc: Location): Term {
  return { type: "string", value, raw: false, loc };
}

export function isScalar(t: Term): boolean {
  return t.type === "null" || t.type === "boolean" || t.type === "number" || t.type === "string";
}

export function isComprehension(t: Term): boolean {
  return (
    t.type === "arraycomprehension" || t.type === "setcomprehension" || t.type === "objectcomprehension"
  );
}

export interface VarVisitOptions {
  /** Do not descend into comprehensions (their bodies are closures with their own scope). */
  skipClosures?: boolean;
  /** Skip the head var of every ref (`x` in `x[i]`): the vars a ref can bind. */
  skipRefHead?: boolean;
  /** Skip set elements (sets cannot be pattern-matched). */
  skipSets?: boolean;
  /** Skip object keys (they cannot be pattern-matched). */
  skipObjectKeys?: boolean;
  /** Skip `with` values for which this holds (function names used as replacements). */
  skipWithValue?: (t: Term) => boolean;
}

/** Calls every var occurrence in a term, in source order. Call operators are never vars. */
export function forEachVar(t: Term, fn: (v: VarTerm) => void, o: VarVisitOptions = {}): void {
  switch (t.type) {
    case "var":
      fn(t);
      return;
    case "ref":
      t.terms.forEach((x, i) => {
        if (i === 0 && o.skipRefHead && x.type === "var") return;
        forEachVar(x, fn, o);
      });
      return;
    case "array":
      for (const x of t.items) forEachVar(x, fn, o);
      return;
    case "set":
      if (o.skipSets) return;
      for (const x of t.items) forEachVar(x, fn, o);
      return;
    case "object":
      for (const [k, v] of t.items) {
        if (!o.skipObjectKeys) forEachVar(k, fn, o);
        forEachVar(v, fn, o);
      }
      return;
    case "call":
      for (const x of t.args) forEachVar(x, fn, o);
      return;
    case "arraycomprehension":
    case "setcomprehension":
      if (o.skipClosures) return;
      forEachVar(t.term, fn, o);
      for (const e of t.body) forEachVarInExpr(e, fn, o);
      return;
    case "objectcomprehension":
      if (o.skipClosures) return;
      forEachVar(t.key, fn, o);
      forEachVar(t.value, fn, o);
      for (const e of t.body) forEachVarInExpr(e, fn, o);
      return;
    default:
      return;
  }
}

/** Var occurrences of an expression including its `with` values (targets are refs to documents
 *  or functions and bind nothing). `every` counts as a closure: only its domain is visited unless
 *  closures are visited. */
export function forEachVarInExpr(e: Expr, fn: (v: VarTerm) => void, o: VarVisitOptions = {}): void {
  const n = e.node;
  switch (n.type) {
    case "term":
      forEachVar(n.term, fn, o);
      break;
    case "some-decl":
      for (const v of n.vars) fn(v);
      break;
    case "some-in":
      if (n.key) forEachVar(n.key, fn, o);
      forEachVar(n.value, fn, o);
      forEachVar(n.collection, fn, o);
      break;
    case "every":
      forEachVar(n.domain, fn, o);
      if (!o.skipClosures) {
        if (n.key) fn(n.key);
        fn(n.value);
        for (const x of n.body) forEachVarInExpr(x, fn, o);
      }
      break;
  }
  for (const w of e.with) if (!o.skipWithValue?.(w.value)) forEachVar(w.value, fn, o);
}

export function varsOf(t: Term, o: VarVisitOptions = {}): Set<string> {
  const s = new Set<string>();
  forEachVar(t, (v) => s.add(v.name), o);
  return s;
}

/**
 * A term with `f` applied to its direct parts: a ref's terms, the items of an array, set or
 * object (keys and values, in order), a call's arguments (never its operator: a function name).
 * Other terms (scalars, vars, comprehensions) are returned as they are: each rewriter handles
 * those itself.
 */
export function mapParts(t: Term, f: (x: Term) => Term): Term {
  switch (t.type) {
    case "ref":
      return { ...t, terms: t.terms.map(f) };
    case "array":
    case "set":
      return { ...t, items: t.items.map(f) };
    case "object":
      return { ...t, items: t.items.map(([k, v]) => [f(k), f(v)] as [Term, Term]) };
    case "call":
      return { ...t, args: t.args.map(f) };
    default:
      return t;
  }
}

/** `v = t` as a body expression at t's location: a term bound to a generated local. */
export function bindingExpr(v: VarTerm, t: Term): Expr {
  return { node: { type: "term", term: builtinCall("eq", t.loc, [v, t], t.loc) }, negated: false, with: [], loc: t.loc };
}

/** Calls fn on every term (pre-order), including terms inside comprehensions and nested bodies. */
export function forEachTerm(t: Term, fn: (t: Term) => void): void {
  fn(t);
  switch (t.type) {
    case "ref":
      for (const x of t.terms) forEachTerm(x, fn);
      return;
    case "array":
    case "set":
      for (const x of t.items) forEachTerm(x, fn);
      return;
    case "object":
      for (const [k, v] of t.items) {
        forEachTerm(k, fn);
        forEachTerm(v, fn);
      }
      return;
    case "call":
      forEachTerm(t.operator, fn);
      for (const x of t.args) forEachTerm(x, fn);
      return;
    case "arraycomprehension":
    case "setcomprehension":
      forEachTerm(t.term, fn);
      forEachTermInBody(t.body, fn);
      return;
    case "objectcomprehension":
      forEachTerm(t.key, fn);
      forEachTerm(t.value, fn);
      forEachTermInBody(t.body, fn);
      return;
    default:
      return;
  }
}

export function forEachTermInExpr(e: Expr, fn: (t: Term) => void): void {
  const n = e.node;
  switch (n.type) {
    case "term":
      forEachTerm(n.term, fn);
      break;
    case "some-decl":
      for (const v of n.vars) forEachTerm(v, fn);
      break;
    case "some-in":
      if (n.key) forEachTerm(n.key, fn);
      forEachTerm(n.value, fn);
      forEachTerm(n.collection, fn);
      break;
    case "every":
      if (n.key) forEachTerm(n.key, fn);
      forEachTerm(n.value, fn);
      forEachTerm(n.domain, fn);
      forEachTermInBody(n.body, fn);
      break;
  }
  for (const w of e.with) {
    forEachTerm(w.target, fn);
    forEachTerm(w.value, fn);
  }
}

export function forEachTermInBody(b: Body, fn: (t: Term) => void): void {
  for (const e of b) forEachTermInExpr(e, fn);
}

/** The call of an expression whose node is a call term (`x = y`, `count(x, n)`), else null. */
export function exprCall(e: Expr): Extract<Term, { type: "call" }> | null {
  return e.node.type === "term" && e.node.term.type === "call" ? e.node.term : null;
}

export function displayVar(name: string): string {
  return isWildcard(name) ? "_" : name;
}

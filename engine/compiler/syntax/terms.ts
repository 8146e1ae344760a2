// Small pure helpers over AST terms that the parser needs: constructors, groundness,
// copying, and walking.

import type { Body, CallTerm, Expr, Location, RefTerm, Term, VarTerm } from "./ast.js";

export function varTerm(name: string, loc: Location): VarTerm {
  return { type: "var", name, loc };
}

export function refOf(terms: Term[], loc: Location): RefTerm {
  return { type: "ref", terms, loc };
}

/** A call of a built-in operator by name; dotted names (`internal.member_2`) become refs. */
export function builtinCall(name: string, opLoc: Location, args: Term[], loc: Location): CallTerm {
  const [head = name, ...rest] = name.split(".");
  const terms: Term[] = [varTerm(head, opLoc)];
  for (const part of rest) terms.push({ type: "string", value: part, raw: false, loc: opLoc });
  return { type: "call", operator: refOf(terms, opLoc), args, loc };
}

/** The dotted name of a call operator (`count`, `strings.replace_n`, `data.test.f`), or null when
 *  the ref has parts that are not plain names (a computed operator is never a function). */
export function operatorName(op: RefTerm): string | null {
  const head = op.terms[0];
  if (!head || head.type !== "var") return null;
  const parts = [head.name];
  for (const t of op.terms.slice(1)) {
    if (t.type !== "string") return null;
    parts.push(t.value);
  }
  return parts.join(".");
}

/** A canonical text of a constant scalar, equal for equal values (`1` and `1.0`), or null when
 *  the term is not a constant scalar: object keys compared at compile time. */
export function constKey(t: Term): string | null {
  switch (t.type) {
    case "string":
      return JSON.stringify(t.value);
    case "number":
      return "#" + String(Number(t.text));
    case "boolean":
      return String(t.value);
    case "null":
      return "null";
    default:
      return null;
  }
}

/** True when the term contains no variables, refs, calls or comprehensions (OPA's IsGround). */
export function isGround(t: Term): boolean {
  switch (t.type) {
    case "null":
    case "boolean":
    case "number":
    case "string":
      return true;
    case "array":
    case "set":
      return t.items.every(isGround);
    case "object":
      return t.items.every(([k, v]) => isGround(k) && isGround(v));
    default:
      return false;
  }
}

/** A deep copy of a term (locations are shared: they are never mutated). */
export function cloneTerm<T extends Term>(t: T): T {
  return mapTerm(t, (x) => x) as T;
}

/** Rebuilds a term bottom-up, letting `fn` replace each variable. */
export function mapTerm(t: Term, fn: (v: VarTerm) => Term): Term {
  const m = (x: Term) => mapTerm(x, fn);
  switch (t.type) {
    case "var":
      return fn({ ...t });
    case "null":
    case "boolean":
    case "number":
    case "string":
      return { ...t };
    case "ref":
      return { ...t, terms: t.terms.map(m) };
    case "array":
    case "set":
      return { ...t, items: t.items.map(m) };
    case "object":
      return { ...t, items: t.items.map(([k, v]) => [m(k), m(v)] as [Term, Term]) };
    case "call":
      return { ...t, operator: m(t.operator) as RefTerm, args: t.args.map(m) };
    case "arraycomprehension":
    case "setcomprehension":
      return { ...t, term: m(t.term), body: mapBody(t.body, fn) };
    case "objectcomprehension":
      return { ...t, key: m(t.key), value: m(t.value), body: mapBody(t.body, fn) };
  }
}

function mapBody(body: Body, fn: (v: VarTerm) => Term): Body {
  return body.map((e) => mapExpr(e, fn));
}

function mapExpr(e: Expr, fn: (v: VarTerm) => Term): Expr {
  const m = (x: Term) => mapTerm(x, fn);
  const withs = e.with.map((w) => ({ ...w, target: m(w.target) as RefTerm, value: m(w.value) }));
  const node = e.node;
  switch (node.type) {
    case "term":
      return { ...e, with: withs, node: { type: "term", term: m(node.term) } };
    case "some-decl":
      return { ...e, with: withs, node: { type: "some-decl", vars: node.vars.map((v) => m(v) as VarTerm) } };
    case "some-in":
      return {
        ...e,
        with: withs,
        node: { type: "some-in", key: node.key && m(node.key), value: m(node.value), collection: m(node.collection) },
      };
    case "every":
      return {
        ...e,
        with: withs,
        node: {
          type: "every",
          key: node.key && (m(node.key) as VarTerm),
          value: m(node.value) as VarTerm,
          domain: m(node.domain),
          body: mapBody(node.body, fn),
        },
      };
  }
}

/** OPA's name for the kind of a term, used in messages ("var cannot be used for rule name"). */
export function valueName(t: Term): string {
  return t.type;
}

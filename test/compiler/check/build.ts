// A tiny builder of Rego ASTs for the checker's tests, so they do not depend on the parser.
// Each node gets a fresh location (increasing offsets), so source order is the order of creation.

import type { Body, Expr, Import, Location, Module, RefTerm, Rule, RuleKind, Term, VarTerm } from "../../../engine/compiler/syntax/ast.js";

let offset = 0;
export function loc(file = "test.rego"): Location {
  offset++;
  return { file, line: offset, col: 1, offset };
}

export const v = (name: string): VarTerm => ({ type: "var", name, loc: loc() });
export const s = (value: string): Term => ({ type: "string", value, raw: false, loc: loc() });
export const n = (x: number): Term => ({ type: "number", text: String(x), loc: loc() });
export const b = (value: boolean): Term => ({ type: "boolean", value, loc: loc() });
export const nul = (): Term => ({ type: "null", loc: loc() });
export const arr = (...items: Term[]): Term => ({ type: "array", items, loc: loc() });
export const set = (...items: Term[]): Term => ({ type: "set", items, loc: loc() });
export const obj = (...items: Array<[Term, Term]>): Term => ({ type: "object", items, loc: loc() });

/** `ref("data.a", x)` → data.a[x]: dotted strings split into a var head and string parts. */
export function ref(path: string, ...rest: Term[]): RefTerm {
  const [head, ...parts] = path.split(".");
  return { type: "ref", terms: [v(head!), ...parts.map((p) => s(p)), ...rest], loc: loc() };
}

export function call(op: string, ...args: Term[]): Term {
  return { type: "call", operator: ref(op), args, loc: loc() };
}
export const eq = (a: Term, b: Term) => call("eq", a, b);
export const assign = (a: Term, b: Term) => call("assign", a, b);

export const acomp = (term: Term, body: Body): Term => ({ type: "arraycomprehension", term, body, loc: loc() });
export const scomp = (term: Term, body: Body): Term => ({ type: "setcomprehension", term, body, loc: loc() });

export function e(term: Term, opts: { not?: boolean; with?: Array<[RefTerm, Term]> } = {}): Expr {
  return {
    node: { type: "term", term },
    negated: opts.not ?? false,
    with: (opts.with ?? []).map(([target, value]) => ({ target, value, loc: loc() })),
    loc: loc(),
  };
}
export const not = (term: Term) => e(term, { not: true });
export const some = (...names: string[]): Expr => ({
  node: { type: "some-decl", vars: names.map(v) },
  negated: false,
  with: [],
  loc: loc(),
});
export const someIn = (key: Term | null, value: Term, collection: Term): Expr => ({
  node: { type: "some-in", key, value, collection },
  negated: false,
  with: [],
  loc: loc(),
});
export const every = (key: string | null, value: string, domain: Term, body: Body): Expr => ({
  node: { type: "every", key: key ? v(key) : null, value: v(value), domain, body },
  negated: false,
  with: [],
  loc: loc(),
});

interface RuleOpts {
  kind?: RuleKind;
  ref?: Term[];
  args?: Term[];
  key?: Term;
  value?: Term;
  body?: Body;
  isDefault?: boolean;
  assign?: boolean;
  else?: Rule;
}

export function rule(name: string, o: RuleOpts = {}): Rule {
  const l = loc();
  const kind = o.kind ?? (o.args ? "function" : "complete");
  const ref = o.ref ?? [v(name)];
  return {
    kind,
    head: {
      ref,
      args: o.args ?? null,
      key: o.key ?? (kind === "partial-object" ? ref[ref.length - 1]! : null),
      value: o.value ?? (kind === "partial-set" ? null : { type: "boolean", value: true, loc: l }),
      assign: o.assign ?? true,
      loc: l,
    },
    body: o.body ?? [],
    isDefault: o.isDefault ?? false,
    else: o.else ?? null,
    annotations: null,
    loc: l,
    text: name,
  };
}

export function mod(pkg: string, rules: Rule[], imports: Array<[string, string | null]> = [], file = "test.rego"): Module {
  const l = loc(file);
  const imps: Import[] = imports.map(([path, alias]) => ({ path: ref(path), alias, loc: loc(file) }));
  return { file, package: { path: pkg.split("."), loc: l }, imports: imps, rules, annotations: [], comments: [] };
}

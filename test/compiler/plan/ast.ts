// Builders of checked Rego ASTs for planner tests, written the way the checker hands them over
// (absolute data refs, operators as calls, unique local names), so the planner can be tested
// without the parser and checker.

import type { CheckedProgram, RuleInfo } from "../../../engine/compiler/check/program.js";
import type { Body, Expr, Location, Module, Rule, RuleKind, Term, WithModifier } from "../../../engine/compiler/syntax/ast.js";

const L: Location = { file: "test.rego", line: 1, col: 1, offset: 0 };

type T = Term | string | number | boolean | null;

/** Strings are string terms, numbers number terms; use v() for variables. */
export function t(x: T): Term {
  if (x === null) return { type: "null", loc: L };
  if (typeof x === "string") return { type: "string", value: x, raw: false, loc: L };
  if (typeof x === "number") return { type: "number", text: String(x), loc: L };
  if (typeof x === "boolean") return { type: "boolean", value: x, loc: L };
  return x;
}
export const v = (name: string): Term => ({ type: "var", name, loc: L });
export const num = (text: string): Term => ({ type: "number", text, loc: L });
export const arr = (...items: T[]): Term => ({ type: "array", items: items.map(t), loc: L });
export const obj = (...items: Array<[T, T]>): Term => ({ type: "object", items: items.map(([k, x]) => [t(k), t(x)]), loc: L });
export const set = (...items: T[]): Term => ({ type: "set", items: items.map(t), loc: L });
export const ref = (head: Term, ...rest: T[]): Term => ({ type: "ref", terms: [head, ...rest.map(t)], loc: L });
export const data = (...path: T[]): Term => ref(v("data"), ...path);
export const input = (...path: T[]): Term => (path.length === 0 ? v("input") : ref(v("input"), ...path));
export function call(op: string, ...args: T[]): Term {
  const [h, ...rest] = op.split(".");
  const operator = { type: "ref" as const, terms: [v(h!), ...rest.map((s) => t(s))], loc: L };
  return { type: "call", operator, args: args.map(t), loc: L };
}
export const arrComp = (term: T, body: Body): Term => ({ type: "arraycomprehension", term: t(term), body, loc: L });
export const setComp = (term: T, body: Body): Term => ({ type: "setcomprehension", term: t(term), body, loc: L });
export const objComp = (key: T, value: T, body: Body): Term => ({ type: "objectcomprehension", key: t(key), value: t(value), body, loc: L });

export function e(term: T, opts: { not?: boolean; with?: Array<[Term, T]> } = {}): Expr {
  const withs: WithModifier[] = (opts.with ?? []).map(([target, value]) => ({
    target: target.type === "ref" ? target : { type: "ref", terms: [target], loc: L },
    value: t(value),
    loc: L,
  }));
  return { node: { type: "term", term: t(term) }, negated: opts.not ?? false, with: withs, loc: L };
}
export const eq = (a: T, b: T): Expr => e(call("eq", a, b));
export const assign = (a: T, b: T): Expr => e(call("assign", a, b));
export const someIn = (key: T | null, value: T, collection: T): Expr => ({
  node: { type: "some-in", key: key === null ? null : t(key), value: t(value), collection: t(collection) },
  negated: false,
  with: [],
  loc: L,
});
export const every = (key: string | null, value: string, domain: T, body: Body): Expr => ({
  node: { type: "every", key: key === null ? null : (v(key) as never), value: v(value) as never, domain: t(domain), body },
  negated: false,
  with: [],
  loc: L,
});

export interface RuleSpec {
  kind?: RuleKind;
  /** The ref relative to the package: "p" or ["a", "b", v("x")]. */
  ref: string | T[];
  value?: T;
  key?: T;
  args?: T[];
  body?: Body;
  isDefault?: boolean;
  else?: Array<{ value: T; body: Body }>;
}

export function rule(spec: RuleSpec): Rule {
  const refTerms = typeof spec.ref === "string" ? [v(spec.ref)] : spec.ref.map((x, i) => (i === 0 && typeof x === "string" ? v(x) : t(x)));
  const kind: RuleKind = spec.kind ?? (spec.args ? "function" : "complete");
  let elseRule: Rule | null = null;
  for (const alt of [...(spec.else ?? [])].reverse()) {
    elseRule = { ...rule({ ...spec, else: [], value: alt.value, body: alt.body }), else: elseRule };
  }
  return {
    kind,
    head: {
      ref: refTerms,
      args: spec.args ? spec.args.map(t) : null,
      key: spec.key !== undefined ? t(spec.key) : kind === "partial-object" ? refTerms[refTerms.length - 1]! : null,
      value: kind === "partial-set" ? null : t(spec.value ?? true),
      assign: true,
      loc: L,
    },
    body: spec.body ?? [],
    isDefault: spec.isDefault ?? false,
    else: elseRule,
    annotations: null,
    loc: L,
    text: "",
  };
}

/** A CheckedProgram from packages of rules, indexed the way the checker does. */
export function program(pkgs: Record<string, Rule[]>): CheckedProgram {
  const modules: Module[] = [];
  const rules = new Map<string, RuleInfo[]>();
  for (const [pkg, rs] of Object.entries(pkgs)) {
    const m: Module = { file: `${pkg}.rego`, package: { path: pkg.split("."), loc: L }, imports: [], rules: rs, annotations: [], comments: [] };
    modules.push(m);
    for (const r of rs) {
      const path: Array<string | Term> = [...pkg.split(".")];
      let constant = true;
      for (const [i, x] of r.head.ref.entries()) {
        if (i === 0 && x.type === "var") path.push(x.name);
        else if (constant && x.type === "string") path.push(x.value);
        else {
          constant = false;
          path.push(x);
        }
      }
      const key = path.filter((p): p is string => typeof p === "string").join(".");
      rules.set(key, [...(rules.get(key) ?? []), { rule: r, module: m, path }]);
    }
  }
  return { modules, rules, packages: Object.keys(pkgs), builtins: new Map() };
}

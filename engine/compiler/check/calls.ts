// Calls: every call must name a built-in or a user function (`undefined function x`), with the
// right number of arguments (an expression-level call may add one output argument). Argument
// types are checked later, by types.ts, once bodies are in evaluation order.

import type { CompileError } from "../errors.js";
import type { Body, Expr, Rule, Term } from "../syntax/ast.js";
import type { BuiltinInfo } from "./builtins.js";
import type { RuleInfo } from "./program.js";
import { declText, literalKind } from "./types.js";
import { operatorName } from "../syntax/terms.js";

export interface CallEnv {
  builtins: Map<string, BuiltinInfo>;
  rules: Map<string, RuleInfo[]>;
  /** Built-ins seen, collected for CheckedProgram.builtins. */
  used: Map<string, { arity: number }>;
  errors: CompileError[];
  rule: string;
}

type CallTerm = Extract<Term, { type: "call" }>;

/** Arity of a function named by an operator ref, or -1 when nothing callable has that name. */
export function functionArity(name: string | null, env: Pick<CallEnv, "builtins" | "rules">): number {
  if (name === null) return -1;
  if (name.startsWith("data.")) {
    const infos = env.rules.get(name.slice(5));
    const fn = infos?.find((i) => i.rule.kind === "function");
    return fn ? (fn.rule.head.args?.length ?? 0) : -1;
  }
  const b = env.builtins.get(name);
  return b ? b.arity : -1;
}

export function checkCallsInRule(rule: Rule, env: CallEnv): void {
  for (let r: Rule | null = rule; r; r = r.else) {
    r.head.ref.slice(1).forEach((t) => term(t, env));
    if (r.head.key) term(r.head.key, env);
    if (r.head.value) term(r.head.value, env);
    r.head.args?.forEach((t) => term(t, env));
    body(r.body, env);
  }
}

function body(b: Body, env: CallEnv): void {
  for (const e of b) expr(e, env);
}

function expr(e: Expr, env: CallEnv): void {
  const n = e.node;
  switch (n.type) {
    case "term":
      if (n.term.type === "call") call(n.term, true, env);
      else term(n.term, env);
      break;
    case "some-in":
      if (n.key) term(n.key, env);
      term(n.value, env);
      term(n.collection, env);
      break;
    case "every":
      term(n.domain, env);
      body(n.body, env);
      break;
    default:
      break;
  }
  for (const w of e.with) {
    term(w.value, env);
    // A built-in named as a replacement (`with count as sum`) is called through the target.
    const valueName = w.value.type === "var" ? w.value.name : w.value.type === "ref" ? operatorName(w.value) : null;
    const replacement = valueName ? env.builtins.get(valueName) : undefined;
    if (valueName && replacement && !env.used.has(valueName)) env.used.set(valueName, { arity: replacement.arity });
    const head = w.target.terms[0];
    const root = head?.type === "var" && (head.name === "input" || head.name === "data");
    const name = operatorName(w.target);
    if (!root && (name === null || (functionArity(name, env) === -1 && env.builtins.get(name)?.arity !== -1))) {
      env.errors.push({
        code: "rego_type_error",
        message: "with keyword target must reference existing input, data, or a function",
        location: w.loc,
        rule: env.rule,
      });
    }
  }
}

/** Built-ins OPA deprecates; a Rego v1 module may not call them. */
const DEPRECATED = new Set([
  "any", "all", "re_match", "set_diff", "net.cidr_overlap",
  "cast_array", "cast_set", "cast_string", "cast_boolean", "cast_null", "cast_object",
]);

function term(t: Term, env: CallEnv): void {
  switch (t.type) {
    case "call":
      call(t, false, env);
      return;
    case "ref":
      t.terms.forEach((x) => term(x, env));
      return;
    case "array":
    case "set":
      t.items.forEach((x) => term(x, env));
      return;
    case "object":
      for (const [k, v] of t.items) {
        term(k, env);
        term(v, env);
      }
      return;
    case "arraycomprehension":
    case "setcomprehension":
      term(t.term, env);
      body(t.body, env);
      return;
    case "objectcomprehension":
      term(t.key, env);
      term(t.value, env);
      body(t.body, env);
      return;
    default:
      return;
  }
}

function call(c: CallTerm, topLevel: boolean, env: CallEnv): void {
  c.args.forEach((a) => term(a, env));
  const name = operatorName(c.operator);
  const arity = functionArity(name, env);
  if (name === null || arity === -1 && !(env.builtins.get(name)?.arity === -1)) {
    env.errors.push({
      code: "rego_type_error",
      message: `undefined function ${name ?? refText(c.operator.terms)}`,
      location: c.loc,
      rule: env.rule,
    });
    return;
  }
  const builtin = name.startsWith("data.") ? undefined : env.builtins.get(name);
  if (builtin && DEPRECATED.has(name)) {
    env.errors.push({
      code: "rego_type_error",
      message: `deprecated built-in function calls in expression: ${name}`,
      location: c.loc,
      rule: env.rule,
    });
  }
  if (builtin) {
    const prev = env.used.get(name);
    const seen = builtin.arity === -1 ? c.args.length : builtin.arity;
    if (!prev || prev.arity < seen) env.used.set(name, { arity: seen });
  }
  if (arity === -1) return; // variadic
  const n = c.args.length;
  const ok = topLevel ? n === arity || n === arity + 1 : n === arity;
  if (!ok) {
    if (builtin) {
      env.errors.push({
        code: "rego_type_error",
        message: `${name}: arity mismatch\n\thave: (${c.args.map((a) => literalKind(a, env.builtins) ?? "any").join(", ")})\n\twant: (${(builtin.args ?? []).map(declText).join(", ")})`,
        location: c.loc,
        rule: env.rule,
      });
    } else {
      env.errors.push({
        code: "rego_type_error",
        message: `function ${name} has arity ${arity}, got ${n} argument${n === 1 ? "" : "s"}`,
        location: c.loc,
        rule: env.rule,
      });
    }
    return;
  }
}

function refText(terms: Term[]): string {
  return terms
    .map((t, i) => (t.type === "var" ? t.name : t.type === "string" && i > 0 ? t.value : "[…]"))
    .join(".");
}

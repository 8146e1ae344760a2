// Test helpers: parse and fail loudly with the formatted errors.

import { formatCompileError } from "../../../engine/compiler/errors.js";
import {
  bodyToString,
  parseModule,
  parseQuery,
  ruleToString,
  type Body,
  type Module,
  type Term,
} from "../../../engine/compiler/syntax/index.js";

export function mod(text: string, file = "test.rego"): Module {
  const r = parseModule(file, text);
  if (!r.ok) throw new Error(r.errors.map(formatCompileError).join("\n"));
  return r.value;
}

/** The module's rules printed one per entry, with their kind. */
export function rules(text: string): string[] {
  return mod(text).rules.map((r) => `[${r.kind}] ${ruleToString(r)}`);
}

export function query(text: string): Body {
  const r = parseQuery(text);
  if (!r.ok) throw new Error(r.errors.map(formatCompileError).join("\n"));
  return r.value;
}

export function q(text: string): string {
  return bodyToString(query(text));
}

/** The single term of a one-expression query. */
export function term(text: string): Term {
  const [e] = query(text);
  if (!e || e.node.type !== "term") throw new Error(`not a term expression: ${text}`);
  return e.node.term;
}

/** All formatted errors of a module that must not parse. */
export function modErrors(text: string, file = "test.rego"): string[] {
  const r = parseModule(file, text);
  if (r.ok) throw new Error("expected parse errors, got a module");
  return r.errors.map(formatCompileError);
}

export function queryErrors(text: string): string[] {
  const r = parseQuery(text);
  if (r.ok) throw new Error("expected parse errors, got a query");
  return r.errors.map(formatCompileError);
}

/** Strips locations so that AST shapes can be compared with toEqual. */
export function noLoc<T>(x: T): T {
  return JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === "loc" ? undefined : v))) as T;
}

// Comparing what the compiled policy did with what the case wants, as OPA's own test runner does:
// result rows by value (numbers by value, so 1 and 1.0 agree), errors by code and message.

import { compare, equal, fromJSON } from "../compiler/ir/values.js";

/** JSON values as Rego sees them: numbers by value (1 and 1.0 agree), object keys in any order. */
export function deepEqual(a: unknown, b: unknown): boolean {
  return equal(fromJSON(a), fromJSON(b));
}

/** JSON values in Rego's order (null < boolean < number < string < array < object), which is the
 *  order OPA's test runner sorts them in: the IR interpreter's comparison serves. */
export function compareJson(a: unknown, b: unknown): number {
  return compare(fromJSON(a), fromJSON(b));
}

/** What `sort_bindings: true` does in OPA's runner: each binding that is an array gets sorted. */
export function sortBindings(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = Array.isArray(v) ? [...v].sort(compareJson) : v;
  return out;
}

/** Rows compared as a multiset (OPA sorts both sides when sort_bindings is set). */
export function sameRows(got: Array<Record<string, unknown>>, want: Array<Record<string, unknown>>): boolean {
  if (got.length !== want.length) return false;
  const left = [...want];
  for (const g of got) {
    const i = left.findIndex((w) => deepEqual(g, w));
    if (i < 0) return false;
    left.splice(i, 1);
  }
  return true;
}

/** "test-0.rego:4: eval_type_error: msg" → { code: "eval_type_error", message: "msg" }. */
export function splitError(text: string): { code: string | null; message: string } {
  const noLoc = text.replace(/^[^\s:]+\.rego:\d+(?::\d+)?:\s*/, "");
  const m = /^([a-z_]+_error):\s*([\s\S]*)$/.exec(noLoc);
  return m ? { code: m[1] as string, message: m[2] as string } : { code: null, message: noLoc };
}

/** Whether an error we got matches the wanted code and message (either may be absent). */
export function errorMatches(got: { code: string | null; message: string }, wantCode?: string, wantMessage?: string): boolean {
  if (wantCode !== undefined && got.code !== wantCode) return false;
  if (wantMessage !== undefined) {
    const w = splitError(wantMessage);
    if (w.code !== null && got.code !== null && w.code !== got.code) return false;
    if (!got.message.includes(w.message)) return false;
  }
  return true;
}

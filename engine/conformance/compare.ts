// Comparing what the compiled policy did with what the case wants, as OPA's own test runner does:
// result rows by value (numbers by value, so 1 and 1.0 agree), errors by code and message.

export function deepEqual(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ka = Object.keys(a as object).sort();
  const kb = Object.keys(b as object).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
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

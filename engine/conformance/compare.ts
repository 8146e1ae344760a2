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

/** JSON values in the order OPA's test runner sorts them: null < boolean < number < string < array < object. */
export function compareJson(a: unknown, b: unknown): number {
  const rank = (x: unknown) => (x === null ? 0 : typeof x === "boolean" ? 1 : typeof x === "number" ? 2 : typeof x === "string" ? 3 : Array.isArray(x) ? 4 : 5);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 0:
      return 0;
    case 1:
    case 2:
    case 3:
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case 4: {
      const x = a as unknown[];
      const y = b as unknown[];
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compareJson(x[i], y[i]);
        if (c !== 0) return c;
      }
      return x.length - y.length;
    }
    default: {
      const x = a as Record<string, unknown>;
      const y = b as Record<string, unknown>;
      const kx = Object.keys(x).sort();
      const ky = Object.keys(y).sort();
      for (let i = 0; i < Math.min(kx.length, ky.length); i++) {
        const c = compareJson(kx[i], ky[i]) || compareJson(x[kx[i] as string], y[ky[i] as string]);
        if (c !== 0) return c;
      }
      return kx.length - ky.length;
    }
  }
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

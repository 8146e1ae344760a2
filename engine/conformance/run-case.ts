// Running one conformance case: compile its modules for the entrypoint its query names, load the
// module through the SDK, set data, evaluate input, and compare with what the case wants.

import type { ConformanceCase } from "./cases.js";
import { errorMatches, sameRows, sortBindings, splitError } from "./compare.js";
import { inputFromTerm } from "./input-term.js";
import { planQuery } from "./query.js";
import { unavailableBuiltin } from "./skip.js";

export type Outcome =
  | { status: "pass" }
  | { status: "fail"; cause: string; detail?: string }
  | { status: "skip"; reason: string };

/** What a case needs from the compiler; the real one is wired in by defaultDeps(). */
export interface CaseDeps {
  /** `strict`: OPA's strict built-in errors, for cases with `strict_error: true`. */
  compile(modules: Array<{ file: string; text: string }>, entrypoint: string, options?: { strict: boolean }): Promise<{ ok: true; wasm: Uint8Array } | { ok: false; errors: Array<{ code: string; message: string }> }>;
  load(wasm: Uint8Array): Promise<{ setData(d: unknown): void; evaluate(input: unknown, ep?: number | string): Array<{ result: unknown }> }>;
}

export async function defaultDeps(): Promise<CaseDeps> {
  const c = await import("../compiler/index.js");
  return {
    async compile(modules, entrypoint, options) {
      // CONFORMANCE_OPTIMIZE=1 checks that binaryen's optimiser keeps every case's behaviour.
      const r = await c.compile({
        modules,
        entrypoints: [entrypoint],
        optimize: process.env.CONFORMANCE_OPTIMIZE === "1",
        strictBuiltinErrors: options?.strict ?? false,
        // A code generator bug shows as a compile error naming validation, not as a load failure.
        validate: true,
      });
      return r.ok ? { ok: true, wasm: r.value } : { ok: false, errors: r.errors };
    },
    // A bounded memory keeps a runaway case from taking the machine's memory (256 MiB).
    load: (wasm) => c.loadCompiledPolicy(wasm, { memoryMaxPages: 4096, now: () => BigInt(Date.now()) * 1_000_000n }),
  };
}

/** The text of anything thrown: the SDK throws strings (opa_abort) and objects with message. */
export function thrownText(e: unknown): string {
  if (typeof e === "string") return e;
  if (e instanceof Error) return `${e.name === "Error" ? "" : e.name + ": "}${e.message}`;
  if (e && typeof e === "object" && "message" in e) return String((e as { message: unknown }).message);
  return String(e);
}

function firstLine(s: string): string {
  const line = s.split("\n")[0] ?? "";
  return line.length > 160 ? line.slice(0, 157) + "..." : line;
}

function wanted(c: ConformanceCase): string {
  return [c.wantErrorCode, c.wantError].filter((x) => x !== undefined).join(": ");
}

function show(x: unknown): string {
  const s = JSON.stringify(x);
  return s === undefined ? "undefined" : s.length > 400 ? s.slice(0, 397) + "..." : s;
}

export async function runCase(c: ConformanceCase, deps: CaseDeps): Promise<Outcome> {
  const q = planQuery(c.query);
  if (q.kind === "skip") return { status: "skip", reason: q.reason };
  const missing = unavailableBuiltin(c.modules);
  if (missing) return { status: "skip", reason: `built-in ${missing} is not offered by OPA's Wasm target` };
  const wantsError = c.wantError !== undefined || c.wantErrorCode !== undefined;

  let input: unknown = c.input;
  if (c.inputTerm !== undefined) {
    const term = inputFromTerm(c.inputTerm);
    if (!term.ok) return { status: "fail", cause: term.reason };
    input = term.value;
  }

  const compiled = await deps.compile(
    c.modules.map((text, i) => ({ file: `test-${i}.rego`, text })),
    q.entrypoint,
    { strict: c.strictError },
  );
  if (!compiled.ok) {
    if (wantsError && compiled.errors.some((e) => errorMatches({ code: e.code, message: e.message }, c.wantErrorCode, c.wantError))) {
      return { status: "pass" };
    }
    const e = compiled.errors[0];
    const first = e ? `${e.code}: ${firstLine(e.message)}` : "no message";
    return wantsError
      ? { status: "fail", cause: `wrong error (compile): ${first}`, detail: `want ${wanted(c)}` }
      : { status: "fail", cause: `compile error: ${first}`, detail: compiled.errors.map((x) => `${x.code}: ${x.message}`).join("\n") };
  }

  let rs: Array<{ result: unknown }>;
  try {
    const policy = await deps.load(compiled.wasm);
    policy.setData(c.data ?? {});
    rs = policy.evaluate(input, 0);
  } catch (err) {
    const text = thrownText(err);
    if (wantsError) {
      if (errorMatches(splitError(text), c.wantErrorCode, c.wantError)) return { status: "pass" };
      return { status: "fail", cause: `wrong error: ${firstLine(text)}`, detail: `want ${wanted(c)}` };
    }
    return { status: "fail", cause: `evaluation error: ${firstLine(text)}` };
  }

  if (!Array.isArray(rs)) return { status: "fail", cause: "result set is not an array", detail: show(rs) };
  const raw =
    q.kind === "binding"
      ? rs.map((r) => ({ [q.variable]: r.result }))
      : rs.filter((r) => r.result !== false).map(() => ({}));
  const rows = c.sortBindings ? raw.map(sortBindings) : raw;
  if (wantsError) return { status: "fail", cause: "expected an error, got a result", detail: `want ${wanted(c)}; got ${show(rows)}` };
  const want = c.sortBindings ? (c.wantResult ?? []).map(sortBindings) : (c.wantResult ?? []);
  if (sameRows(rows, want)) return { status: "pass" };
  return { status: "fail", cause: rows.length === 0 ? "wrong result: undefined" : "wrong result", detail: `got ${show(rows)}; want ${show(want)}` };
}

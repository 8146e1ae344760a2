// The compile driver: entrypoint forms, errors from each stage as values, timings, and the result
// loading through the SDK.

import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile, compileWithTimings, loadCompiledPolicy, normalizeEntrypoint } from "../../../engine/compiler/index.js";

const haveRuntime = existsSync(new URL("../../../build/opa-runtime.wasm", import.meta.url));

describe("entrypoints", () => {
  it("accepts slash paths and data refs", () => {
    expect(normalizeEntrypoint("data.a.b.c")).toBe("a/b/c");
    expect(normalizeEntrypoint("a/b")).toBe("a/b");
    expect(normalizeEntrypoint("/a/b/")).toBe("a/b");
  });
});

describe("compile", () => {
  it("returns parse errors with file, line and column, before any later stage", async () => {
    const r = await compileWithTimings({ modules: [{ file: "x.rego", text: "package p\n\nq := [1,\n" }], entrypoints: ["p/q"] });
    expect(r.result.ok).toBe(false);
    if (r.result.ok) return;
    expect(r.result.errors[0]).toMatchObject({ code: "rego_parse_error", location: { file: "x.rego" } });
    expect(r.timings.emit).toBe(0);
  });

  it("returns checker errors (unknown functions) as values", async () => {
    const r = await compile({ modules: [{ file: "x.rego", text: "package p\n\nq := nosuch(1)\n" }], entrypoints: ["p/q"] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.code)).toContain("rego_type_error");
  });

  it("requires an entrypoint", async () => {
    const r = await compile({ modules: [{ file: "x.rego", text: "package p\nq := 1\n" }], entrypoints: [] });
    expect(r.ok).toBe(false);
  });

  it.skipIf(!haveRuntime)("compiles several modules (source as a synonym of text) and reports stage timings", async () => {
    const r = await compileWithTimings({
      modules: [
        { file: "a.rego", text: "package a\nimport data.b\n\nx := b.y + 1\n" },
        { file: "b.rego", source: "package b\ny := 41\n" },
      ],
      entrypoints: ["data.a.x"],
      optimize: false,
      validate: true,
    });
    expect(r.result.ok).toBe(true);
    if (!r.result.ok) return;
    for (const k of ["parse", "check", "plan", "emit", "total"] as const) expect(r.timings[k]).toBeGreaterThan(0);
    expect(r.timings.emitDetail?.readRuntime).toBeGreaterThan(0);
    expect(r.timings.emitDetail?.validate).toBeGreaterThan(0);
    const p = await loadCompiledPolicy(r.result.value);
    p.setData({});
    expect(p.evaluate({})).toEqual([{ result: 42 }]);
  });
});

/** Compile one module with entrypoint test/p, load it and evaluate; the thrown text or the results. */
async function run(text: string, options: { strict?: boolean; input?: unknown } = {}): Promise<{ error: string } | { results: unknown }> {
  const r = await compile({ modules: [{ file: "t.rego", text }], entrypoints: ["test/p"], strictBuiltinErrors: options.strict ?? false, validate: true });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("\n"));
  const p = await loadCompiledPolicy(r.value);
  p.setData({});
  try {
    return { results: p.evaluate(options.input ?? {}) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

describe.skipIf(!haveRuntime)("strict built-in errors", () => {
  // 1/0 fails natively in the runtime; units.parse_bytes("x") fails in a host built-in.
  const native = "package test\n\np := x if { x := 1 / input.d }\n";
  const host = "package test\n\np := x if { x := units.parse_bytes(input.s) }\n";

  it("leaves failing built-ins undefined by default, native and host alike", async () => {
    expect(await run(native, { input: { d: 0 } })).toEqual({ results: [] });
    expect(await run(host, { input: { s: "lots" } })).toEqual({ results: [] });
  });

  it("aborts with OPA's error in strict mode, native and host alike", async () => {
    expect(await run(native, { strict: true, input: { d: 0 } })).toEqual({ error: expect.stringMatching(/^eval_builtin_error: div: divide by zero/) });
    expect(await run(host, { strict: true, input: { s: "lots" } })).toEqual({ error: expect.stringMatching(/^eval_builtin_error: units\.parse_bytes: /) });
  });

  it("still evaluates what does not fail in strict mode", async () => {
    expect(await run(native, { strict: true, input: { d: 4 } })).toEqual({ results: [{ result: 0.25 }] });
    expect(await run(host, { strict: true, input: { s: "1KB" } })).toEqual({ results: [{ result: 1000 }] });
  });
});

describe.skipIf(!haveRuntime)("conflict messages", () => {
  it("names the rule for a conflict met when it is evaluated directly", async () => {
    const r = await run("package test\n\np := x if { some x in [1, 2] }\n");
    expect(r).toEqual({ error: "eval_conflict_error: rule data.test.p produced conflicting values" });
  });

  it("names a function whose value a rule without early exit uses", async () => {
    const r = await run("package test\n\nf(_) := 1\n\nf(_) := 2\n\np := y if { y := f(0) }\n");
    expect(r).toEqual({ error: "eval_conflict_error: function data.test.f produced conflicting values for the same inputs" });
  });

  it("uses the generic wording on an early-exit path (from a constant-valued rule's body)", async () => {
    const rule = await run("package test\n\np if { q }\n\nq := x if { some x in [1, 2] }\n");
    expect(rule).toEqual({ error: "eval_conflict_error: complete rules must not produce multiple outputs" });
    const fn = await run("package test\n\nf(_) := 1\n\nf(_) := 2\n\np if { y := f(0); y > 0 }\n");
    expect(fn).toEqual({ error: "eval_conflict_error: functions must not produce multiple outputs for same inputs" });
  });

  it("restores the wording of a call after a nested call returns", async () => {
    // p reaches q on an early-exit path (generic); q's body calls r with the named wording, r
    // returns normally, and the conflict q then produces must be worded generically again.
    const r = await run("package test\n\np if { q }\n\nq := x if { r; some x in [1, 2] }\n\nr if { true }\n");
    expect(r).toEqual({ error: "eval_conflict_error: complete rules must not produce multiple outputs" });
  });
});

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
    });
    expect(r.result.ok).toBe(true);
    if (!r.result.ok) return;
    for (const k of ["parse", "check", "plan", "emit", "total"] as const) expect(r.timings[k]).toBeGreaterThan(0);
    const p = await loadCompiledPolicy(r.result.value);
    p.setData({});
    expect(p.evaluate({})).toEqual([{ result: 42 }]);
  });
});

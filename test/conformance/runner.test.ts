// The conformance runner's own logic: reading case files, query forms, comparison, error matching,
// the report, and isolation of a hanging or crashing case in the worker pool.

import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCases, parseCaseFile, type ConformanceCase } from "../../engine/conformance/cases.js";
import { compareJson, errorMatches, sameRows, sortBindings, splitError } from "../../engine/conformance/compare.js";
import { runInPool } from "../../engine/conformance/pool.js";
import { planQuery } from "../../engine/conformance/query.js";
import { formatJson, formatText, summarize } from "../../engine/conformance/report.js";
import { runCase, type CaseDeps } from "../../engine/conformance/run-case.js";
import { unavailableBuiltin } from "../../engine/conformance/skip.js";

const yamlA = `
cases:
  - note: a/one
    query: data.t.p = x
    modules: ["package t\\np := 1"]
    want_result: [{x: 1}]
  - note: a/two
    query: data.t.p
    modules: ["package t\\np := false"]
    input: {k: v}
    want_result: []
`;

describe("reading cases", () => {
  it("walks folders and keeps each case's folder", async () => {
    const root = await mkdtemp(join(tmpdir(), "conf-"));
    await mkdir(join(root, "alpha", "deep"), { recursive: true });
    await writeFile(join(root, "alpha", "a.yaml"), yamlA);
    await writeFile(join(root, "alpha", "deep", "b.yml"), "cases:\n  - note: b\n    query: 1 / 0\n    modules: []\n    want_error_code: eval_builtin_error\n");
    await writeFile(join(root, "broken.yaml"), "cases: [\n");
    await writeFile(join(root, "notes.txt"), "ignored");
    const { cases, problems } = await loadCases(root);
    expect(cases.map((c) => [c.folder, c.note])).toEqual([["alpha", "a/one"], ["alpha", "a/two"], ["alpha/deep", "b"]]);
    expect(cases[1]?.input).toEqual({ k: "v" });
    expect(cases[2]?.wantErrorCode).toBe("eval_builtin_error");
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe("broken.yaml");
    const leaf = await loadCases(join(root, "alpha", "deep"));
    expect(leaf.cases.map((c) => c.folder)).toEqual(["deep"]);
  });

  it("reports files without a cases list", () => {
    expect(parseCaseFile("foo: 1", "f.yaml", ".").problems[0]?.message).toMatch(/cases/);
  });
});

describe("queries", () => {
  it("accepts the entrypoint forms only", () => {
    expect(planQuery("data.a.b = x")).toEqual({ kind: "binding", entrypoint: "a/b", variable: "x" });
    expect(planQuery("  data.generated.p  ")).toEqual({ kind: "defined", entrypoint: "generated/p" });
    expect(planQuery("data.a[0] = x").kind).toBe("skip");
    expect(planQuery("data.x.p = input").kind).toBe("skip");
    expect(planQuery("1 / 0").kind).toBe("skip");
    expect(planQuery("data.p.f(1)").kind).toBe("skip");
  });
});

describe("comparison", () => {
  it("compares rows as multisets, numbers by value", () => {
    expect(sameRows([{ x: 1 }, { x: 2 }], [{ x: 2 }, { x: 1.0 }])).toBe(true);
    expect(sameRows([{ x: [1, 2] }], [{ x: [2, 1] }])).toBe(false);
    expect(sameRows([{ x: 1 }], [{ x: 1 }, { x: 1 }])).toBe(false);
    expect(sameRows([{ x: { a: 1, b: 2 } }], [{ x: { b: 2, a: 1 } }])).toBe(true);
  });
  it("sort_bindings sorts array bindings in JSON order", () => {
    expect(sortBindings({ x: [{ a: 1 }, "b", [], null, 2, true] })).toEqual({ x: [null, true, 2, "b", [], { a: 1 }] });
    expect(compareJson([1, 2], [1, 3])).toBeLessThan(0);
    expect(compareJson({ a: 1 }, { a: 1, b: 0 })).toBeLessThan(0);
  });
  it("matches errors by code and message without the location", () => {
    const got = splitError("eval_type_error: strings.any_prefix_match: operand 1 must be one of {string, set, array} but got number");
    expect(got.code).toBe("eval_type_error");
    expect(errorMatches(got, "eval_type_error", "test-0.rego:4: eval_type_error: strings.any_prefix_match: operand 1 must be one of {string, set, array} but got number")).toBe(true);
    expect(errorMatches(got, "eval_conflict_error")).toBe(false);
    expect(errorMatches(got, undefined, "operand 2")).toBe(false);
    expect(errorMatches(splitError("divide by zero"), undefined, "divide by zero")).toBe(true);
  });
});

describe("skips", () => {
  it("names built-ins OPA's Wasm target lacks, called or used as values", () => {
    expect(unavailableBuiltin(["p := http.send({})"])).toBe("http.send");
    expect(unavailableBuiltin(["p := x if { x = time.now_ns() with time.now_ns as opa.runtime }"])).toBe("opa.runtime");
    expect(unavailableBuiltin(["# http.send( in a comment\np := 1"])).toBeNull();
    expect(unavailableBuiltin(["trace := 1\np := trace"])).toBeNull();
    expect(unavailableBuiltin(["p := my.http.send(1)"])).toBeNull();
  });
});

function fakeCase(over: Partial<ConformanceCase>): ConformanceCase {
  return { folder: "f", file: "f/x.yaml", index: 0, note: "n", query: "data.t.p = x", modules: ["package t"], strictError: false, sortBindings: false, ...over };
}

/** A stand-in compiler: the "module" text is JSON saying what evaluation gives. */
const fakeDeps: CaseDeps = {
  async compile(modules) {
    const spec = JSON.parse(modules[0]?.text ?? "{}");
    if (spec.compileError) return { ok: false, errors: [{ code: spec.compileError, message: "bad" }] };
    return { ok: true, wasm: new TextEncoder().encode(JSON.stringify(spec)) };
  },
  async load(wasm) {
    const spec = JSON.parse(new TextDecoder().decode(wasm));
    let data: unknown;
    return {
      setData: (d: unknown) => void (data = d),
      evaluate: (input: unknown) => {
        if (spec.throw) throw spec.throw;
        if (spec.echo) return [{ result: { input, data } }];
        return spec.results;
      },
    };
  },
};

describe("running a case", () => {
  it("binds the result to the query variable", async () => {
    const c = fakeCase({ modules: ['{"results":[{"result":3}]}'], wantResult: [{ x: 3 }] });
    expect(await runCase(c, fakeDeps)).toEqual({ status: "pass" });
    expect(await runCase({ ...c, wantResult: [{ x: 4 }] }, fakeDeps)).toMatchObject({ status: "fail", cause: "wrong result" });
  });
  it("treats a defined-query as true unless the value is false", async () => {
    const q = { query: "data.t.p" };
    expect(await runCase(fakeCase({ ...q, modules: ['{"results":[{"result":false}]}'], wantResult: [] }), fakeDeps)).toEqual({ status: "pass" });
    expect(await runCase(fakeCase({ ...q, modules: ['{"results":[{"result":0}]}'], wantResult: [{}] }), fakeDeps)).toEqual({ status: "pass" });
  });
  it("passes data and input (also input_term) through", async () => {
    const c = fakeCase({ modules: ['{"echo":true}'], inputTerm: '{"a": 1}', data: { d: true }, wantResult: [{ x: { input: { a: 1 }, data: { d: true } } }] });
    expect(await runCase(c, fakeDeps)).toEqual({ status: "pass" });
    expect(await runCase({ ...c, inputTerm: "{1, 2}" }, fakeDeps)).toMatchObject({ status: "fail", cause: expect.stringMatching(/input_term holds a set/) });
    const rego = { ...c, inputTerm: '{"a": [1, null, true, `raw`]}', wantResult: [{ x: { input: { a: [1, null, true, "raw"] }, data: { d: true } } }] };
    expect(await runCase(rego, fakeDeps)).toEqual({ status: "pass" });
  });
  it("matches runtime and compile errors, and fails when an error was wanted but none came", async () => {
    const thrower = fakeCase({ modules: ['{"throw":"eval_conflict_error: complete rules must not produce multiple outputs"}'], wantErrorCode: "eval_conflict_error" });
    expect(await runCase(thrower, fakeDeps)).toEqual({ status: "pass" });
    expect(await runCase({ ...thrower, wantErrorCode: "eval_type_error" }, fakeDeps)).toMatchObject({ status: "fail", cause: expect.stringMatching(/^wrong error/) });
    const compileErr = fakeCase({ modules: ['{"compileError":"rego_type_error"}'], wantErrorCode: "rego_type_error" });
    expect(await runCase(compileErr, fakeDeps)).toEqual({ status: "pass" });
    expect(await runCase({ ...compileErr, wantErrorCode: undefined, wantResult: [] }, fakeDeps)).toMatchObject({ status: "fail", cause: "compile error: rego_type_error: bad" });
    const ok = fakeCase({ modules: ['{"results":[]}'], wantError: "divide by zero" });
    expect(await runCase(ok, fakeDeps)).toMatchObject({ status: "fail", cause: "expected an error, got a result" });
  });
  it("compiles strict_error cases, and only those, with strict built-in errors", async () => {
    const seen: boolean[] = [];
    const recording: CaseDeps = {
      ...fakeDeps,
      compile: (modules, entrypoint, options) => {
        seen.push(options?.strict ?? false);
        return fakeDeps.compile(modules, entrypoint, options);
      },
    };
    const c = fakeCase({ modules: ['{"results":[{"result":1}]}'], wantResult: [{ x: 1 }] });
    await runCase(c, recording);
    await runCase({ ...c, strictError: true }, recording);
    expect(seen).toEqual([false, true]);
  });
  it("skips only for a named reason", async () => {
    expect(await runCase(fakeCase({ query: "data.t.p[0] = x" }), fakeDeps)).toMatchObject({ status: "skip", reason: expect.stringMatching(/entrypoint form/) });
    expect(await runCase(fakeCase({ modules: ["package t\np := http.send({})"] }), fakeDeps)).toMatchObject({ status: "skip", reason: expect.stringMatching(/http\.send/) });
  });
});

describe("report", () => {
  it("counts per folder, groups failures by cause, ends with the summary line", () => {
    const cases = [fakeCase({ folder: "a", note: "1" }), fakeCase({ folder: "a", note: "2" }), fakeCase({ folder: "b", note: "3" }), fakeCase({ folder: "b", note: "4" })];
    const s = summarize(cases, [{ status: "pass" }, { status: "fail", cause: "wrong result" }, { status: "fail", cause: "wrong result" }, { status: "skip", reason: "why" }]);
    const text = formatText(s);
    expect(text.trimEnd().split("\n").at(-1)).toBe("1 passed, 2 failed, 1 skipped");
    expect(text).toMatch(/ {3}2 {2}wrong result\n {8}e\.g\. 2; 3/);
    const json = JSON.parse(formatJson(s));
    expect(Object.keys(json)).toEqual(["passed", "failed", "skipped", "byFolder"]);
    expect(json.byFolder.b).toMatchObject({ passed: 0, failed: 1, skipped: 1 });
  });
});

describe("isolation", () => {
  // A worker that loops forever on item "hang", exits on "die", and echoes anything else.
  const worker = `
    const { parentPort } = require("node:worker_threads");
    parentPort.on("message", ({ id, item }) => {
      if (item === "hang") for (;;) {}
      if (item === "die") process.exit(3);
      parentPort.postMessage({ id, value: item.toUpperCase() });
    });`;

  it("times out a hanging job and a dying worker without losing the others", async () => {
    const results = await runInPool<string, string>(["a", "hang", "b", "die", "c"], { script: worker, eval: true, jobs: 1, timeoutMs: 1500 });
    expect(results).toEqual([
      { kind: "done", value: "A" },
      { kind: "timeout", ms: 1500 },
      { kind: "done", value: "B" },
      { kind: "crash", message: "worker exited with code 3" },
      { kind: "done", value: "C" },
    ]);
  });

  it("does not count a worker's start-up against the first job when it announces readiness", async () => {
    const slowStart = `
      const { parentPort } = require("node:worker_threads");
      const t = Date.now(); while (Date.now() - t < 800) {}
      parentPort.postMessage({ ready: true });
      parentPort.on("message", ({ id, item }) => parentPort.postMessage({ id, value: item + "!" }));`;
    const results = await runInPool<string, string>(["a", "b"], { script: slowStart, eval: true, jobs: 1, timeoutMs: 400, waitReady: true });
    expect(results).toEqual([{ kind: "done", value: "a!" }, { kind: "done", value: "b!" }]);
  });
});

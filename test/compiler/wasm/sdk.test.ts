// Hand-built IR policies linked into the real runtime (build/opa-runtime.wasm) and run through the
// unmodified @open-policy-agent/opa-wasm SDK: the ABI 1.2 opa_eval fast path (what
// LoadedPolicy.evaluate uses) and the opa_eval_ctx_* path (called directly on the exports).

import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type * as ir from "../../../engine/compiler/ir/ir.js";
import { importedMemoryMinimum, loadCompiledPolicy, type LoadedPolicy } from "../../../engine/compiler/builtins/index.js";
import { emitWasm } from "../../../engine/compiler/wasm/emit.js";

const runtimePath = new URL("../../../build/opa-runtime.wasm", import.meta.url);
const haveRuntime = existsSync(runtimePath);
const L = (local: number): ir.Operand => ({ kind: "local", local });
const S = (index: number): ir.Operand => ({ kind: "string", index });
const T: ir.Operand = { kind: "bool", value: true };

function resultOf(local: number): ir.Stmt[] {
  return [
    { op: "MakeObject", target: 99 },
    { op: "ObjectInsert", key: S(0), value: L(local), object: 99 },
    { op: "ResultSetAdd", value: 99 },
  ];
}

function policy(p: Partial<ir.Policy> & { plans: ir.Plan[] }): ir.Policy {
  return { strings: ["result"], builtins: [], funcs: [], ...p };
}

async function load(pol: ir.Policy, data: unknown = {}): Promise<LoadedPolicy> {
  const wasm = emitWasm(pol, new Uint8Array(readFileSync(runtimePath)), { validate: true });
  const p = await loadCompiledPolicy(wasm, { now: () => 1_500_000_000_000_000_000n });
  p.setData(data);
  return p;
}

/** Evaluate through the opa_eval_ctx_* exports, as the SDK does for ABI < 1.2. */
function evalCtx(p: LoadedPolicy, input: unknown, data: unknown, entrypoint = 0): unknown {
  const x = p.wasmInstance.exports as Record<string, (...a: number[]) => number>;
  const put = (v: unknown): number => {
    const bytes = new TextEncoder().encode(JSON.stringify(v));
    const addr = x.opa_malloc!(bytes.length);
    new Uint8Array(p.mem.buffer).set(bytes, addr);
    const parsed = x.opa_json_parse!(addr, bytes.length);
    if (parsed === 0) throw new Error("parse failed");
    return parsed;
  };
  const dataAddr = put(data);
  const inputAddr = put(input);
  const ctx = x.opa_eval_ctx_new!();
  x.opa_eval_ctx_set_input!(ctx, inputAddr);
  x.opa_eval_ctx_set_data!(ctx, dataAddr);
  x.opa_eval_ctx_set_entrypoint!(ctx, entrypoint);
  x.eval!(ctx);
  const out = x.opa_json_dump!(x.opa_eval_ctx_get_result!(ctx));
  const mem = new Uint8Array(p.mem.buffer);
  let end = out;
  while (mem[end] !== 0) end++;
  return JSON.parse(new TextDecoder().decode(mem.subarray(out, end)));
}

const constant = policy({ plans: [{ name: "test/p", blocks: [{ stmts: [{ op: "MakeNumberRef", index: 1, target: 2 }, ...resultOf(2)] }] }], strings: ["result", "12345678901234567890"] });

const readsInput = policy({
  strings: ["result", "user", "alice"],
  plans: [{ name: "test/allow", blocks: [{ stmts: [{ op: "Dot", source: L(0), key: S(1), target: 2 }, { op: "Equal", a: L(2), b: S(2) }, { op: "AssignVar", source: T, target: 3 }, ...resultOf(3)] }] }],
});

// p contains x if { some x in data.xs; x > 1 }  (gt is native)
const scan = policy({
  strings: ["result", "xs"],
  builtins: [{ name: "gt", arity: 2 }],
  plans: [{
    name: "test/p",
    blocks: [{ stmts: [
      { op: "MakeSet", target: 5 },
      { op: "MakeNumberInt", value: 1, target: 6 },
      { op: "Dot", source: L(1), key: S(1), target: 2 },
      { op: "Scan", source: 2, key: 3, value: 4, block: { stmts: [{ op: "Call", func: "gt", args: [L(4), L(6)], result: 7 }, { op: "Equal", a: L(7), b: T }, { op: "SetAdd", value: L(4), set: 5 }] } },
      ...resultOf(5),
    ] }],
  }],
});

// deny if not input.ok
const negation = policy({
  strings: ["result", "ok"],
  plans: [{ name: "test/deny", blocks: [{ stmts: [
    { op: "Not", block: { stmts: [{ op: "Dot", source: L(0), key: S(1), target: 2 }, { op: "Equal", a: L(2), b: T }] } },
    { op: "AssignVar", source: T, target: 3 },
    ...resultOf(3),
  ] }] }],
});

// f := input.x; p := [f with input.x as "mocked", input.x]
const withInput = policy({
  strings: ["result", "x", "mocked"],
  funcs: [{ name: "f", params: [0, 1], return: 2, blocks: [{ stmts: [{ op: "Dot", source: L(0), key: S(1), target: 3 }, { op: "AssignVarOnce", source: L(3), target: 2, conflict: "complete" }] }] }],
  plans: [{ name: "test/p", blocks: [{ stmts: [
    { op: "With", local: 0, path: [1], value: S(2), block: { stmts: [{ op: "Call", func: "f", args: [L(0), L(1)], result: 2 }] } },
    { op: "Dot", source: L(0), key: S(1), target: 3 },
    { op: "MakeArray", capacity: 2, target: 4 },
    { op: "ArrayAppend", value: L(2), array: 4 },
    { op: "ArrayAppend", value: L(3), array: 4 },
    ...resultOf(4),
  ] }] }],
});

// p := x if { some x in input.xs }  — a complete rule with two values is a conflict
const conflict = policy({
  strings: ["result", "xs"],
  plans: [{ name: "test/p", blocks: [
    { stmts: [{ op: "Dot", source: L(0), key: S(1), target: 2 }, { op: "Scan", source: 2, key: 3, value: 4, block: { stmts: [{ op: "AssignVarOnce", source: L(4), target: 5, conflict: "complete" }] } }] },
    { stmts: [{ op: "IsDefined", source: 5 }, ...resultOf(5)] },
  ] }],
});

// p := time.parse_rfc3339_ns(input.t) — not native: delegated to the host through opa_builtin1
const hostCall = policy({
  strings: ["result", "t"],
  builtins: [{ name: "time.parse_rfc3339_ns", arity: 1 }, { name: "time.now_ns", arity: 0 }],
  plans: [
    { name: "test/t", blocks: [{ stmts: [{ op: "Dot", source: L(0), key: S(1), target: 2 }, { op: "Call", func: "time.parse_rfc3339_ns", args: [L(2)], result: 3 }, ...resultOf(3)] }] },
    { name: "test/now", blocks: [{ stmts: [{ op: "Call", func: "time.now_ns", args: [], result: 3 }, ...resultOf(3)] }] },
  ],
});

describe.skipIf(!haveRuntime)("compiled IR through the unmodified SDK (needs npm run build:runtime)", () => {
  it("a constant rule (big number kept exact)", async () => {
    const p = await load(constant);
    expect(p.entrypoints).toEqual({ "test/p": 0 });
    const viaSdk = p.evaluate({});
    expect(viaSdk).toHaveLength(1);
    // JSON.parse rounds the big number; the raw dump shows it whole.
    expect(viaSdk[0]!.result).toBe(12345678901234567890);
    expect(evalCtx(p, {}, {})).toEqual(viaSdk);
  });

  it("a rule reading input, on both paths", async () => {
    const p = await load(readsInput);
    expect(p.evaluate({ user: "alice" })).toEqual([{ result: true }]);
    expect(p.evaluate({ user: "bob" })).toEqual([]);
    expect(p.evaluate(undefined)).toEqual([]);
    expect(evalCtx(p, { user: "alice" }, {})).toEqual([{ result: true }]);
    expect(evalCtx(p, { user: "eve" }, {})).toEqual([]);
  });

  it("a scan over data, repeated evaluations reuse the heap", async () => {
    const p = await load(scan, { xs: [3, 1, 2, 3] });
    for (let i = 0; i < 3; i++) expect(p.evaluate({})).toEqual([{ result: [2, 3] }]);
    expect(evalCtx(p, {}, { xs: [0, 5] })).toEqual([{ result: [5] }]);
  });

  it("a not", async () => {
    const p = await load(negation);
    expect(p.evaluate({ ok: false })).toEqual([{ result: true }]);
    expect(p.evaluate({})).toEqual([{ result: true }]);
    expect(p.evaluate({ ok: true })).toEqual([]);
  });

  it("a with on input, restored after its block", async () => {
    const p = await load(withInput);
    expect(p.evaluate({ x: "real" })).toEqual([{ result: ["mocked", "real"] }]);
    expect(evalCtx(p, { x: 1 }, {})).toEqual([{ result: ["mocked", 1] }]);
  });

  it("a conflict aborts with OPA's error", async () => {
    const p = await load(conflict);
    expect(p.evaluate({ xs: [1, 1] })).toEqual([{ result: 1 }]);
    expect(() => p.evaluate({ xs: [1, 2] })).toThrow(/eval_conflict_error: complete rules must not produce multiple outputs/);
    expect(() => evalCtx(p, { xs: ["a", "b"] }, {})).toThrow(/eval_conflict_error/);
  });

  it("a host built-in, listed in builtins() and returning exact nanoseconds", async () => {
    const p = await load(hostCall);
    const x = p.wasmInstance.exports as Record<string, () => number>;
    const dumped = evalCtx(p, { t: "1970-01-01T00:00:01.5Z" }, {});
    expect(dumped).toEqual([{ result: 1_500_000_000 }]);
    expect(p.evaluate({ t: "2017-06-02T19:00:00-07:00" }, "test/t")).toEqual([{ result: 1_496_455_200_000_000_000 }]);
    expect(p.evaluate({ t: "not a time" }, "test/t")).toEqual([]);
    expect(p.evaluate({}, "test/now")).toEqual([{ result: 1_500_000_000_000_000_000 }]);
    expect(typeof x.builtins).toBe("function");
  });

  it("a policy whose static data exceeds the SDK's default memory still loads", async () => {
    const big = Array.from({ length: 40 }, (_, i) => String(i).padStart(8000, "x"));
    const pol = policy({
      strings: ["result", ...big],
      plans: [{ name: "t/p", blocks: [{ stmts: [{ op: "MakeArray", capacity: 40, target: 2 }, ...big.map((_, i): ir.Stmt => ({ op: "ArrayAppend", value: S(i + 1), array: 2 })), { op: "Len", source: L(2), target: 3 }, ...resultOf(3)] }] }],
    });
    const wasm = emitWasm(pol, new Uint8Array(readFileSync(runtimePath)), { validate: true });
    expect(importedMemoryMinimum(wasm)).toBeGreaterThan(5);
    const p = await loadCompiledPolicy(wasm);
    p.setData({});
    expect(p.evaluate({})).toEqual([{ result: 40 }]);
  });

  it("cached string constants are rebuilt after the SDK resets the heap", async () => {
    // Scan input.xs first (allocating as much as the input is long), then compare input.k with a
    // constant: a value cached by an earlier, shorter evaluation would point into reused memory.
    const pol = policy({
      strings: ["result", "xs", "k", "the constant"],
      plans: [{ name: "t/p", blocks: [{ stmts: [
        { op: "Dot", source: L(0), key: S(1), target: 2 },
        { op: "Scan", source: 2, key: 3, value: 4, block: { stmts: [{ op: "MakeArray", capacity: 4, target: 5 }, { op: "ArrayAppend", value: L(4), array: 5 }] } },
        { op: "Dot", source: L(0), key: S(2), target: 6 },
        { op: "Equal", a: L(6), b: S(3) },
        { op: "AssignVar", source: T, target: 7 },
        ...resultOf(7),
      ] }] }],
    });
    const p = await load(pol);
    expect(p.evaluate({ xs: [], k: "the constant" })).toEqual([{ result: true }]);
    expect(p.evaluate({ xs: Array.from({ length: 500 }, (_, i) => `item ${i}`), k: "the constant" })).toEqual([{ result: true }]);
    expect(p.evaluate({ xs: ["a"], k: "another" })).toEqual([]);
    expect(p.evaluate({ xs: Array.from({ length: 50 }, () => "zz"), k: "the constant" })).toEqual([{ result: true }]);
  });
});

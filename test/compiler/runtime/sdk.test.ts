// End-to-end check of the runtime's ABI against the real, unmodified @open-policy-agent/opa-wasm
// SDK: a minimal "policy" is linked in the way API.md describes (each "policy" import replaced
// by a function of the same internal name) and loaded with loadPolicy.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import binaryen from "binaryen";
import { describe, expect, it } from "vitest";
import { ensureRuntime } from "./ensure-runtime.js";

const require = createRequire(import.meta.url);
const { loadPolicy } = require("@open-policy-agent/opa-wasm") as {
  loadPolicy: (wasm: BufferSource, mem?: unknown, builtins?: Record<string, unknown>) => Promise<{
    evaluate(input: unknown, entrypoint?: number | string): unknown;
    setData(data: unknown): void;
    entrypoints: Record<string, number>;
  }>;
};

/** Internal name of an exported runtime function. */
function internal(mod: binaryen.Module, exportName: string): string {
  return binaryen.getExportInfo(mod.getExport(exportName)).value;
}

/**
 * Links a policy whose single entrypoint returns {"input": input, "data": data, "count": count(input.items)}
 * using only exported runtime functions.
 */
function linkTestPolicy(): Uint8Array {
  const mod = binaryen.readBinary(readFileSync(ensureRuntime()));
  mod.setFeatures(binaryen.Features.All);
  const hooks = new Map<string, string>();
  for (let i = 0; i < mod.getNumFunctions(); i++) {
    const info = binaryen.getFunctionInfo(mod.getFunctionByIndex(i));
    if (info.module === "policy") hooks.set(info.base, info.name);
  }
  expect([...hooks.keys()].sort()).toEqual(["builtins", "entrypoints", "eval", "heap_base"]);
  for (const name of hooks.values()) mod.removeFunction(name);
  const i32 = binaryen.i32;
  const call = (fn: string, args: number[], type: number = i32) => mod.call(internal(mod, fn), args, type);
  // Helper: opa_string from bytes written with i32.store8 into fresh memory from opa_malloc.
  const mkString = (s: string, local: number): number => {
    const bytes = new TextEncoder().encode(s);
    const stmts = [mod.local.set(local, call("opa_malloc", [mod.i32.const(bytes.length)]))];
    bytes.forEach((b, i) => stmts.push(mod.i32.store8(i, 0, mod.local.get(local, i32), mod.i32.const(b))));
    stmts.push(mod.local.set(local, call("opa_string", [mod.local.get(local, i32), mod.i32.const(bytes.length)])));
    return mod.block(null, stmts);
  };
  // eval(ctx): locals 0 ctx, 1 tmp, 2 obj, 3 rs, 4 row
  const L = { ctx: 0, tmp: 1, obj: 2, rs: 3, row: 4 };
  const get = (l: number) => mod.local.get(l, i32);
  mod.addFunction(hooks.get("eval")!, binaryen.createType([i32]), binaryen.none, [i32, i32, i32, i32], mod.block(null, [
    mod.local.set(L.obj, call("opa_object", [])),
    mkString("input", L.tmp),
    call("opa_object_insert", [get(L.obj), get(L.tmp), call("rt_ctx_input", [get(L.ctx)])], binaryen.none),
    mkString("data", L.tmp),
    call("opa_object_insert", [get(L.obj), get(L.tmp), call("rt_ctx_data", [get(L.ctx)])], binaryen.none),
    mkString("items", L.tmp),
    mod.local.set(L.tmp, call("opa_value_get", [call("rt_ctx_input", [get(L.ctx)]), get(L.tmp)])),
    mod.local.set(L.tmp, call("builtin_count", [get(L.tmp)])),
    mod.if(get(L.tmp), mod.block(null, [
      mod.local.set(L.row, get(L.tmp)),
      mkString("count", L.tmp),
      call("opa_object_insert", [get(L.obj), get(L.tmp), get(L.row)], binaryen.none),
    ])),
    mod.local.set(L.rs, call("opa_set", [])),
    mod.local.set(L.row, call("opa_object", [])),
    mkString("result", L.tmp),
    call("opa_object_insert", [get(L.row), get(L.tmp), get(L.obj)], binaryen.none),
    call("opa_set_add", [get(L.rs), get(L.row)], binaryen.none),
    call("rt_ctx_set_result", [get(L.ctx), get(L.rs)], binaryen.none),
  ]));
  mod.addFunction(hooks.get("builtins")!, binaryen.none, i32, [], call("opa_object", []));
  // entrypoints(): {"test/p": 0}
  mod.addFunction(hooks.get("entrypoints")!, binaryen.none, i32, [i32, i32], mod.block(null, [
    mod.local.set(0, call("opa_object", [])),
    mkString("test/p", 1),
    call("opa_object_insert", [get(0), get(1), call("opa_number_int", [(mod.i64.const as unknown as (v: bigint) => number)(0n)])], binaryen.none),
    get(0),
  ], i32));
  mod.addFunction(hooks.get("heap_base")!, binaryen.none, i32, [], call("rt_static_end", []));
  expect(mod.validate()).toBeTruthy();
  const bytes = mod.emitBinary();
  mod.dispose();
  return bytes;
}

describe("runtime under the unmodified opa-wasm SDK", () => {
  it("loads, evaluates with the ABI 1.2 fast path, sets data, and grows memory for big inputs", { timeout: 120_000 }, async () => {
    const policy = await loadPolicy(linkTestPolicy());
    expect(policy.entrypoints).toEqual({ "test/p": 0 });
    expect(policy.evaluate({ items: [1, 2, 3], n: 1.5 })).toEqual([
      { result: { input: { items: [1, 2, 3], n: 1.5 }, data: {}, count: 3 } },
    ]);
    policy.setData({ limits: { max: 10 }, big: 123456789012345678901234567890 });
    const r1 = policy.evaluate({ items: "héllo" }, "test/p") as { result: Record<string, unknown> }[];
    expect(r1[0]!.result.count).toBe(5);
    expect((r1[0]!.result.data as Record<string, unknown>).limits).toEqual({ max: 10 });
    // Inputs far beyond the 5 initial pages; repeated evaluations reuse the heap.
    const items = Array.from({ length: 20000 }, (_, i) => ({ id: `resource-${i}`, tags: { n: i } }));
    for (let round = 0; round < 2; round++) {
      const r = policy.evaluate({ items }) as { result: { count: number; input: { items: unknown[] } } }[];
      expect(r[0]!.result.count).toBe(20000);
      expect(r[0]!.result.input.items[19999]).toEqual({ id: "resource-19999", tags: { n: 19999 } });
    }
    expect(policy.evaluate({ items: [] })).toEqual([{ result: { input: { items: [] }, data: { limits: { max: 10 }, big: 1.2345678901234568e29 }, count: 0 } }]);
  });
});

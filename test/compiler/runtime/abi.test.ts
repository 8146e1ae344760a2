import { describe, expect, it } from "vitest";
import { loadRuntime } from "./harness.js";

describe("OPA ABI exports", () => {
  it("exposes ABI version 1.3 as globals", () => {
    const rt = loadRuntime();
    expect((rt.exports.opa_wasm_abi_version as WebAssembly.Global).value).toBe(1);
    expect((rt.exports.opa_wasm_abi_minor_version as WebAssembly.Global).value).toBe(3);
  });

  it("starts the heap at the policy's heap_base, aligned", () => {
    const rt = loadRuntime();
    const base = rt.exports.opa_heap_ptr_get();
    expect(base % 16).toBe(0);
    expect(base).toBeGreaterThanOrEqual(rt.exports.rt_static_end());
    const p = rt.exports.opa_malloc(10);
    expect(p).toBeGreaterThanOrEqual(base);
    expect(p % 8).toBe(0);
  });

  it("grows memory beyond the 5 initial pages when the heap needs room", () => {
    const rt = loadRuntime(5);
    const before = rt.memory.buffer.byteLength;
    const items = Array.from({ length: 30000 }, (_, i) => ({ name: `item-${i}`, values: [i, i + 1, i + 2] }));
    const v = rt.json(JSON.stringify(items));
    expect(rt.memory.buffer.byteLength).toBeGreaterThan(before);
    expect(rt.js(v)).toEqual(items);
    // A single big allocation also grows memory.
    const p = rt.exports.opa_malloc(8 * 1024 * 1024);
    new Uint8Array(rt.memory.buffer)[p + 8 * 1024 * 1024 - 1] = 7;
    expect(rt.memory.buffer.byteLength).toBeGreaterThan(p + 8 * 1024 * 1024);
  });

  it("reuses memory after opa_heap_ptr_set resets the heap", () => {
    const rt = loadRuntime();
    const data = rt.json('{"keep":[1,2,3]}');
    const mark = rt.exports.opa_heap_ptr_get();
    const first = rt.json(JSON.stringify({ scratch: new Array(1000).fill(1) }));
    expect(first).toBeGreaterThanOrEqual(mark);
    rt.exports.opa_heap_ptr_set(mark);
    const again = rt.json('"x"');
    expect(again).toBeLessThan(first + 64);
    expect(rt.js(data)).toEqual({ keep: [1, 2, 3] });
  });

  it("runs the opa_eval fast path: parses input, calls policy.eval, dumps the result set", () => {
    const rt = loadRuntime();
    const ex = rt.exports;
    const data = rt.json('{"threshold":2}');
    let seen: { input: unknown; data: unknown; entrypoint: number } | undefined;
    rt.onEval = (ctx) => {
      seen = { input: rt.js(ex.rt_ctx_input(ctx)), data: rt.js(ex.rt_ctx_data(ctx)), entrypoint: ex.rt_ctx_entrypoint(ctx) };
      const rs = ex.opa_set();
      const row = ex.opa_object();
      const result = ex.opa_set();
      ex.opa_set_add(result, rt.str("b"));
      ex.opa_set_add(result, rt.str("a"));
      ex.opa_object_insert(row, rt.str("result"), result);
      ex.opa_set_add(rs, row);
      ex.rt_ctx_set_result(ctx, rs);
    };
    const heapAfterData = ex.opa_heap_ptr_get();
    const input = new TextEncoder().encode('{"user":"alice","n":3}');
    new Uint8Array(rt.memory.buffer).set(input, heapAfterData);
    const out = ex.opa_eval(0, 4, data, heapAfterData, input.length, heapAfterData + input.length, 0);
    expect(JSON.parse(rt.cstr(out))).toEqual([{ result: ["a", "b"] }]);
    expect(seen).toEqual({ input: { user: "alice", n: 3 }, data: { threshold: 2 }, entrypoint: 4 });
    const text = ex.opa_eval(0, 0, data, 0, 0, heapAfterData, 1);
    expect(rt.cstr(text)).toBe('{{"result":{"a","b"}}}');
    expect(seen!.input).toBeUndefined();
    // Invalid input JSON aborts.
    new Uint8Array(rt.memory.buffer).set(new TextEncoder().encode("{bad"), heapAfterData);
    expect(() => ex.opa_eval(0, 0, data, heapAfterData, 4, heapAfterData + 4, 0)).toThrow(/parse/);
  });

  it("runs the context path and returns builtins()/entrypoints() from the policy hooks", () => {
    const rt = loadRuntime();
    const ex = rt.exports;
    rt.onEval = (ctx) => {
      const rs = ex.opa_set();
      const row = ex.opa_object();
      ex.opa_object_insert(row, rt.str("result"), ex.opa_value_get(ex.rt_ctx_input(ctx), rt.str("x")));
      ex.opa_set_add(rs, row);
      ex.rt_ctx_set_result(ctx, rs);
    };
    const ctx = ex.opa_eval_ctx_new();
    ex.opa_eval_ctx_set_input(ctx, rt.json('{"x":[1,2]}'));
    ex.opa_eval_ctx_set_data(ctx, rt.json("{}"));
    ex.opa_eval_ctx_set_entrypoint(ctx, 0);
    expect(ex.eval(ctx)).toBe(0);
    expect(rt.js(ex.opa_eval_ctx_get_result(ctx))).toEqual([{ result: [1, 2] }]);
    expect(rt.js(ex.builtins())).toEqual({ "custom.fn": 0 });
    expect(rt.js(ex.entrypoints())).toEqual({ "a/b": 0 });
  });

  it("keeps data values intact when evaluation sorts them lazily and the heap is reset", () => {
    const rt = loadRuntime();
    const ex = rt.exports;
    // A set built by "policy code" (unsorted insertion), kept below the reset mark like data.
    const s = ex.opa_set();
    for (let i = 40; i > 0; i--) ex.opa_set_add(s, ex.opa_number_int(BigInt(i)));
    const mark = ex.opa_heap_ptr_get();
    expect(rt.dump(s)).toBe(JSON.stringify(Array.from({ length: 40 }, (_, i) => i + 1)));
    ex.opa_heap_ptr_set(mark);
    for (let i = 0; i < 100; i++) rt.json('{"overwrite":"' + "x".repeat(50) + '"}');
    expect(rt.dump(s)).toBe(JSON.stringify(Array.from({ length: 40 }, (_, i) => i + 1)));
    expect(ex.opa_value_get(s, rt.json("17"))).not.toBe(0);
  });
});

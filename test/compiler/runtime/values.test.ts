import { describe, expect, it } from "vitest";
import { loadRuntime } from "./harness.js";

describe("value comparison, equality and hashing", () => {
  it("orders values by OPA's total order", () => {
    const rt = loadRuntime();
    const ex = rt.exports;
    const set12 = ex.opa_set();
    ex.opa_set_add(set12, rt.json("1"));
    ex.opa_set_add(set12, rt.json("2"));
    const set13 = ex.opa_set();
    ex.opa_set_add(set13, rt.json("3"));
    ex.opa_set_add(set13, rt.json("1"));
    // Ascending: null < booleans < numbers < strings < arrays < objects < sets.
    const ordered = [
      rt.json("null"), rt.json("false"), rt.json("true"), rt.json("-1e400"), rt.json("-5"), rt.json("1"),
      rt.json("1.5"), rt.json("2"), rt.json("123456789012345678901234567890"),
      rt.json('""'), rt.json('"A"'), rt.json('"a"'), rt.json('"ab"'), rt.json('"é"'),
      rt.json("[]"), rt.json("[1]"), rt.json("[1,2]"), rt.json("[2]"),
      rt.json("{}"), rt.json('{"a":1}'), rt.json('{"a":2}'), rt.json('{"a":2,"b":0}'), rt.json('{"b":0}'),
      ex.opa_set(), set12, set13,
    ];
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        const want = Math.sign(i - j);
        expect(ex.opa_value_compare(ordered[i], ordered[j]), `${rt.dumpValue(ordered[i])} vs ${rt.dumpValue(ordered[j])}`).toBe(want);
      }
    }
  });

  it("compares big integers exactly against int64 and doubles", () => {
    const rt = loadRuntime();
    const ex = rt.exports;
    const cmp = (a: number, b: number) => ex.opa_value_compare(a, b);
    const maxI64 = rt.json("9223372036854775807");
    const above = rt.json("9223372036854775808");
    expect(cmp(maxI64, above)).toBe(-1);
    expect(cmp(above, maxI64)).toBe(1);
    expect(cmp(rt.json("-9223372036854775809"), rt.json("-9223372036854775808"))).toBe(-1);
    // 1e20 as a double is exactly 100000000000000000000.
    const dbl = ex.builtin_mul(rt.json("1e10"), rt.json("1.0e10"));
    expect(cmp(rt.json("100000000000000000000"), ex.builtin_plus(dbl, rt.json("0")))).toBe(0);
    expect(cmp(rt.json("100000000000000000001"), rt.json("1e20"))).toBe(1);
    expect(cmp(rt.json("28857836529306024611913"), rt.json("28857836529306024611912"))).toBe(1);
    expect(ex.rt_equal(rt.json("28857836529306024611913"), rt.json("28857836529306024611912"))).toBe(0);
  });

  it("treats 1 and 1.0 as the same value, also as object keys and set members", () => {
    const rt = loadRuntime();
    const ex = rt.exports;
    const one = rt.json("1"), oneF = rt.json("1.0"), oneRef = ex.opa_number_ref(...(() => {
      const b = new TextEncoder().encode("10e-1");
      const p = ex.opa_malloc(b.length);
      new Uint8Array(rt.memory.buffer).set(b, p);
      return [p, b.length] as const;
    })());
    expect(ex.rt_equal(one, oneF)).toBe(1);
    expect(ex.rt_equal(one, oneRef)).toBe(1);
    expect(ex.opa_value_compare(one, oneF)).toBe(0);
    const s = ex.opa_set();
    ex.opa_set_add(s, one);
    ex.opa_set_add(s, oneF);
    ex.opa_set_add(s, oneRef);
    expect(rt.dump(s)).toBe("[1]");
    expect(ex.opa_value_get(s, rt.json("1.00"))).not.toBe(0);
    const o = rt.json('{"x":{"1":true}}');
    const big = ex.opa_object();
    for (let i = 0; i < 50; i++) ex.opa_object_insert(big, rt.json(String(i)), rt.json(`"v${i}"`));
    expect(rt.js(ex.opa_value_get(big, rt.json("7.0")))).toBe("v7");
    expect(ex.opa_value_get(o, rt.json('"y"'))).toBe(0);
    // Objects and sets are equal regardless of insertion order.
    const a = ex.opa_object(), b = ex.opa_object();
    for (const k of ["x", "y", "z"]) ex.opa_object_insert(a, rt.str(k), rt.json("1"));
    for (const k of ["z", "x", "y"]) ex.opa_object_insert(b, rt.str(k), rt.json("1.0"));
    expect(ex.rt_equal(a, b)).toBe(1);
    const sa = ex.opa_set(), sb = ex.opa_set();
    ex.opa_set_add(sa, a); ex.opa_set_add(sb, b);
    expect(ex.rt_equal(sa, sb)).toBe(1);
    ex.opa_set_add(sb, rt.json("2"));
    expect(ex.rt_equal(sa, sb)).toBe(0);
  });

  it("reports types with OPA's codes", () => {
    const rt = loadRuntime();
    const t = ["null", "true", "1", '"s"', "[]", "{}"].map((x) => rt.exports.opa_value_type(rt.json(x)));
    expect(t).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rt.exports.opa_value_type(rt.exports.opa_set())).toBe(7);
  });
});

describe("objects, sets and arrays", () => {
  it("builds and looks up 100k-key objects and sets quickly", () => {
    const rt = loadRuntime();
    const ex = rt.exports;
    const n = 100_000;
    const keys: number[] = [];
    for (let i = 0; i < n; i++) keys.push(rt.str(`key-${(i * 7919) % n}`));
    const t0 = performance.now();
    const o = ex.opa_object();
    for (let i = 0; i < n; i++) ex.opa_object_insert(o, keys[i], ex.opa_number_int(BigInt(i)));
    const s = ex.opa_set();
    for (let i = 0; i < n; i++) ex.opa_set_add(s, keys[i]);
    for (let i = 0; i < n; i++) ex.opa_set_add(s, keys[i]); // duplicates are ignored
    let found = 0;
    for (let i = 0; i < n; i++) if (ex.opa_value_get(o, rt.str(`key-${i}`)) !== 0) found++;
    const ms = performance.now() - t0;
    expect(found).toBe(n);
    expect(rt.js(ex.rt_len(o))).toBe(n);
    expect(rt.js(ex.rt_len(s))).toBe(n);
    expect(ex.opa_value_get(s, rt.str("key-x"))).toBe(0);
    // Iteration visits every key exactly once, in sorted order.
    const t1 = performance.now();
    const visited: number[] = [];
    for (let k = ex.opa_value_iter(o, 0); k !== 0; k = ex.opa_value_iter(o, k)) visited.push(k);
    const iterMs = performance.now() - t1;
    expect(visited.length).toBe(n);
    for (let i = 1; i < visited.length; i += 997) expect(ex.opa_value_compare(visited[i - 1], visited[i])).toBe(-1);
    expect(new Set(visited.map((k) => rt.js(k))).size).toBe(n);
    console.log(`100k inserts+lookups: ${ms.toFixed(0)} ms, iteration: ${iterMs.toFixed(0)} ms`);
    expect(ms).toBeLessThan(5000);
  });

  it("iterates arrays by index and objects/sets by sorted key, also resuming from any key", () => {
    const rt = loadRuntime();
    const ex = rt.exports;
    const keysOf = (v: number) => {
      const out: unknown[] = [];
      for (let k = ex.opa_value_iter(v, 0); k !== 0; k = ex.opa_value_iter(v, k)) out.push(rt.js(k));
      return out;
    };
    expect(keysOf(rt.json('["a","b","c"]'))).toEqual([0, 1, 2]);
    expect(keysOf(rt.json("[]"))).toEqual([]);
    const o = ex.opa_object();
    for (const k of ["m", "c", "x", "a"]) ex.opa_object_insert(o, rt.str(k), rt.json("0"));
    expect(keysOf(o)).toEqual(["a", "c", "m", "x"]);
    // Resuming from a key that is an equal value but a different pointer.
    expect(rt.js(ex.opa_value_iter(o, rt.str("c")))).toBe("m");
    const s = ex.opa_set();
    for (const v of ["3", '"z"', "1", "null"]) ex.opa_set_add(s, rt.json(v));
    expect(keysOf(s)).toEqual([null, 1, 3, "z"]);
    expect(ex.opa_value_iter(rt.json("1"), 0)).toBe(0);
  });

  it("gets array elements by integral number keys only", () => {
    const rt = loadRuntime();
    const ex = rt.exports;
    const a = rt.json('["a","b"]');
    expect(rt.js(ex.opa_value_get(a, rt.json("1")))).toBe("b");
    expect(rt.js(ex.opa_value_get(a, rt.json("1.0")))).toBe("b");
    expect(ex.opa_value_get(a, rt.json("1.5"))).toBe(0);
    expect(ex.opa_value_get(a, rt.json("2"))).toBe(0);
    expect(ex.opa_value_get(a, rt.json("-1"))).toBe(0);
    expect(ex.opa_value_get(a, rt.json('"0"'))).toBe(0);
  });

  it("appends to arrays beyond their capacity", () => {
    const rt = loadRuntime();
    const ex = rt.exports;
    const a = ex.opa_array_with_cap(1);
    for (let i = 0; i < 100; i++) ex.opa_array_append(a, ex.opa_number_int(BigInt(i)));
    expect(rt.js(a)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it("insert_once reports conflicts only for different values", () => {
    const rt = loadRuntime();
    const ex = rt.exports;
    const o = ex.opa_object();
    expect(ex.rt_object_insert_once(o, rt.str("a"), rt.json("1"))).toBe(0);
    expect(ex.rt_object_insert_once(o, rt.str("a"), rt.json("1.0"))).toBe(0);
    expect(ex.rt_object_insert_once(o, rt.str("a"), rt.json("2"))).toBe(1);
    expect(rt.dump(o)).toBe('{"a":1}');
  });

  it("merges objects deeply with the first argument winning", () => {
    const rt = loadRuntime();
    const ex = rt.exports;
    const a = rt.json('{"x":{"p":1,"q":{"r":1}},"y":1}');
    const b = rt.json('{"x":{"p":2,"q":{"s":2},"t":3},"z":[1]}');
    expect(rt.js(ex.rt_object_merge(a, b))).toEqual({ x: { p: 1, q: { r: 1, s: 2 }, t: 3 }, y: 1, z: [1] });
    expect(rt.js(a)).toEqual({ x: { p: 1, q: { r: 1 } }, y: 1 }); // inputs unchanged
    expect(ex.rt_object_merge(a, rt.json("[]"))).toBe(0);
  });

  it("upserts a path into a copy, creating objects along the way", () => {
    const rt = loadRuntime();
    const ex = rt.exports;
    const base = rt.json('{"a":{"b":1,"c":2},"d":3}');
    const r = ex.rt_upsert(base, rt.json('["a","b"]'), rt.json('"new"'));
    expect(rt.js(r)).toEqual({ a: { b: "new", c: 2 }, d: 3 });
    expect(rt.js(base)).toEqual({ a: { b: 1, c: 2 }, d: 3 });
    expect(rt.js(ex.rt_upsert(0, rt.json('["x","y"]'), rt.json("1")))).toEqual({ x: { y: 1 } });
    expect(rt.js(ex.rt_upsert(base, rt.json('["d","e"]'), rt.json("1")))).toEqual({ a: { b: 1, c: 2 }, d: { e: 1 } });
  });

  it("counts string length in code points", () => {
    const rt = loadRuntime();
    expect(rt.js(rt.exports.rt_len(rt.str("añ😀")))).toBe(3);
    expect(rt.exports.rt_len(rt.json("1"))).toBe(0);
  });

  it("aborts with OPA's conflict messages", () => {
    const rt = loadRuntime();
    expect(() => rt.exports.rt_abort_conflict(0)).toThrow("eval_conflict_error: complete rules must not produce multiple outputs");
    expect(() => rt.exports.rt_abort_conflict(1)).toThrow("eval_conflict_error: functions must not produce multiple outputs for same inputs");
    expect(() => rt.exports.rt_abort_conflict(2)).toThrow("eval_conflict_error: object keys must be unique");
    const name = new TextEncoder().encode("data.test.p");
    const p = rt.exports.opa_malloc(name.length);
    new Uint8Array(rt.memory.buffer).set(name, p);
    expect(() => rt.exports.rt_abort_conflict_named(0, p, name.length)).toThrow("eval_conflict_error: rule data.test.p produced conflicting values");
    expect(() => rt.exports.rt_abort_conflict_named(1, p, name.length)).toThrow("eval_conflict_error: function data.test.p produced conflicting values for the same inputs");
  });
});

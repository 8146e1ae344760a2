// Randomised cross-check of the runtime's value order, equality and set/object keying against a
// small reference implementation of OPA's order written here in TypeScript.
import { describe, expect, it } from "vitest";
import { loadRuntime, type Runtime } from "./harness.js";

type V =
  | { t: 1 } | { t: 2; v: boolean } | { t: 3; v: number } | { t: 4; v: string }
  | { t: 5; v: V[] } | { t: 6; v: [string, V][] } | { t: 7; v: V[] };

function cmpRef(a: V, b: V): number {
  if (a.t !== b.t) return a.t < b.t ? -1 : 1;
  switch (a.t) {
    case 1: return 0;
    case 2: return a.v === (b as typeof a).v ? 0 : a.v ? 1 : -1;
    case 3: return Math.sign(a.v - (b as typeof a).v);
    case 4: return Math.sign(Buffer.compare(Buffer.from(a.v), Buffer.from((b as typeof a).v)));
    case 5: {
      const y = (b as typeof a).v;
      for (let i = 0; i < Math.min(a.v.length, y.length); i++) { const r = cmpRef(a.v[i]!, y[i]!); if (r) return r; }
      return Math.sign(a.v.length - y.length);
    }
    case 6: {
      const x = normObj(a.v), y = normObj((b as typeof a).v);
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const k = cmpRef({ t: 4, v: x[i]![0] }, { t: 4, v: y[i]![0] });
        if (k) return k;
        const r = cmpRef(x[i]![1], y[i]![1]);
        if (r) return r;
      }
      return Math.sign(x.length - y.length);
    }
    case 7: {
      const x = normSet(a.v), y = normSet((b as typeof a).v);
      for (let i = 0; i < Math.min(x.length, y.length); i++) { const r = cmpRef(x[i]!, y[i]!); if (r) return r; }
      return Math.sign(x.length - y.length);
    }
  }
}
function normObj(e: [string, V][]): [string, V][] {
  const m = new Map<string, V>();
  for (const [k, v] of e) m.set(k, v);
  return [...m].sort((p, q) => cmpRef({ t: 4, v: p[0] }, { t: 4, v: q[0] }));
}
function normSet(e: V[]): V[] {
  const s = [...e].sort(cmpRef);
  return s.filter((x, i) => i === 0 || cmpRef(s[i - 1]!, x) !== 0);
}

/** Rego text; numbers sometimes written as 2.0 or 20e-1 to exercise equal-but-differently-written values. */
function text(x: V, rnd: () => number): string {
  switch (x.t) {
    case 1: return "null";
    case 2: return String(x.v);
    case 3: { const small = Number.isInteger(x.v) && Math.abs(x.v) < 1e15; return small && rnd() < 0.3 ? `${x.v}.0` : small && rnd() < 0.2 ? `${x.v * 10}e-1` : JSON.stringify(x.v); }
    case 4: return JSON.stringify(x.v);
    case 5: return `[${x.v.map((e) => text(e, rnd)).join(",")}]`;
    case 6: return `{${x.v.map(([k, e]) => `${JSON.stringify(k)}:${text(e, rnd)}`).join(",")}}`;
    case 7: return x.v.length === 0 ? "set()" : `{${x.v.map((e) => text(e, rnd)).join(",")}}`;
  }
}

function gen(rnd: () => number, depth: number): V {
  const pick = Math.floor(rnd() * (depth > 2 ? 4 : 7)) + 1;
  const strs = ["", "a", "b", "ab", "é", "😀", "Z", "a\u0000b"];
  switch (pick) {
    case 1: return { t: 1 };
    case 2: return { t: 2, v: rnd() < 0.5 };
    case 3: return { t: 3, v: [0, 1, -1, 2, 1.5, -0.25, 1e300, 3][Math.floor(rnd() * 8)]! };
    case 4: return { t: 4, v: strs[Math.floor(rnd() * strs.length)]! };
    case 5: return { t: 5, v: Array.from({ length: Math.floor(rnd() * 3) }, () => gen(rnd, depth + 1)) };
    case 6: return { t: 6, v: Array.from({ length: Math.floor(rnd() * 3) }, () => [strs[Math.floor(rnd() * 4)]!, gen(rnd, depth + 1)] as [string, V]) };
    default: return { t: 7, v: Array.from({ length: Math.floor(rnd() * 3) }, () => gen(rnd, depth + 1)) };
  }
}

function parse(rt: Runtime, t: string): number {
  const b = new TextEncoder().encode(t);
  const p = rt.exports.opa_malloc(b.length);
  new Uint8Array(rt.memory.buffer).set(b, p);
  const v = rt.exports.opa_value_parse(p, b.length);
  if (!v) throw new Error(`unparsable ${t}`);
  return v;
}

describe("value order and equality against a reference implementation", () => {
  it("agrees on compare, equality, set membership and sorting for random values", () => {
    let seed = 42;
    const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const rt = loadRuntime();
    const ex = rt.exports;
    const vals = Array.from({ length: 300 }, () => gen(rnd, 0));
    const ptrs = vals.map((v) => parse(rt, text(v, rnd)));
    const twins = vals.map((v) => parse(rt, text(v, rnd))); // same values, possibly written differently
    for (let i = 0; i < vals.length; i++) {
      expect(ex.rt_equal(ptrs[i], twins[i]), text(vals[i]!, rnd)).toBe(1);
      for (let j = 0; j < vals.length; j += 7) {
        const want = cmpRef(vals[i]!, vals[j]!);
        expect(ex.opa_value_compare(ptrs[i], ptrs[j]), `${text(vals[i]!, rnd)} vs ${text(vals[j]!, rnd)}`).toBe(want);
        expect(ex.rt_equal(ptrs[i], twins[j])).toBe(want === 0 ? 1 : 0);
      }
    }
    // A set of all values and their twins has exactly the distinct values, in reference order.
    const s = ex.opa_set();
    for (let i = 0; i < vals.length; i++) { ex.opa_set_add(s, ptrs[i]); ex.opa_set_add(s, twins[i]); }
    const distinct = normSet(vals);
    expect(rt.js(ex.rt_len(s))).toBe(distinct.length);
    const order: number[] = [];
    for (let k = ex.opa_value_iter(s, 0); k !== 0; k = ex.opa_value_iter(s, k)) order.push(k);
    for (let i = 0; i < distinct.length; i++) {
      expect(ex.rt_equal(order[i], parse(rt, text(distinct[i]!, rnd))), `position ${i}: ${rt.dumpValue(order[i])} vs ${text(distinct[i]!, rnd)} (prev ${rt.dumpValue(order[i - 1] ?? 0)})`).toBe(1);
    }
    // Objects keyed by those values (through their twins) find every entry.
    const o = ex.opa_object();
    for (let i = 0; i < vals.length; i++) ex.opa_object_insert(o, ptrs[i], ex.opa_number_int(BigInt(i)));
    for (let i = 0; i < vals.length; i++) expect(ex.opa_value_get(o, twins[i])).not.toBe(0);
  });
});

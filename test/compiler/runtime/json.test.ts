import { describe, expect, it } from "vitest";
import { loadRuntime } from "./harness.js";

/** Parses raw bytes with opa_json_parse; returns the value pointer (0 = rejected). */
function parseRaw(rt: ReturnType<typeof loadRuntime>, text: string): number {
  const b = new TextEncoder().encode(text);
  const p = rt.exports.opa_malloc(b.length);
  new Uint8Array(rt.memory.buffer).set(b, p);
  return rt.exports.opa_json_parse(p, b.length);
}

describe("JSON parse and dump", () => {
  it("round-trips documents to the same JS value, with object keys sorted", () => {
    const rt = loadRuntime();
    const docs = [
      { b: 1, a: [1, 2.5, -3, "x", null, true, false], c: { z: {}, y: [] } },
      [0, -0.5, 1e-7, 123.456, 1.5e300, -2.25e-300],
      "plain",
      { "": "empty key", "\u00e9": "é" },
    ];
    for (const d of docs) {
      const text = rt.dump(rt.json(JSON.stringify(d)));
      expect(JSON.parse(text)).toEqual(d);
    }
    expect(rt.dump(rt.json('{"b":1,"a":2,"c":3}'))).toBe('{"a":2,"b":1,"c":3}');
  });

  it("keeps big integers and huge exponents exactly as written", () => {
    const rt = loadRuntime();
    for (const t of ["123456789012345678901234567890", "-98765432109876543210", "1e400", "9223372036854775808"]) {
      expect(rt.dump(rt.json(t))).toBe(t);
    }
    expect(rt.dump(rt.json("9223372036854775807"))).toBe("9223372036854775807");
    expect(rt.dump(rt.json("-9223372036854775808"))).toBe("-9223372036854775808");
  });

  it("prints integral numbers without a fraction and normalises exponents", () => {
    const rt = loadRuntime();
    expect(rt.dump(rt.json("1.0"))).toBe("1");
    expect(rt.dump(rt.json("1E2"))).toBe("100");
    expect(rt.dump(rt.json("-0"))).toBe("0");
    expect(rt.dump(rt.json("2.50"))).toBe("2.5");
    expect(Number(rt.dump(rt.json("0.1")))).toBe(0.1);
  });

  it("decodes escapes and surrogate pairs to UTF-8 and re-escapes what JSON requires", () => {
    const rt = loadRuntime();
    const v = rt.json('"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u0041\\u00e9\\u20ac\\ud83d\\ude00\\u0001"');
    const s = JSON.parse(rt.dump(v));
    expect(s).toBe('a"b\\c/d\b\f\n\r\tAé€😀\u0001');
    expect(rt.js(rt.exports.rt_len(v))).toBe(s.length - 1); // code points: the emoji counts once
    // A lone surrogate becomes U+FFFD, as Go's decoder does.
    expect(JSON.parse(rt.dump(rt.json('"x\\ud800y"')))).toBe("x\ufffdy");
    // Raw UTF-8 passes through unchanged.
    expect(JSON.parse(rt.dump(rt.json(JSON.stringify("日本語 ✓"))))).toBe("日本語 ✓");
  });

  it("prints doubles as the shortest text that reads back to the same double, like JavaScript", () => {
    const rt = loadRuntime();
    const view = new DataView(new ArrayBuffer(8));
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const values = [0.1, 0.2, 0.30000000000000004, 1 / 3, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
      1e21, 1.5e-7, 1e-7, 123.456, 2246249790165835.2, -0.000001, 4.35];
    for (let i = 0; i < 1500; i++) {
      view.setUint32(0, next()); view.setUint32(4, next());
      const f = view.getFloat64(0);
      if (Number.isFinite(f) && !Number.isInteger(f)) values.push(f);
    }
    const mark = rt.exports.opa_heap_ptr_get();
    for (const f of values) {
      expect(rt.dump(rt.json(JSON.stringify(f)))).toBe(JSON.stringify(f));
      rt.exports.opa_heap_ptr_set(mark);
    }
    // Arithmetic results print the same way.
    expect(rt.dump(rt.exports.builtin_plus(rt.json("0.1"), rt.json("0.2")))).toBe("0.30000000000000004");
  });

  it("round-trips random documents (unicode, escapes, numbers) with keys in byte order", () => {
    const rt = loadRuntime();
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const chars = ["a", "Z", "0", " ", '"', "\\", "/", "\n", "\t", "\u0001", "\u001f", "é", "€", "😀", "\u2028", "日", "\u007f"];
    const str = () => Array.from({ length: Math.floor(rnd() * 6) }, () => chars[Math.floor(rnd() * chars.length)]).join("");
    const num = () => [0, -1, 42, 2 ** 53, -(2 ** 31), 0.5, -1.25e-10, 6.02e23, 1 / 3, Math.PI * 1e100][Math.floor(rnd() * 10)]!;
    const gen = (d: number): unknown => {
      const k = Math.floor(rnd() * (d > 3 ? 4 : 6));
      if (k === 0) return null;
      if (k === 1) return rnd() < 0.5;
      if (k === 2) return num();
      if (k === 3) return str();
      if (k === 4) return Array.from({ length: Math.floor(rnd() * 4) }, () => gen(d + 1));
      // Keys never look like array indexes, so JSON.parse keeps the runtime's key order.
      return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 4) }, () => [`k${str()}`, gen(d + 1)]));
    };
    const mark = rt.exports.opa_heap_ptr_get();
    for (let i = 0; i < 300; i++) {
      const doc = gen(0);
      const out = rt.dump(rt.json(JSON.stringify(doc)));
      expect(JSON.parse(out)).toEqual(doc);
      // Object keys come out in byte order of their UTF-8 encoding.
      const keysInOrder = (x: unknown): void => {
        if (Array.isArray(x)) { x.forEach(keysInOrder); return; }
        if (x === null || typeof x !== "object") return;
        const ks = Object.keys(x);
        const sorted = [...ks].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
        expect(ks).toEqual(sorted);
        Object.values(x).forEach(keysInOrder);
      };
      keysInOrder(JSON.parse(out));
      rt.exports.opa_heap_ptr_set(mark);
    }
  });

  it("parses random decimal text to the nearest double, like JavaScript's Number()", () => {
    const rt = loadRuntime();
    let seed = 99;
    const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const mark = rt.exports.opa_heap_ptr_get();
    for (let i = 0; i < 3000; i++) {
      let digits = Array.from({ length: 1 + Math.floor(rnd() * 19) }, () => Math.floor(rnd() * 10)).join("").replace(/^0+/, "") || "7";
      const at = 1 + Math.floor(rnd() * digits.length);
      if (at < digits.length) digits = `${digits.slice(0, at)}.${digits.slice(at)}`;
      const text = rnd() < 0.7 ? `${digits}e${Math.floor(rnd() * 700) - 350}` : digits;
      // Compare through the dump: the shortest form of the same double reads back identically.
      expect(Number(rt.dump(rt.json(text))), text).toBe(Number(text));
      rt.exports.opa_heap_ptr_set(mark);
    }
  });

  it("handles deep nesting", () => {
    const rt = loadRuntime();
    const depth = 2000;
    const text = "[".repeat(depth) + "1" + "]".repeat(depth);
    expect(rt.dump(rt.json(text))).toBe(text);
    const obj = '{"a":'.repeat(depth) + "null" + "}".repeat(depth);
    expect(rt.dump(rt.json(obj))).toBe(obj);
    // Up to 4096 levels are accepted; deeper input is rejected instead of overflowing the stack.
    const max = "[".repeat(4096) + "]".repeat(4096);
    expect(rt.dump(rt.json(max))).toBe(max);
    expect(parseRaw(rt, "[".repeat(4097) + "]".repeat(4097))).toBe(0);
  });

  it("rejects invalid JSON with 0", () => {
    const rt = loadRuntime();
    const bad = ["", " ", "{", "}", "[1,]", "[1 2]", "01", "1.", ".5", "+1", "-", "1e", '"\\x"', '"\\u12"',
      "nul", "tru", '{"a" 1}', '{"a":1,}', "{1:2}", '"a\u0001"', '"unterminated', "[1]x", "NaN", "set()", "{1,2}"];
    for (const t of bad) expect(parseRaw(rt, t), t).toBe(0);
  });

  it("accepts surrounding whitespace and duplicate keys (last wins)", () => {
    const rt = loadRuntime();
    expect(rt.dump(rt.json(' \n\t{"a" : 1 ,"a":2}\r\n'))).toBe('{"a":2}');
  });

  it("dumps sets as arrays in JSON and as Rego sets in value text", () => {
    const rt = loadRuntime();
    const ex = rt.exports;
    const s = ex.opa_set();
    for (const x of ["3", '"b"', "1", "[1]", '"a"']) ex.opa_set_add(s, rt.json(x));
    expect(rt.dump(s)).toBe('[1,3,"a","b",[1]]');
    expect(rt.dumpValue(s)).toBe('{1,3,"a","b",[1]}');
    expect(rt.dumpValue(ex.opa_set())).toBe("set()");
    // Non-string object keys are written as strings in JSON.
    const o = ex.opa_object();
    ex.opa_object_insert(o, rt.json("2"), rt.json('"two"'));
    expect(rt.dump(o)).toBe('{"2":"two"}');
    expect(rt.dumpValue(o)).toBe('{2:"two"}');
  });

  it("opa_value_parse accepts JSON and Rego set syntax", () => {
    const rt = loadRuntime();
    const parse = (t: string): number => {
      const b = new TextEncoder().encode(t);
      const p = rt.exports.opa_malloc(b.length);
      new Uint8Array(rt.memory.buffer).set(b, p);
      return rt.exports.opa_value_parse(p, b.length);
    };
    expect(rt.dumpValue(parse('{"a":[1,2]}'))).toBe('{"a":[1,2]}');
    expect(rt.dumpValue(parse("{3, 1, 2, 1}"))).toBe("{1,2,3}");
    expect(rt.exports.opa_value_type(parse("set()"))).toBe(7);
    expect(parse("{1,")).toBe(0);
  });

  it("parses a few-MB document at a useful speed", () => {
    const rt = loadRuntime();
    const items = Array.from({ length: 20000 }, (_, i) => ({
      id: `/subscriptions/${i}/resourceGroups/rg-${i % 97}/providers/Microsoft.Compute/virtualMachines/vm${i}`,
      status: i % 3 === 0 ? "Unhealthy" : "Healthy", score: i * 1.5, tags: { env: "prod", n: i }, ok: i % 2 === 0,
    }));
    const text = JSON.stringify({ items });
    const bytes = new TextEncoder().encode(text).length;
    const t0 = performance.now();
    const v = rt.json(text);
    const ms = performance.now() - t0;
    const mbps = bytes / 1e6 / (ms / 1000);
    console.log(`opa_json_parse: ${(bytes / 1e6).toFixed(1)} MB in ${ms.toFixed(1)} ms = ${mbps.toFixed(0)} MB/s`);
    expect(JSON.parse(rt.dump(v))).toEqual({ items });
    expect(mbps).toBeGreaterThan(5);
  });
});

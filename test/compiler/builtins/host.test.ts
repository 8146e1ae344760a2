import { describe, expect, it } from "vitest";
import { BuiltinError, compiledStrict, hostBuiltins, inErrorMode, strictBuiltinErrorsSection } from "../../../engine/compiler/builtins/index.js";
import { builtinSignature } from "../../../engine/compiler/builtins/signatures.js";
import { parseTime, parseDuration } from "../../../engine/compiler/builtins/host/time.js";

const fixed = 1_700_000_000_123_456_789n;
const h = hostBuiltins({ now: () => fixed, print: () => {} });
const call = (name: string, ...args: unknown[]) => {
  const f = h[name];
  if (!f) throw new Error(`no host built-in ${name}`);
  return f(...(args as never[]));
};
const text = (x: unknown) => new TextDecoder().decode(new Uint8Array(x as ArrayBuffer));

describe("time built-ins", () => {
  it("returns nanoseconds as exact JSON text", () => {
    expect(text(call("time.now_ns"))).toBe("1700000000123456789");
    expect(text(call("time.parse_rfc3339_ns", "2017-06-02T19:00:00.123456789-07:00"))).toBe("1496455200123456789");
    expect(text(call("time.parse_rfc3339_ns", "1970-01-01T00:00:00Z"))).toBe("0");
  });
  it("rejects malformed RFC 3339 and impossible dates", () => {
    expect(call("time.parse_rfc3339_ns", "2017-06-02")).toBeUndefined();
    expect(call("time.parse_rfc3339_ns", "2017-02-30T00:00:00Z")).toBeUndefined();
    expect(call("time.parse_rfc3339_ns", 5)).toBeUndefined();
  });
  it("parses Go layouts", () => {
    expect(parseTime("2006-01-02", "2020-02-29")).toBe(1582934400n * 1_000_000_000n);
    expect(parseTime("Mon, 02 Jan 2006 15:04:05 MST", "Tue, 10 Nov 2009 23:00:00 UTC")).toBe(1257894000n * 1_000_000_000n);
    expect(parseTime("01/02/06 3:04PM", "11/10/09 11:00PM")).toBe(1257894000n * 1_000_000_000n);
    expect(parseTime("2006-01-02", "2021-02-29")).toBeUndefined();
    expect(parseTime("2006-01-02", "2020-01-01x")).toBeUndefined();
  });
  it("parses Go durations", () => {
    expect(parseDuration("1h30m")).toBe(5400n * 1_000_000_000n);
    expect(parseDuration("-1.5s")).toBe(-1_500_000_000n);
    expect(parseDuration("300ms")).toBe(300_000_000n);
    expect(parseDuration("1d")).toBeUndefined();
  });
  it("breaks times down in UTC and in a named zone", () => {
    const ns = 1_496_455_200_000_000_000; // 2017-06-03T02:00:00Z
    expect(call("time.date", ns)).toEqual([2017, 6, 3]);
    expect(call("time.clock", ns)).toEqual([2, 0, 0]);
    expect(call("time.weekday", ns)).toBe("Saturday");
    expect(call("time.date", [ns, "America/New_York"])).toEqual([2017, 6, 2]);
    expect(call("time.clock", [ns, "America/New_York"])).toEqual([22, 0, 0]);
  });
  it("adds dates with Go's normalisation and formats RFC 3339", () => {
    const jan31 = Number(parseTime("2006-01-02", "2021-01-31"));
    expect(text(call("time.add_date", jan31, 0, 1, 0))).toBe(String(parseTime("2006-01-02", "2021-03-03")));
    expect(call("time.format", 1_496_455_200_500_000_000)).toBe("2017-06-03T02:00:00.5Z");
    expect(call("time.format", [0, "UTC", "2006-01-02"])).toBe("1970-01-01");
  });
  it("diffs two times in calendar units", () => {
    const a = Number(parseTime("2006-01-02T15:04:05Z07:00", "2020-01-31T10:00:00Z"));
    const b = Number(parseTime("2006-01-02T15:04:05Z07:00", "2021-03-01T09:00:00Z"));
    // As OPA (Go) normalises: borrowing a day borrows the length of the earlier time's month.
    expect(call("time.diff", a, b)).toEqual([1, 1, 0, 23, 0, 0]);
    expect(call("time.diff", b, a)).toEqual([1, 1, 0, 23, 0, 0]);
  });
});

describe("string built-ins", () => {
  it("count code points for positions", () => {
    expect(call("indexof", "héllo", "l")).toBe(2);
    expect(call("substring", "héllo", 1, 3)).toBe("éll");
    expect(call("substring", "abc", 1, -1)).toBe("bc");
    expect(call("indexof_n", "aaa", "a")).toEqual([0, 1, 2]);
  });
  it("trim by cut set and by prefix", () => {
    expect(call("trim", "xxhixy", "xy")).toBe("hi");
    expect(call("trim_prefix", "prefix-x", "prefix-")).toBe("x");
    expect(call("trim_space", "  a b \n")).toBe("a b");
  });
  it("replace_n tries patterns in key order and rejects non-string values", () => {
    expect(call("strings.replace_n", { a: "1", ab: "2" }, "abab")).toBe("1b1b");
    expect(call("strings.replace_n", { a: 1 }, "a")).toBeUndefined();
  });
  it("any_prefix_match takes strings or arrays", () => {
    expect(call("strings.any_prefix_match", ["foo", "bar"], "ba")).toBe(true);
    expect(call("strings.any_prefix_match", "foo", ["x", "y"])).toBe(false);
    expect(call("strings.any_prefix_match", 1, "x")).toBeUndefined();
  });
  it("returns undefined on wrong types, as non-strict OPA does", () => {
    expect(call("upper", 1)).toBeUndefined();
    expect(call("concat", ",", ["a", 1])).toBeUndefined();
  });
});

describe("regex and glob built-ins", () => {
  it("translates Go syntax", () => {
    expect(call("regex.match", "(?i)^ABC$", "abc")).toBe(true);
    expect(call("regex.find_all_string_submatch_n", "(?P<k>a)(b)?", "ab a", -1)).toEqual([["ab", "a", "b"], ["a", "a", ""]]);
    expect(call("regex.replace", "abc", "(b)", "[${1}]")).toBe("a[b]c");
    expect(call("regex.is_valid", "(")).toBe(false);
    expect(call("regex.match", "(", "x")).toBeUndefined();
  });
  it("globs respect delimiters", () => {
    expect(call("glob.match", "*.github.com", [], "api.github.com")).toBe(true);
    expect(call("glob.match", "*.github.com", [], "api.cdn.github.com")).toBe(false);
    expect(call("glob.match", "**.github.com", [], "api.cdn.github.com")).toBe(true);
    expect(call("glob.match", "{a,b}c?", null, "bcd")).toBe(true);
    expect(call("glob.match", "[!a]x", null, "ax")).toBe(false);
  });
  it("template_match matches the template's regex parts", () => {
    expect(call("regex.template_match", "urn:foo:{.*}", "urn:foo:bar:baz", "{", "}")).toBe(true);
    expect(call("regex.template_match", "urn:foo:{[0-9]+}", "urn:foo:bar", "{", "}")).toBe(false);
  });
});

describe("net, units, encodings, versions", () => {
  it("CIDR membership and overlap, v4 and v6", () => {
    expect(call("net.cidr_contains", "10.0.0.0/8", "10.1.2.3")).toBe(true);
    expect(call("net.cidr_contains", "10.0.0.0/8", "11.0.0.0/24")).toBe(false);
    expect(call("net.cidr_contains", "2001:db8::/32", "2001:db8:1::1")).toBe(true);
    expect(call("net.cidr_intersects", "192.168.0.0/16", "192.168.1.0/24")).toBe(true);
    expect(call("net.cidr_is_valid", "10.0.0.0/33")).toBe(false);
  });
  it("parses byte sizes and SI units", () => {
    expect(call("units.parse_bytes", "10KB")).toBe(10_000);
    expect(call("units.parse_bytes", "1KiB")).toBe(1024);
    expect(call("units.parse_bytes", "5 mib")).toBe(5 * 2 ** 20);
    expect(call("units.parse_bytes", "12x")).toBeUndefined();
    expect(call("units.parse", "100m")).toBe(0.1);
    expect(call("units.parse", "2M")).toBe(2e6);
  });
  it("encodes as Go does", () => {
    expect(call("base64url.encode", "a")).toBe("YQ==");
    expect(call("base64.decode", "aGk=")).toBe("hi");
    expect(call("base64.decode", "a")).toBeUndefined();
    expect(call("urlquery.encode", "a b&c")).toBe("a+b%26c");
    expect(call("urlquery.encode_object", { b: ["2", "3"], a: "1" })).toBe("a=1&b=2&b=3");
    expect(call("json.marshal", { a: "<" })).toBe('{"a":"\\u003c"}');
    expect(text(call("json.unmarshal", '{"n": 12345678901234567890}'))).toBe('{"n": 12345678901234567890}');
    expect(call("crypto.sha256", "")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
  it("compares semantic versions with pre-releases", () => {
    expect(call("semver.compare", "1.0.0-alpha", "1.0.0")).toBe(-1);
    expect(call("semver.compare", "1.0.0-alpha.10", "1.0.0-alpha.9")).toBe(1);
    expect(call("semver.compare", "1.2.3+build", "1.2.3")).toBe(0);
    expect(call("semver.is_valid", "01.2.3")).toBe(false);
  });
});

describe("json.filter and json.remove", () => {
  const doc = { a: { b: 1, c: [10, 20, 30] }, d: true };
  it("keeps only the given paths, in string or array form", () => {
    expect(call("json.filter", doc, ["a/b", ["d"]])).toEqual({ a: { b: 1 }, d: true });
    expect(call("json.filter", doc, ["a/c/1"])).toEqual({ a: { c: [20] } });
    expect(call("json.filter", doc, [])).toEqual({});
  });
  it("drops the given paths", () => {
    expect(call("json.remove", doc, ["/a/c", "d"])).toEqual({ a: { b: 1 } });
    expect(call("json.remove", doc, [["a", "c", 0]])).toEqual({ a: { b: 1, c: [20, 30] }, d: true });
    expect(call("json.remove", doc, ["x/y"])).toEqual(doc);
    expect(call("json.remove", "no", ["a"])).toBeUndefined();
  });
});

describe("signature table", () => {
  it("knows arities and what OPA's Wasm target lacks", () => {
    expect(builtinSignature("strings.replace_n")).toMatchObject({ arity: 2, wasm: true });
    expect(builtinSignature("http.send")).toMatchObject({ arity: 1, wasm: false });
    expect(builtinSignature("plus")?.infix).toBe("+");
    expect(builtinSignature("no.such")).toBeUndefined();
  });
});

describe("error modes of host built-ins", () => {
  const failing = (x: unknown) => (typeof x === "string" ? x.length : undefined);
  const typed = () => {
    throw new BuiltinError("eval_type_error", "operand 1 must be string but got number");
  };
  const bug = () => {
    throw new Error("not a built-in failure");
  };

  it("makes failures undefined by default (OPA's non-strict mode)", () => {
    expect(inErrorMode("f", failing as never, false)("abc")).toBe(3);
    expect(inErrorMode("f", failing as never, false)(1)).toBeUndefined();
    expect(inErrorMode("f", typed, false)()).toBeUndefined();
    expect(inErrorMode("f", () => JSON.parse("{"), false)()).toBeUndefined();
  });

  it("throws OPA-coded errors naming the built-in in strict mode", () => {
    expect(inErrorMode("f", failing as never, true)("abc")).toBe(3);
    expect(() => inErrorMode("f", failing as never, true)(1)).toThrow(/^eval_builtin_error: f: invalid arguments \(number\)$/);
    expect(() => inErrorMode("f", typed, true)()).toThrow(/^eval_type_error: f: operand 1 must be string but got number$/);
    expect(() => inErrorMode("f", () => JSON.parse("{"), true)()).toThrow(/^eval_builtin_error: f: /);
  });

  it("gives OPA's type error when an operand of a known built-in has the wrong type", () => {
    const h = hostBuiltins({ print: () => {} });
    const strict = (name: string) => inErrorMode(name, h[name]!, true);
    expect(() => strict("units.parse_bytes")(1)).toThrow(/^eval_type_error: units\.parse_bytes: operand 1 must be string but got number$/);
    expect(() => strict("time.format")("x")).toThrow(/^eval_type_error: time\.format: operand 1 must be one of \{number, array\} but got string$/);
    expect(() => strict("json.filter")({}, 3)).toThrow(/^eval_type_error: json\.filter: operand 2 must be one of \{array, set\} but got number$/);
    // Right types, bad value: a built-in error, not a type error.
    expect(() => strict("units.parse_bytes")("lots")).toThrow(/^eval_builtin_error: units\.parse_bytes: /);
    // Non-strict: the same calls are undefined.
    expect(inErrorMode("units.parse_bytes", h["units.parse_bytes"]!, false)(1)).toBeUndefined();
  });

  it("lets programming errors through in both modes", () => {
    expect(() => inErrorMode("f", bug, false)()).toThrow("not a built-in failure");
    expect(() => inErrorMode("f", bug, true)()).toThrow("not a built-in failure");
  });

  it("reads the mode from the module's custom section", () => {
    const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
    const name = new TextEncoder().encode(strictBuiltinErrorsSection);
    const custom = [0x00, name.length + 2, name.length, ...name, 0x01];
    const otherName = new TextEncoder().encode("name");
    const other = [0x00, otherName.length + 1, otherName.length, ...otherName];
    expect(compiledStrict(new Uint8Array([...header, ...custom]))).toBe(true);
    expect(compiledStrict(new Uint8Array([...header, ...other]))).toBe(false);
    expect(compiledStrict(new Uint8Array(header))).toBe(false);
    // A truncated section is not read past the end.
    expect(compiledStrict(new Uint8Array([...header, 0x00, 0x7f, 0x05]))).toBe(false);
    const compiled = new WebAssembly.Module(new Uint8Array([...header, ...custom]));
    expect(compiledStrict(compiled)).toBe(true);
  });
});

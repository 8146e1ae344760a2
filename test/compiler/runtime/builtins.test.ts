import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadRuntime, type Runtime } from "./harness.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(here, "../../../engine/compiler/runtime/builtins.json"), "utf8")) as {
  builtins: { name: string; export: string; arity: number }[];
};

/** Parses Rego value text (JSON plus {a,b} sets) into the runtime. */
function val(rt: Runtime, text: string): number {
  const b = new TextEncoder().encode(text);
  const p = rt.exports.opa_malloc(b.length);
  new Uint8Array(rt.memory.buffer).set(b, p);
  const v = rt.exports.opa_value_parse(p, b.length);
  if (v === 0) throw new Error(`bad test value ${text}`);
  return v;
}

/** Calls a native built-in; Rego text of the result, "undefined", or "error: <message>". */
function call(rt: Runtime, name: string, ...args: string[]): string {
  const fn = rt.exports[`builtin_${name.replaceAll(".", "_")}`];
  if (typeof fn !== "function") throw new Error(`no export for ${name}`);
  const argv = args.map((a) => val(rt, a));
  try {
    const r = fn(...argv);
    return r === 0 ? "undefined" : rt.dumpValue(r);
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

// [built-in, args..., expected Rego text]. Expectations follow OPA's semantics (many are the
// conformance cases under opa-conformance/v1: strings/, arithmetic/, aggregates/, sets/, ...).
const cases: [string, ...string[]][] = [
  ["plus", "1", "2", "3"], ["plus", "1.5", "2", "3.5"], ["plus", "0.1", "0.2", "0.30000000000000004"],
  ["plus", "9223372036854775807", "1", "9223372036854775808"],
  ["plus", "123456789012345678901234567890", "-123456789012345678901234567889", "1"],
  ["minus", "-9223372036854775808", "1", "-9223372036854775809"], ["minus", "100000000000000000000", "1", "99999999999999999999"],
  ["mul", "9223372036854775807", "9223372036854775807", "85070591730234615847396907784232501249"],
  ["mul", "-1000000000000000000000", "1000000000", "-1000000000000000000000000000000"], ["plus", '"a"', "1", "error: eval_type_error: plus: operand 1 must be number but got string"],
  ["minus", "5", "7", "-2"], ["minus", "{1,2,3}", "{2}", "{1,3}"], ["minus", "{1}", "1", "error: eval_type_error: minus: operand 2 must be set but got number"],
  ["minus", "1", "{1}", "error: eval_type_error: minus: operand 2 must be number but got set"],
  ["mul", "6", "7", "42"], ["mul", "2.5", "2", "5"], ["mul", "3000000000", "3000000000", "9000000000000000000"],
  ["div", "6", "3", "2"], ["div", "1", "4", "0.25"], ["div", "1", "0", "error: eval_builtin_error: div: divide by zero"],
  ["rem", "7", "3", "1"], ["rem", "-7", "3", "-1"], ["rem", "7", "0", "error: eval_builtin_error: rem: modulo by zero"],
  ["abs", "-4", "4"], ["abs", "-4.5", "4.5"], ["round", "1.5", "2"], ["round", "-1.5", "-2"], ["round", "1.49", "1"],
  ["ceil", "1.01", "2"], ["floor", "1.5", "1"], ["floor", "99.99999", "99"], ["floor", "-1.5", "-2"],
  ["numbers.range", "1", "4", "[1,2,3,4]"], ["numbers.range", "2", "-1", "[2,1,0,-1]"], ["numbers.range", "3", "3", "[3]"],
  ["numbers.range_step", "1", "10", "3", "[1,4,7,10]"], ["numbers.range_step", "5", "0", "2", "[5,3,1]"],
  ["numbers.range_step", "1", "2", "0", "error: eval_builtin_error: numbers.range_step: step must be a positive number above zero"],
  ["equal", "1", "1.0", "true"], ["equal", '{"a":[1]}', '{"a":[1.0]}', "true"], ["neq", "1", '"1"', "true"],
  ["lt", "null", "false", "true"], ["lt", '"b"', '"a"', "false"], ["lte", "2", "2", "true"], ["gt", "{1}", "[1]", "true"], ["gte", "[1,2]", "[1]", "true"],
  ["count", '"añ😀"', "3"], ["count", "[1,2,3,4]", "4"], ["count", '{"a":1}', "1"], ["count", "{1,2}", "2"],
  ["count", "1", "error: eval_type_error: count: operand 1 must be one of {array, object, set, string} but got number"],
  ["sum", "[1,2,3.5]", "6.5"], ["sum", "{1,2}", "3"], ["sum", "[]", "0"], ["product", "[2,3,4]", "24"], ["product", "[]", "1"],
  ["sum", '[1,"a"]', "error: eval_type_error: sum: operand 1 must be array of numbers but got array containing string"],
  ["max", "[1,3,2]", "3"], ["max", "[]", "undefined"], ["min", '{"b","a"}', '"a"'], ["max", '[1,"a",null]', '"a"'],
  ["sort", "[3,1,2]", "[1,2,3]"], ["sort", '{"b","a"}', '["a","b"]'], ["sort", '[[2],[1,2],{"a":1},null,"x"]', '[null,"x",[1,2],[2],{"a":1}]'],
  ["any", "[false,true]", "true"], ["any", "{false}", "false"], ["all", "[true,true]", "true"], ["all", "[]", "true"], ["all", "[true,1]", "false"],
  ["and", "{1,2,3}", "{2,3,4}", "{2,3}"], ["or", "{1}", "{2}", "{1,2}"],
  ["intersection", "{{1,2,3},{2,3,4},{3,5}}", "{3}"], ["intersection", "set()", "set()"], ["union", "{{1},{2},{1,3}}", "{1,2,3}"],
  ["array.concat", "[1]", "[2,3]", "[1,2,3]"], ["array.concat", '{"a":1}', "[]", "error: eval_type_error: array.concat: operand 1 must be array but got object"],
  ["array.concat", "[]", '{"a":1}', "error: eval_type_error: array.concat: operand 2 must be array but got object"],
  ["array.slice", "[1,2,3,4,5]", "1", "3", "[2,3]"], ["array.slice", "[1,2,3]", "-5", "10", "[1,2,3]"], ["array.slice", "[1,2,3]", "2", "1", "[]"],
  ["array.reverse", "[1,2,3]", "[3,2,1]"], ["array.flatten", "[1,[2,[3,[]]],4]", "[1,2,[3,[]],4]"], ["array.flatten", '[[1,2],"s",[3,{"a":"b"}],4.5,[6,[7,8]]]', '[1,2,"s",3,{"a":"b"},4.5,6,[7,8]]'],
  ["array.flatten", "1", "error: eval_type_error: array.flatten: operand 1 must be array but got number"],
  ["object.get", '{"a":{"b":1}}', '"a"', "0", '{"b":1}'], ["object.get", '{"a":1}', '"x"', '"d"', '"d"'],
  ["object.get", '{"a":{"b":[5,6]}}', '["a","b",1]', "0", "6"], ["object.get", '{"a":1}', "[]", "0", '{"a":1}'],
  ["object.keys", '{"a":1,"b":2}', '{"a","b"}'], ["object.remove", '{"a":1,"b":2,"c":3}', '["a","c"]', '{"b":2}'],
  ["object.remove", '{"a":1,"b":2}', '{"b":0}', '{"a":1}'], ["object.filter", '{"a":1,"b":2}', '{"a"}', '{"a":1}'],
  ["object.union", '{"a":{"x":1},"b":1}', '{"a":{"y":2},"b":2}', '{"a":{"x":1,"y":2},"b":2}'],
  ["object.union_n", '[{"a":1},{"b":2},{"a":3}]', '{"a":3,"b":2}'],
  ["object.subset", '{"a":1,"b":{"c":2,"d":3}}', '{"b":{"c":2}}', "true"], ["object.subset", '{"a":1}', '{"a":2}', "false"],
  ["object.subset", "[1,2,3,4,5,6]", "[3,4,5]", "true"], ["object.subset", "[1,2,3,4,5,6]", "[4,5,6,8]", "false"],
  ["object.subset", "[1,2,3,4,5,6]", "{4,3,2}", "true"], ["object.subset", "[1,2,3,4,5,6]", "{9,8,7}", "false"],
  ["object.subset", "{1,2,3}", "{1,3}", "true"], ["object.subset", "{4,3,2}", "[1,2]", "undefined"],
  ["walk", '{"a":[1]}', '[[[],{"a":[1]}],[["a"],[1]],[["a",0],1]]'],
  ["concat", '"/"', '["","foo","bar","0","baz"]', '"/foo/bar/0/baz"'], ["concat", '","', '{"3","1","2"}', '"1,2,3"'], ["concat", '","', "[]", '""'],
  ["contains", '"abcdefgh"', '"defg"', "true"], ["contains", '"abc"', '""', "true"], ["startswith", '"abc"', '"ab"', "true"], ["endswith", '"abcdefgh"', '"fgh"', "true"],
  ["lower", '"AbCdEf"', '"abcdef"'], ["upper", '"straße é"', '"STRAßE É"'],
  ["indexof", '"μx"', '"x"', "1"], ["indexof", '"μ"', '"μμ"', "-1"], ["indexof", '"skön var våren"', '"vår"', "9"], ["indexof", '"🍧🍨🧁🍰🍮"', '"🍮"', "4"],
  ["indexof_n", '"dogcatdogcat"', '"cat"', "[3,9]"], ["indexof_n", '"😇😀😇😀😇😀"', '"😀"', "[1,3,5]"], ["indexof_n", '"dogcat"', '"rabbit"', "[]"], ["indexof_n", '"aéb"', '""', "[0,1,2]"],
  ["split", '"foo.bar.baz"', '"."', '["foo","bar","baz"]'], ["split", '"test"', '""', '["t","e","s","t"]'], ["split", '""', '""', "[]"], ["split", '""', '"."', '[""]'],
  ["replace", '"foo...bar"', '".."', '",,"', '"foo,,.bar"'], ["replace", '"ab"', '""', '"-"', '"-a-b-"'],
  ["strings.replace_n", '{"a":"1","ab":"2"}', '"abc"', '"1bc"'], ["strings.replace_n", '{"cat":"dog","dog":"fox"}', '"cat dog"', '"dog fox"'],
  ["strings.replace_n", '{"a":1}', '"abc"', "error: eval_type_error: strings.replace_n: operand 1 non-string value found in pattern object"],
  ["strings.replace_n", '{"a":"b"}', "1", "error: eval_type_error: strings.replace_n: operand 2 must be string but got number"],
  ["substring", '"abcdefgh"', "2", "-1", '"cdefgh"'], ["substring", '"aåäö"', "2", "-1", '"äö"'], ["substring", '"abcdefgh"', "2", "10000", '"cdefgh"'],
  ["substring", '"aaa"', "4", "-1", '""'], ["substring", '"abcdef"', "1", "2", '"bc"'],
  ["trim", '"...foo.bar..."', '"."', '"foo.bar"'], ["trim", '"¡¡¡foo, bar!!!"', '"i"', '"¡¡¡foo, bar!!!"'], ["trim", '""', '"."', '""'],
  ["trim_left", '"!!!foo, bar¡¡¡"', '"¡"', '"!!!foo, bar¡¡¡"'], ["trim_left", '"¡¡x¡"', '"¡"', '"x¡"'], ["trim_right", '"xyy"', '"y"', '"x"'],
  ["trim_prefix", '"¡¡¡foo, bar!!!"', '"¡¡¡foo"', '", bar!!!"'], ["trim_suffix", '"¡¡¡foo, bar!!!"', '", foo!!!"', '"¡¡¡foo, bar!!!"'],
  ["trim_space", '"\\t foo, bar \\n\\u00a0"', '"foo, bar"'], ["strings.reverse", '"añ😀b"', '"b😀ña"'],
  ["strings.any_prefix_match", '["a/b/c","e/f/g"]', '["e/f"]', "true"], ["strings.any_prefix_match", '"abc"', '{"x","ab"}', "true"],
  ["strings.any_prefix_match", '["abc"]', '"b"', "false"],
  ["strings.any_prefix_match", "[1]", '"b"', "error: eval_type_error: strings.any_prefix_match: operand 1 must be array of strings but got array containing number"],
  ["strings.any_suffix_match", "1", '"b"', "error: eval_type_error: strings.any_suffix_match: operand 1 must be one of {string, set, array} but got number"],
  ["strings.any_suffix_match", '["a/b/c"]', '["b/c"]', "true"],
  ["strings.count", '"cheese"', '"e"', "3"], ["strings.count", '"dummy"', '""', "6"], ["strings.count", '"11111"', '"11"', "2"], ["strings.count", '""', '""', "1"],
  ["format_int", "15.5", "16", '"f"'], ["format_int", "4.1", "10", '"4"'], ["format_int", "-5", "2", '"-101"'], ["format_int", "255", "8", '"377"'],
  ["to_number", '"3"', "3"], ["to_number", '"-1.5e2"', "-150"], ["to_number", "true", "1"], ["to_number", "null", "0"], ["to_number", "7", "7"],
  ["to_number", '"broken"', "error: eval_builtin_error: to_number: invalid syntax"],
  ["to_number", '"-Infinity"', "error: eval_type_error: to_number: operand 1 must be a finite number but got NaN or Inf"],
  ["to_number", '"nan"', "error: eval_type_error: to_number: operand 1 must be a finite number but got NaN or Inf"], ["to_number", '"+7"', "7"],
  // sprintf: Go fmt semantics as OPA passes values (strings/int/*big.Int/float64, others as Rego text).
  ["sprintf", '"hi %s"', '["there"]', '"hi there"'], ["sprintf", '"hi %02X.%02X"', "[127, 1]", '"hi 7F.01"'],
  ["sprintf", '"hi %.2f"', "[3.1415]", '"hi 3.14"'], ["sprintf", '"hi %s"', "[true]", '"hi true"'],
  ["sprintf", '"hi %v"', '[["there", 5, 3.14]]', '"hi [\\"there\\", 5, 3.14]"'],
  ["sprintf", '"%s"', "[123456789123456789123]", '"123456789123456789123"'], ["sprintf", '"x"', "[]", '"x"'],
  ["sprintf", '"%d items, %d%%"', "[3, 50]", '"3 items, 50%"'], ["sprintf", '"%5d|%-5d|%05d"', "[42, 42, -42]", '"   42|42   |-0042"'],
  ["sprintf", '"%v %v %v"', '[{"b": [1, {2}], "a": "x"}, null, set()]', '"{\\"a\\": \\"x\\", \\"b\\": [1, {2}]} null set()"'],
  ["sprintf", '"%d"', "[1.5]", '"%!d(float64=1.5)"'], ["sprintf", '"%s"', "[5]", '"%!s(int=5)"'],
  ["sprintf", '"%s %s"', '["one"]', '"one %!s(MISSING)"'], ["sprintf", '"%s"', '["a", "b"]', '"a%!(EXTRA string=b)"'],
  ["sprintf", '"%.0f %.0f %.1f %.1f"', "[2.5, 3.5, 0.25, 0.35]", '"2 4 0.2 0.3"'], ["sprintf", '"%v %v %v"', "[0.00001, 1234567.5, -0.5]", '"1e-05 1.2345675e+06 -0.5"'],
  ["sprintf", '"%e|%g|%.3g|%8.3f|"', "[1234.5678, 1234.5678, 1234.5678, -3.14159]", '"1.234568e+03|1234.5678|1.23e+03|  -3.142|"'],
  ["sprintf", '"%10s|%.2s|%q|%x"', '["héllo", "héllo", "a\\"b", "hi"]', '"     héllo|hé|\\"a\\\\\\"b\\"|6869"'],
  ["sprintf", "1", "[]", "error: eval_type_error: sprintf: operand 1 must be string but got number"],
  ["json.marshal", '{"b":{1,2},"a":[null,"x\\n"]}', '"{\\"a\\":[null,\\"x\\\\n\\"],\\"b\\":[1,2]}"'],
  ["json.unmarshal", '"{\\"b\\":[1,2.5],\\"a\\":\\"é\\"}"', '{"a":"é","b":[1,2.5]}'],
  ["json.unmarshal", '"{bad"', "error: eval_builtin_error: json.unmarshal: invalid JSON"],
  ["json.is_valid", '"[1,2]"', "true"], ["json.is_valid", '"[1,"', "false"], ["json.is_valid", "1", "false"],
  ["internal.member_2", "1", "{1,2}", "true"], ["internal.member_2", "1.0", "[3,1]", "true"], ["internal.member_2", '"a"', '{"a":1}', "false"],
  ["internal.member_2", "1", '{"a":1}', "true"], ["internal.member_2", "3", "[1,2]", "false"], ["internal.member_2", "1", '"1"', "false"],
  ["internal.member_3", "1", '"b"', '["a","b"]', "true"], ["internal.member_3", '"a"', "1", '{"a":1}', "true"], ["internal.member_3", '"a"', "2", '{"a":1}', "false"],
  ["internal.member_3", "2", "2", "{1,2}", "true"], ["internal.member_3", "1", "2", "{1,2}", "false"],
  ["is_number", "1", "true"], ["is_number", '"1"', "false"], ["is_string", '"s"', "true"], ["is_boolean", "false", "true"],
  ["is_array", "[]", "true"], ["is_set", "set()", "true"], ["is_set", "{}", "false"], ["is_object", "{}", "true"], ["is_null", "null", "true"],
  ["type_name", "true", '"boolean"'], ["type_name", '"Hello"', '"string"'], ["type_name", "{1,2,3}", '"set"'], ["type_name", '{"foo":1}', '"object"'],
  ["type_name", "null", '"null"'], ["type_name", "1.5", '"number"'], ["type_name", "[]", '"array"'],
];

describe("native built-ins (strict built-in errors)", () => {
  const rt = loadRuntime();
  rt.exports.rt_set_strict_builtin_errors(1);
  for (const [name, ...rest] of cases) {
    const want = rest.pop()!;
    it(`${name}(${rest.join(", ")}) = ${want}`, () => {
      rt.exports.opa_heap_ptr_set(rt.exports.opa_heap_ptr_get());
      expect(call(rt, name, ...rest)).toBe(want);
    });
  }

  it("returns undefined (0) when an operand is undefined", () => {
    expect(rt.exports.builtin_plus(0, val(rt, "1"))).toBe(0);
    expect(rt.exports.builtin_count(0)).toBe(0);
    expect(rt.exports.builtin_concat(val(rt, '","'), 0)).toBe(0);
  });

  it("does not modify its operands", () => {
    const s = val(rt, "{3,1,2}");
    const o = val(rt, '{"a":1,"b":2}');
    rt.exports.builtin_minus(s, val(rt, "{1}"));
    rt.exports.builtin_object_remove(o, val(rt, '["a"]'));
    rt.exports.builtin_object_union(o, val(rt, '{"a":5}'));
    expect(rt.dumpValue(s)).toBe("{1,2,3}");
    expect(rt.dumpValue(o)).toBe('{"a":1,"b":2}');
  });
});

describe("native built-ins without strict built-in errors (OPA's default)", () => {
  it("makes every failing call undefined instead of aborting", () => {
    const rt = loadRuntime();
    const failing = cases.filter((c) => c[c.length - 1]!.startsWith("error: "));
    expect(failing.length).toBeGreaterThan(15);
    for (const [name, ...rest] of failing) {
      rest.pop();
      expect(call(rt, name, ...rest), `${name}(${rest.join(", ")})`).toBe("undefined");
    }
    expect(rt.aborts).toEqual([]);
    // Conflicts are not built-in errors: they always abort.
    expect(() => rt.exports.rt_abort_conflict(0)).toThrow("eval_conflict_error");
  });
});

describe("builtins.json manifest", () => {
  it("lists exactly the builtin_* exports, with their arities", () => {
    const rt = loadRuntime();
    const exported = Object.keys(rt.exports).filter((k) => k.startsWith("builtin_")).sort();
    expect(manifest.builtins.map((b) => b.export).sort()).toEqual(exported);
    for (const b of manifest.builtins) {
      expect(b.export).toBe(`builtin_${b.name.replaceAll(".", "_")}`);
      expect((rt.exports[b.export] as (...a: number[]) => number).length, b.name).toBe(b.arity);
    }
  });

  it("has a test case for every native built-in", () => {
    const tested = new Set(cases.map((c) => c[0]));
    const untested = manifest.builtins.map((b) => b.name).filter((n) => !tested.has(n));
    expect(untested).toEqual([]);
  });
});

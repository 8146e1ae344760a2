// Arity of OPA built-ins, used to tell an output argument (`count(x, n)`: one more argument than
// the arity) from an input. The checker's CheckedProgram.builtins (declared arities, from OPA's
// capabilities) comes first; this table is the fallback so that the planner also works on
// hand-built programs.

const arities: Record<string, number> = {
  // comparison and arithmetic operators
  equal: 2, neq: 2, gt: 2, gte: 2, lt: 2, lte: 2,
  plus: 2, minus: 2, mul: 2, div: 2, rem: 2, and: 2, or: 2,
  abs: 1, round: 1, ceil: 1, floor: 1, "numbers.range": 2, "numbers.range_step": 3,
  // aggregates
  count: 1, sum: 1, product: 1, max: 1, min: 1, sort: 1, all: 1, any: 1,
  // arrays, sets, objects
  "array.concat": 2, "array.slice": 3, "array.reverse": 1,
  intersection: 1, union: 1,
  "object.get": 3, "object.remove": 2, "object.union": 2, "object.union_n": 1,
  "object.filter": 2, "object.keys": 1, "object.subset": 2,
  // strings
  concat: 2, contains: 2, endswith: 2, startswith: 2, format_int: 2, indexof: 2, indexof_n: 2,
  lower: 1, upper: 1, replace: 3, "strings.replace_n": 2, "strings.reverse": 1,
  "strings.any_prefix_match": 2, "strings.any_suffix_match": 2, "strings.count": 2,
  split: 2, sprintf: 2, substring: 3, trim: 2, trim_left: 2, trim_prefix: 2, trim_right: 2,
  trim_suffix: 2, trim_space: 1,
  // regex, encoding, types
  "regex.match": 2, re_match: 2, "regex.find_n": 3, "regex.split": 2, "regex.replace": 3,
  "regex.is_valid": 1, "regex.find_all_string_submatch_n": 3, "regex.globs_match": 2,
  "json.marshal": 1, "json.unmarshal": 1, "json.is_valid": 1,
  "base64.encode": 1, "base64.decode": 1, "urlquery.encode": 1,
  to_number: 1, type_name: 1,
  is_number: 1, is_string: 1, is_boolean: 1, is_array: 1, is_set: 1, is_object: 1, is_null: 1,
  // time
  "time.now_ns": 0, "time.parse_rfc3339_ns": 1, "time.parse_ns": 2, "time.date": 1,
  "time.add_date": 4, "time.diff": 2, "time.clock": 1, "time.weekday": 1,
  // graph and misc
  walk: 1, "opa.runtime": 0, "internal.member_2": 2, "internal.member_3": 3, print: 1, "internal.print": 1,
  "units.parse": 1, "units.parse_bytes": 1, "semver.compare": 2, "semver.is_valid": 1,
  "glob.match": 3, "net.cidr_contains": 2, "crypto.sha256": 1, "crypto.md5": 1,
};

export function builtinArity(name: string, fromChecker: Map<string, { arity: number }>): number | undefined {
  return fromChecker.get(name)?.arity ?? arities[name];
}

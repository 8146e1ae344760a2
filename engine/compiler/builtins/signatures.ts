// OPA's built-in functions: name, number of arguments, and whether OPA's Wasm target can run it.
// The checker uses this table for unknown-function and arity errors; the conformance runner uses
// `wasm: false` to skip cases that OPA's own Wasm target cannot run either (I/O, keys, wall-clock
// randomness). Operators appear under their OPA names (`plus` for `+`, `eq` for `=`, …).

export interface BuiltinSignature {
  name: string;
  /** Number of arguments (without the output argument of the relational call form). */
  arity: number;
  /** The infix operator, when the built-in has one. */
  infix?: string;
  /**
   * false when OPA's Wasm target does not offer it (the npm SDK has no implementation and OPA
   * documents it as requiring network, keys or the OPA runtime).
   */
  wasm: boolean;
  /** true for `print`: any number of arguments. */
  variadic?: boolean;
}

function b(name: string, arity: number, extra: Partial<BuiltinSignature> = {}): BuiltinSignature {
  return { name, arity, wasm: true, ...extra };
}

const list: BuiltinSignature[] = [
  // comparison and assignment
  b("eq", 2, { infix: "=" }), b("assign", 2, { infix: ":=" }), b("equal", 2, { infix: "==" }),
  b("neq", 2, { infix: "!=" }), b("lt", 2, { infix: "<" }), b("lte", 2, { infix: "<=" }),
  b("gt", 2, { infix: ">" }), b("gte", 2, { infix: ">=" }),
  b("internal.member_2", 2, { infix: "in" }), b("internal.member_3", 3, { infix: "in" }),
  // arithmetic
  b("plus", 2, { infix: "+" }), b("minus", 2, { infix: "-" }), b("mul", 2, { infix: "*" }),
  b("div", 2, { infix: "/" }), b("rem", 2, { infix: "%" }), b("abs", 1), b("round", 1), b("ceil", 1),
  b("floor", 1), b("numbers.range", 2), b("numbers.range_step", 3), b("rand.intn", 2),
  b("bits.or", 2), b("bits.and", 2), b("bits.negate", 1), b("bits.xor", 2), b("bits.lsh", 2), b("bits.rsh", 2),
  // sets
  b("and", 2, { infix: "&" }), b("or", 2, { infix: "|" }), b("intersection", 1), b("union", 1),
  // aggregates
  b("count", 1), b("sum", 1), b("product", 1), b("max", 1), b("min", 1), b("sort", 1), b("all", 1), b("any", 1),
  // arrays and objects
  b("array.concat", 2), b("array.slice", 3), b("array.reverse", 1), b("array.flatten", 1),
  b("object.get", 3), b("object.remove", 2), b("object.union", 2), b("object.union_n", 1),
  b("object.filter", 2), b("object.subset", 2), b("object.keys", 1),
  b("json.filter", 2), b("json.remove", 2), b("json.patch", 2), b("json.match_schema", 2), b("json.verify_schema", 1),
  // strings
  b("concat", 2), b("contains", 2), b("endswith", 2), b("format_int", 2), b("indexof", 2), b("indexof_n", 2),
  b("lower", 1), b("replace", 3), b("split", 2), b("sprintf", 2), b("startswith", 2),
  b("strings.any_prefix_match", 2), b("strings.any_suffix_match", 2), b("strings.count", 2),
  b("strings.render_template", 2), b("strings.replace_n", 2), b("strings.reverse", 1), b("substring", 3),
  b("trim", 2), b("trim_left", 2), b("trim_prefix", 2), b("trim_right", 2), b("trim_space", 1),
  b("trim_suffix", 2), b("upper", 1),
  // regular expressions and globs
  b("regex.match", 2), b("re_match", 2), b("regex.is_valid", 1), b("regex.split", 2), b("regex.find_n", 3),
  b("regex.find_all_string_submatch_n", 3), b("regex.replace", 3), b("regex.globs_match", 2),
  b("regex.template_match", 4), b("glob.match", 3), b("glob.quote_meta", 1),
  // types
  b("is_number", 1), b("is_string", 1), b("is_boolean", 1), b("is_array", 1), b("is_set", 1),
  b("is_object", 1), b("is_null", 1), b("type_name", 1),
  b("to_number", 1), b("cast_array", 1), b("cast_set", 1), b("cast_string", 1), b("cast_boolean", 1),
  b("cast_null", 1), b("cast_object", 1),
  // encodings
  b("base64.encode", 1), b("base64.decode", 1), b("base64.is_valid", 1), b("base64url.encode", 1),
  b("base64url.encode_no_pad", 1), b("base64url.decode", 1), b("hex.encode", 1), b("hex.decode", 1),
  b("urlquery.encode", 1), b("urlquery.decode", 1), b("urlquery.encode_object", 1), b("urlquery.decode_object", 1),
  b("json.marshal", 1), b("json.marshal_with_options", 2), b("json.unmarshal", 1), b("json.is_valid", 1),
  b("yaml.marshal", 1), b("yaml.unmarshal", 1), b("yaml.is_valid", 1),
  // time
  b("time.now_ns", 0), b("time.parse_ns", 2), b("time.parse_rfc3339_ns", 1), b("time.parse_duration_ns", 1),
  b("time.format", 1), b("time.date", 1), b("time.clock", 1), b("time.weekday", 1), b("time.add_date", 4),
  b("time.diff", 2),
  // hashes
  b("crypto.md5", 1), b("crypto.sha1", 1), b("crypto.sha256", 1),
  b("crypto.hmac.md5", 2), b("crypto.hmac.sha1", 2), b("crypto.hmac.sha256", 2), b("crypto.hmac.sha512", 2),
  b("crypto.hmac.equal", 2),
  // network addresses
  b("net.cidr_contains", 2), b("net.cidr_intersects", 2), b("net.cidr_contains_matches", 2),
  b("net.cidr_expand", 1), b("net.cidr_merge", 1), b("net.cidr_is_valid", 1), b("net.cidr_overlap", 2),
  // units, versions, graphs
  b("units.parse", 1), b("units.parse_bytes", 1), b("semver.is_valid", 1), b("semver.compare", 2),
  b("uuid.parse", 1), b("io.jwt.decode", 1), b("graph.reachable", 2), b("graph.reachable_paths", 2), b("walk", 1),
  b("print", 0, { variadic: true }), b("internal.print", 1),
  b("rego.metadata.chain", 0), b("rego.metadata.rule", 0),
  // Not offered by OPA's Wasm target: network, keys, OPA runtime state, true randomness.
  b("http.send", 1, { wasm: false }), b("net.lookup_ip_addr", 1, { wasm: false }),
  b("opa.runtime", 0, { wasm: false }), b("rego.parse_module", 2, { wasm: false }),
  b("trace", 1, { wasm: false }), b("uuid.rfc4122", 1, { wasm: false }),
  b("providers.aws.sign_req", 3, { wasm: false }),
  b("io.jwt.decode_verify", 2, { wasm: false }),
  b("io.jwt.encode_sign", 3, { wasm: false }), b("io.jwt.encode_sign_raw", 3, { wasm: false }),
  ...["rs256", "rs384", "rs512", "ps256", "ps384", "ps512", "es256", "es384", "es512", "hs256", "hs384", "hs512", "eddsa"].map(
    (alg) => b(`io.jwt.verify_${alg}`, 2, { wasm: false }),
  ),
  b("crypto.x509.parse_certificates", 1, { wasm: false }), b("crypto.x509.parse_and_verify_certificates", 1, { wasm: false }),
  b("crypto.x509.parse_and_verify_certificates_with_options", 2, { wasm: false }),
  b("crypto.x509.parse_certificate_request", 1, { wasm: false }), b("crypto.x509.parse_keypair", 2, { wasm: false }),
  b("crypto.x509.parse_rsa_private_key", 1, { wasm: false }), b("crypto.parse_private_keys", 1, { wasm: false }),
];

export const builtinSignatures: ReadonlyMap<string, BuiltinSignature> = new Map(list.map((s) => [s.name, s]));

export function builtinSignature(name: string): BuiltinSignature | undefined {
  return builtinSignatures.get(name);
}

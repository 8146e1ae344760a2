// The checker's table of built-in functions: names, arities and (where known) declared argument
// types. Declared types come from @open-policy-agent/opa-wasm's capabilities.json (the built-ins
// OPA itself compiles to Wasm), read once at first use; the arities of the other OPA built-ins
// that policies may call (delegated to the host) are listed below.
// Names and arities come first from the code generator's table (engine/compiler/builtins/
// signatures.ts), so that the checker accepts exactly what the back end knows; the list below only
// fills gaps (built-ins that table does not list yet, such as array.flatten).

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { builtinSignatures } from "../builtins/signatures.js";

/** A declared type as in OPA's capabilities JSON (`decl`). */
export interface DeclType {
  type: "any" | "null" | "boolean" | "number" | "string" | "array" | "set" | "object" | "function";
  of?: DeclType | DeclType[];
  static?: unknown;
  dynamic?: unknown;
}

export interface BuiltinInfo {
  name: string;
  /** Number of inputs; -1 for variadic built-ins such as `print`. */
  arity: number;
  args?: DeclType[];
  result?: DeclType;
}

/** OPA built-ins outside the Wasm-native set, name → arity. */
const EXTRA_ARITIES: Record<string, number> = {
  "array.reverse": 1,
  "array.flatten": 1,
  "numbers.range_step": 3,
  "object.keys": 1,
  "object.subset": 2,
  "object.union_n": 1,
  "json.patch": 2,
  "json.marshal_with_options": 2,
  "json.verify_schema": 1,
  "json.match_schema": 2,
  indexof_n: 2,
  "strings.reverse": 1,
  "strings.any_prefix_match": 2,
  "strings.any_suffix_match": 2,
  "strings.count": 2,
  "strings.render_template": 2,
  "regex.split": 2,
  "regex.find_n": 3,
  "regex.replace": 3,
  "regex.template_match": 4,
  "regex.globs_match": 2,
  "glob.quote_meta": 1,
  cast_array: 1,
  cast_set: 1,
  cast_string: 1,
  cast_boolean: 1,
  cast_null: 1,
  cast_object: 1,
  "base64url.encode_no_pad": 1,
  "urlquery.encode": 1,
  "urlquery.decode": 1,
  "urlquery.encode_object": 1,
  "urlquery.decode_object": 1,
  "hex.encode": 1,
  "hex.decode": 1,
  "time.now_ns": 0,
  "time.parse_ns": 2,
  "time.parse_rfc3339_ns": 1,
  "time.parse_duration_ns": 1,
  "time.date": 1,
  "time.clock": 1,
  "time.weekday": 1,
  "time.add_date": 4,
  "time.format": 1,
  "crypto.sha256": 1,
  "crypto.sha1": 1,
  "crypto.md5": 1,
  "crypto.hmac.sha256": 2,
  "crypto.hmac.sha1": 2,
  "crypto.hmac.sha512": 2,
  "crypto.hmac.md5": 2,
  "crypto.hmac.equal": 2,
  "crypto.x509.parse_certificates": 1,
  "crypto.x509.parse_and_verify_certificates": 1,
  "crypto.x509.parse_certificate_request": 1,
  "crypto.x509.parse_rsa_private_key": 1,
  "crypto.parse_private_keys": 1,
  "graph.reachable_paths": 2,
  "net.cidr_merge": 1,
  "net.cidr_expand": 1,
  "net.cidr_contains_matches": 2,
  "net.cidr_is_valid": 1,
  "net.cidr_overlap": 2,
  "net.lookup_ip_addr": 1,
  "uuid.rfc4122": 1,
  "uuid.parse": 1,
  "semver.is_valid": 1,
  "semver.compare": 2,
  "units.parse": 1,
  "units.parse_bytes": 1,
  "opa.runtime": 0,
  trace: 1,
  "rego.parse_module": 2,
  "rego.metadata.chain": 0,
  "rego.metadata.rule": 0,
  "io.jwt.decode": 1,
  "io.jwt.decode_verify": 2,
  "io.jwt.verify_hs256": 2,
  "io.jwt.verify_hs384": 2,
  "io.jwt.verify_hs512": 2,
  "io.jwt.verify_rs256": 2,
  "io.jwt.verify_rs384": 2,
  "io.jwt.verify_rs512": 2,
  "io.jwt.verify_ps256": 2,
  "io.jwt.verify_ps384": 2,
  "io.jwt.verify_ps512": 2,
  "io.jwt.verify_es256": 2,
  "io.jwt.verify_es384": 2,
  "io.jwt.verify_es512": 2,
  "io.jwt.encode_sign": 3,
  "io.jwt.encode_sign_raw": 3,
  "http.send": 1,
  "providers.aws.sign_req": 3,
  "internal.print": 1,
  print: -1,
};

let table: Map<string, BuiltinInfo> | null = null;

function loadCapabilities(): Array<{ name: string; decl: { args?: DeclType[]; result?: DeclType; variadic?: unknown } }> {
  try {
    const require = createRequire(import.meta.url);
    const main = require.resolve("@open-policy-agent/opa-wasm");
    // The package's exports hide capabilities.json from require(); it sits at the package root.
    const file = join(dirname(main), "..", "capabilities.json");
    const json = JSON.parse(readFileSync(file, "utf8")) as { builtins?: unknown };
    return Array.isArray(json.builtins) ? (json.builtins as never) : [];
  } catch {
    return [];
  }
}

export function builtinTable(): Map<string, BuiltinInfo> {
  if (table) return table;
  const t = new Map<string, BuiltinInfo>();
  for (const [name, arity] of Object.entries(EXTRA_ARITIES)) t.set(name, { name, arity });
  for (const sig of builtinSignatures.values()) t.set(sig.name, { name: sig.name, arity: sig.variadic ? -1 : sig.arity });
  for (const b of loadCapabilities()) {
    const args = b.decl.args ?? [];
    const arity = b.decl.variadic ? -1 : args.length;
    const known = t.get(b.name);
    // Declared types only where both tables agree on the arity (they describe the same function).
    if (known && known.arity !== arity) continue;
    t.set(b.name, { name: b.name, arity, args, ...(b.decl.result ? { result: b.decl.result } : {}) });
  }
  // Operators the parser produces; present in capabilities.json too, listed here so that the
  // checker works even when that file cannot be read.
  for (const [name, arity] of [
    ["eq", 2], ["assign", 2], ["equal", 2], ["neq", 2], ["lt", 2], ["lte", 2], ["gt", 2], ["gte", 2],
    ["plus", 2], ["minus", 2], ["mul", 2], ["div", 2], ["rem", 2], ["and", 2], ["or", 2],
    ["internal.member_2", 2], ["internal.member_3", 3], ["count", 1],
  ] as Array<[string, number]>) {
    if (!t.has(name)) t.set(name, { name, arity });
  }
  table = t;
  return t;
}

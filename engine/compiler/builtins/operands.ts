// Operand types of the host built-ins, as OPA declares them, for OPA's type error messages in
// strict mode ("operand 1 must be string but got number"). Only consulted after a built-in has
// failed, so a table entry can never change a result. Arguments arrive as JSON: a set is an array.

/** OPA's type names, as its "operand N must be T but got U" messages use them (sets arrive as arrays). */
export function jsonTypeName(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "array";
  if (typeof x === "object") return "object";
  if (typeof x === "bigint") return "number";
  return typeof x;
}

type T = "string" | "number" | "object" | "array" | "set" | "null" | "any";

const s: T[] = ["string"];
const ss: T[] = ["string", "string"];
const time: T[] = ["number", "array"];

/** Built-in name → the accepted types of each operand (alternatives joined by "|"). */
const table: Record<string, Array<T | T[]>> = {
  "regex.match": ss,
  re_match: ss,
  "regex.find_n": ["string", "string", "number"],
  "regex.find_all_string_submatch_n": ["string", "string", "number"],
  "regex.replace": ["string", "string", "string"],
  "regex.template_match": ["string", "string", "string", "string"],
  "glob.match": ["string", ["array", "null"], "string"],
  "glob.quote_meta": s,
  "base64.encode": s,
  "base64.decode": s,
  "base64url.encode": s,
  "base64url.encode_no_pad": s,
  "base64url.decode": s,
  "hex.encode": s,
  "hex.decode": s,
  "urlquery.encode": s,
  "urlquery.decode": s,
  "urlquery.encode_object": ["object"],
  "urlquery.decode_object": s,
  "crypto.md5": s,
  "crypto.sha1": s,
  "crypto.sha256": s,
  "crypto.hmac.md5": ss,
  "crypto.hmac.sha1": ss,
  "crypto.hmac.sha256": ss,
  "crypto.hmac.sha512": ss,
  "crypto.hmac.equal": ss,
  "io.jwt.decode": s,
  "net.cidr_contains": ss,
  "net.cidr_intersects": ss,
  "net.cidr_overlap": ss,
  "json.filter": ["object", ["array", "set"]],
  "json.remove": ["object", ["array", "set"]],
  "units.parse_bytes": s,
  "units.parse": s,
  "semver.compare": ss,
  "time.parse_rfc3339_ns": s,
  "time.parse_ns": ss,
  "time.parse_duration_ns": s,
  "time.format": [time],
  "time.date": [time],
  "time.clock": [time],
  "time.weekday": [time],
  "time.add_date": ["number", "number", "number", "number"],
  "time.diff": [time, time],
  "rand.intn": ["string", "number"],
};

function accepts(t: T, got: string): boolean {
  return t === "any" || t === got || (t === "set" && got === "array");
}

/** OPA's message for the first operand of a known built-in whose type is wrong, or null. */
export function operandTypeError(name: string, args: unknown[]): string | null {
  const spec = table[name];
  if (!spec) return null;
  for (let i = 0; i < spec.length && i < args.length; i++) {
    const want = spec[i] as T | T[];
    const got = jsonTypeName(args[i]);
    const alternatives = Array.isArray(want) ? want : [want];
    if (alternatives.some((t) => accepts(t, got))) continue;
    const expected = alternatives.length === 1 ? alternatives[0] : `one of {${alternatives.join(", ")}}`;
    return `${name}: operand ${i + 1} must be ${expected} but got ${got}`;
  }
  return null;
}

// Scalar literals: decoding string escapes and validating number text.
// Pure functions returning either the value or the reason it is not valid.

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Decodes a double-quoted string token (quotes included). Rego strings use JSON's escapes, so
 * JSON.parse is exactly the decoder (\uXXXX, surrogate pairs, \/ …) and rejects what JSON
 * rejects (raw control characters next to escapes, malformed \u). Like OPA, a string without a
 * backslash is taken as written.
 */
export function decodeString(literal: string): Checked<string> {
  const inner = literal.slice(1, -1);
  if (!inner.includes("\\")) return { ok: true, value: inner };
  try {
    const value: unknown = JSON.parse(literal);
    // A lone surrogate escape (`"\ud800"`) becomes U+FFFD, as Go's JSON decoder does in OPA, so
    // that every string can be encoded as UTF-8 later.
    if (typeof value === "string") return { ok: true, value: value.replace(LONE_SURROGATE, "\uFFFD") };
  } catch {
    // fall through
  }
  return { ok: false, reason: `illegal string literal: ${literal}` };
}

/** Decodes a raw (back-quoted) string token: no escapes at all. */
export function decodeRawString(literal: string): string {
  return literal.slice(1, -1);
}

// A number's magnitude is limited like OPA's (binary exponent within ±1e5), so that later
// stages never face a number whose decimal expansion is absurdly long.
const MAX_DECIMAL_EXPONENT = Math.floor(1e5 / Math.log2(10));

const numberShape = /^-?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Validates the text of a number literal (sign and leading `.` already attached) and returns
 * the text to keep. The text is kept as written, except that a leading `.` gets a `0` so that
 * the text stays valid JSON (`.5` → `0.5`).
 */
export function checkNumber(text: string): Checked<string> {
  const m = numberShape.exec(text);
  if (!m) return { ok: false, reason: "invalid float" };
  const intPart = m[1] ?? "";
  const frac = m[2] ?? "";
  const exp = m[3] === undefined ? 0 : Number(m[3]);
  const hasDecimalPrefix = intPart === "" && m[2] !== undefined;
  if (!hasDecimalPrefix && intPart.length > 1 && intPart[0] === "0") {
    return { ok: false, reason: "expected number without leading zero" };
  }
  const digits = intPart.replace(/^0+/, "");
  let decimalExponent: number | null;
  if (digits.length > 0) decimalExponent = digits.length - 1 + exp;
  else {
    const firstNonZero = frac.search(/[1-9]/);
    decimalExponent = firstNonZero < 0 ? null : -(firstNonZero + 1) + exp;
  }
  if (decimalExponent !== null && (!Number.isFinite(decimalExponent) || Math.abs(decimalExponent) > MAX_DECIMAL_EXPONENT)) {
    return { ok: false, reason: "number too big" };
  }
  const normalised = hasDecimalPrefix ? text.replace(".", "0.") : text;
  return { ok: true, value: normalised };
}

// Decimal text <-> number values. Exact integers become INT, decimals that binary64 represents
// after one correctly rounded step become FLOAT, everything else keeps its text (REF) so that
// big numbers round-trip through JSON unchanged.

import { mkInt, mkFloat, mkRef, N_INT, numKind, intOf, I64_SAFE } from "./value";
import { decimalToDouble, formatDoubleShortest } from "./bignum";

const POW10 = memory.data<f64>([
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]);

// @ts-ignore: decorator
@inline function isDigit(c: u32): bool { return c - 48 < 10; }

/** Length of a JSON number's text at p (at most `max` bytes), or 0 when it is not one. */
export function scanNumber(p: usize, max: u32): u32 {
  let i: u32 = 0;
  if (i < max && load<u8>(p) == 45) i++;
  if (i >= max) return 0;
  let c = <u32>load<u8>(p + i);
  if (c == 48) i++;
  else if (c >= 49 && c <= 57) { i++; while (i < max && isDigit(load<u8>(p + i))) i++; }
  else return 0;
  if (i < max && load<u8>(p + i) == 46) {
    i++;
    if (i >= max || !isDigit(load<u8>(p + i))) return 0;
    while (i < max && isDigit(load<u8>(p + i))) i++;
  }
  if (i < max && (load<u8>(p + i) | 32) == 101) {
    i++;
    if (i < max && (load<u8>(p + i) == 43 || load<u8>(p + i) == 45)) i++;
    if (i >= max || !isDigit(load<u8>(p + i))) return 0;
    while (i < max && isDigit(load<u8>(p + i))) i++;
  }
  return i;
}

/**
 * Number value of the decimal text [p, p+len) (JSON grammar, already validated by scanNumber).
 * The text is referenced, not copied, when it is kept.
 */
export function numberFromText(p: usize, len: u32): usize {
  let i: u32 = 0;
  const neg = load<u8>(p) == 45;
  if (neg) i++;
  let m: u64 = 0;
  let sig: u32 = 0; // significant digits taken into m
  let e10: i32 = 0;
  let truncated = false;
  while (i < len && isDigit(load<u8>(p + i))) {
    const d = <u32>load<u8>(p + i) - 48;
    if (sig < 19) { if (m != 0 || d != 0) { m = m * 10 + d; sig += m != 0 ? 1 : 0; } }
    else { e10++; if (d != 0) truncated = true; }
    i++;
  }
  if (i < len && load<u8>(p + i) == 46) {
    i++;
    while (i < len && isDigit(load<u8>(p + i))) {
      const d = <u32>load<u8>(p + i) - 48;
      if (sig < 19) { if (m != 0 || d != 0) { m = m * 10 + d; sig += 1; } e10--; }
      else if (d != 0) truncated = true;
      i++;
    }
  }
  if (i < len && (load<u8>(p + i) | 32) == 101) {
    i++;
    let eneg = false;
    if (load<u8>(p + i) == 45) { eneg = true; i++; } else if (load<u8>(p + i) == 43) i++;
    let x: i32 = 0;
    while (i < len && isDigit(load<u8>(p + i))) {
      if (x < 100000) x = x * 10 + (<i32>load<u8>(p + i) - 48);
      i++;
    }
    e10 += eneg ? -x : x;
  }
  if (m == 0) return mkInt(0);
  if (!truncated) {
    while (e10 < 0 && m % 10 == 0) { m /= 10; e10++; }
    if (e10 >= 0 && e10 <= 19) {
      let v = m;
      let ok = true;
      for (let k: i32 = 0; k < e10; k++) {
        if (v > 922337203685477580) { ok = false; break; }
        v *= 10;
      }
      if (ok && (v <= 9223372036854775807 || (neg && v == 9223372036854775808))) {
        return mkInt(neg ? -(<i64>v) : <i64>v);
      }
    }
    if (m < 9007199254740992 && e10 >= -22 && e10 <= 22) {
      // Clinger's fast path: both operands exact, so one IEEE operation rounds correctly.
      const f = e10 < 0 ? <f64>m / load<f64>(POW10 + (<usize>(-e10) << 3)) : <f64>m * load<f64>(POW10 + (<usize>e10 << 3));
      return mkFloat(neg ? -f : f);
    }
    // Non-integers with up to 19 significant digits: exact rounding through big integers.
    // (Integers that overflow int64 stay REF below so their digits survive unchanged.)
    if (e10 < 0 && e10 >= -340) {
      const f = decimalToDouble(m, e10);
      if (isFinite(f) && f != 0) return mkFloat(neg ? -f : f);
    }
  }
  let approx = decimalToDouble(m, e10);
  if (neg) approx = -approx;
  return mkRef(p, len, approx);
}

const DIGITS_BUF = memory.data(32);

/** Writes the decimal form of n to out; returns the byte count (at most 20). */
export function formatI64(out: usize, n: i64): u32 {
  let u: u64 = n < 0 ? <u64>(-n) : <u64>n;
  let k: u32 = 0;
  do { store<u8>(DIGITS_BUF + k, <u8>(48 + u % 10)); u /= 10; k++; } while (u != 0);
  let w: u32 = 0;
  if (n < 0) { store<u8>(out, 45); w = 1; }
  while (k > 0) { k--; store<u8>(out + w, load<u8>(DIGITS_BUF + k)); w++; }
  return w;
}

/** Writes an INT or FLOAT number's text (not REF) to out (>= 64 bytes); returns the byte count. */
export function formatNum(out: usize, v: usize): u32 {
  if (numKind(v) == N_INT) return formatI64(out, intOf(v));
  const f = load<f64>(v, 8);
  if (Math.floor(f) == f && Math.abs(f) <= I64_SAFE) return formatI64(out, <i64>f);
  if (f < 0) { store<u8>(out, 45); return 1 + formatDoubleShortest(out + 1, -f); }
  return formatDoubleShortest(out, f);
}


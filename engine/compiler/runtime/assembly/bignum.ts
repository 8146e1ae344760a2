// Exact decimal <-> binary64 conversion with small base-1e9 big integers in static scratch
// buffers (no heap use). Used to print doubles as the shortest text that reads back to the same
// value (as JavaScript and Go do), and to round decimal text to the nearest double.

export const LIMBS: u32 = 200; // 200 * 9 = 1800 decimal digits: enough for 2^1140 * 10^400
const BIG_A = memory.data(<i32>LIMBS * 4);
const BIG_B = memory.data(<i32>LIMBS * 4);
let lenA: u32 = 0;
let lenB: u32 = 0;
const BASE: u64 = 1000000000;

function bigSet(p: usize, v: u64): u32 {
  let n: u32 = 0;
  do { store<u32>(p + (<usize>n << 2), <u32>(v % BASE)); v /= BASE; n++; } while (v != 0);
  return n;
}

/** p *= k (k < 2^32); returns the new length. */
function bigMulSmall(p: usize, n: u32, k: u64): u32 {
  let carry: u64 = 0;
  for (let i: u32 = 0; i < n; i++) {
    const x = <u64>load<u32>(p + (<usize>i << 2)) * k + carry;
    store<u32>(p + (<usize>i << 2), <u32>(x % BASE));
    carry = x / BASE;
  }
  while (carry != 0 && n < LIMBS) {
    store<u32>(p + (<usize>n << 2), <u32>(carry % BASE));
    carry /= BASE;
    n++;
  }
  return n;
}

function bigMulPow2(p: usize, n: u32, e: u32): u32 {
  while (e >= 30) { n = bigMulSmall(p, n, 1 << 30); e -= 30; }
  return e > 0 ? bigMulSmall(p, n, (<u64>1) << e) : n;
}

function bigMulPow5(p: usize, n: u32, e: u32): u32 {
  while (e >= 13) { n = bigMulSmall(p, n, 1220703125); e -= 13; }
  let k: u64 = 1;
  while (e > 0) { k *= 5; e--; }
  return k > 1 ? bigMulSmall(p, n, k) : n;
}

function bigMulPow10(p: usize, n: u32, e: u32): u32 {
  // Whole limbs shift; the remainder multiplies.
  const limbs = e / 9;
  if (limbs > 0 && !(n == 1 && load<u32>(p) == 0)) {
    memory.copy(p + (<usize>limbs << 2), p, <usize>n << 2);
    memory.fill(p, 0, <usize>limbs << 2);
    n += limbs;
  }
  let r = e % 9;
  let k: u64 = 1;
  while (r > 0) { k *= 10; r--; }
  return k > 1 ? bigMulSmall(p, n, k) : n;
}

function bigCmp(a: usize, na: u32, b: usize, nb: u32): i32 {
  while (na > 1 && load<u32>(a + (<usize>(na - 1) << 2)) == 0) na--;
  while (nb > 1 && load<u32>(b + (<usize>(nb - 1) << 2)) == 0) nb--;
  if (na != nb) return na < nb ? -1 : 1;
  for (let i = na; i > 0; i--) {
    const x = load<u32>(a + (<usize>(i - 1) << 2)), y = load<u32>(b + (<usize>(i - 1) << 2));
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Decimal digits of the big integer at p into out (no leading zeros); returns the count. */
export function bigDigits(p: usize, n: u32, out: usize): u32 {
  while (n > 1 && load<u32>(p + (<usize>(n - 1) << 2)) == 0) n--;
  let w: u32 = 0;
  // Most significant limb without padding, the rest padded to 9 digits.
  let top = load<u32>(p + (<usize>(n - 1) << 2));
  let tmp: u32 = 0;
  const T = out + 1200; // scratch after the output area (digit strings here stay below 1000)
  do { store<u8>(T + tmp, <u8>(48 + top % 10)); top /= 10; tmp++; } while (top != 0);
  while (tmp > 0) { tmp--; store<u8>(out + w++, load<u8>(T + tmp)); }
  for (let i = n - 1; i > 0; i--) {
    let x = load<u32>(p + (<usize>(i - 1) << 2));
    for (let j: u32 = 9; j > 0; j--) { store<u8>(out + w + j - 1, <u8>(48 + x % 10)); x /= 10; }
    w += 9;
  }
  return w;
}

// ---------------------------------------------------------------------------------------------
// Decimal -> double: nearest double to M * 10^E (M < 2^64).

/** Compares M*10^E with N*2^k exactly. */
function cmpDecBin(M: u64, E: i32, N: u64, k: i32): i32 {
  lenA = bigSet(BIG_A, M);
  lenB = bigSet(BIG_B, N);
  if (E >= 0) lenA = bigMulPow10(BIG_A, lenA, <u32>E); else lenB = bigMulPow10(BIG_B, lenB, <u32>(-E));
  if (k >= 0) lenB = bigMulPow2(BIG_B, lenB, <u32>k); else lenA = bigMulPow2(BIG_A, lenA, <u32>(-k));
  return bigCmp(BIG_A, lenA, BIG_B, lenB);
}

// Decomposition of a positive finite double c = fracOut * 2^expOut.
let fracOut: u64 = 0;
let expOut: i32 = 0;
function decompose(c: f64): void {
  const bits = reinterpret<u64>(c);
  const be = <i32>((bits >> 52) & 0x7ff);
  const fr = bits & 0xfffffffffffff;
  if (be == 0) { fracOut = fr; expOut = -1074; } else { fracOut = fr | (1 << 52); expOut = be - 1075; }
}

/** Correctly rounded M * 10^E for |E| <= 400, starting from an estimate a few ulps off. */
export function decimalToDouble(M: u64, E: i32): f64 {
  if (M == 0) return 0;
  // Estimate (a few ulps off at most), in two steps where 10^-E alone would overflow.
  let c = E >= 0 ? <f64>M * Math.pow(10, <f64>E)
    : (E >= -290 ? <f64>M / Math.pow(10, <f64>(-E)) : (<f64>M / Math.pow(10, <f64>(-E - 290))) / 1e290);
  if (E > 400 || E < -400) return c;
  if (!isFinite(c)) c = f64.MAX_VALUE;
  for (let iter = 0; iter < 8; iter++) {
    decompose(c);
    // Midpoint to the next double up: (2f+1) * 2^(e-1).
    const up = cmpDecBin(M, E, 2 * fracOut + 1, expOut - 1);
    if (up > 0 || (up == 0 && (fracOut & 1) == 1)) {
      c = reinterpret<f64>(reinterpret<u64>(c) + 1);
      if (!isFinite(c)) return c;
      continue;
    }
    // Midpoint to the next double down; at a power of two the gap below is half as wide.
    if (c == 0) return c; // nothing below zero to move to
    const lowerHalfGap = fracOut == (<u64>1 << 52) && expOut > -1074;
    const down = lowerHalfGap ? cmpDecBin(M, E, 4 * fracOut - 1, expOut - 2) : cmpDecBin(M, E, 2 * fracOut - 1, expOut - 1);
    if (down < 0 || (down == 0 && (fracOut & 1) == 1)) {
      c = reinterpret<f64>(reinterpret<u64>(c) - 1);
      if (c == 0) return c;
      continue;
    }
    return c;
  }
  return c;
}

// ---------------------------------------------------------------------------------------------
// Double -> shortest decimal text.

const DIG_V = memory.data(2048); // digits of V, then scratch for bigDigits
const DIG_L = memory.data(2048);
const DIG_H = memory.data(2048);
const CAND = memory.data(1024);

/** Digit string of N * 2^k scaled by 10^s (s = max(0, -k)) into out; returns its length. */
function scaledDigits(N: u64, k: i32, out: usize): u32 {
  lenA = bigSet(BIG_A, N);
  if (k >= 0) lenA = bigMulPow2(BIG_A, lenA, <u32>k);
  else lenA = bigMulPow5(BIG_A, lenA, <u32>(-k));
  return bigDigits(BIG_A, lenA, out);
}

/** Compares two non-negative integers given as digit strings without leading zeros. */
function cmpDigits(a: usize, na: u32, b: usize, nb: u32): i32 {
  if (na != nb) return na < nb ? -1 : 1;
  const r = memory.compare(a, b, na);
  return r < 0 ? -1 : (r > 0 ? 1 : 0);
}

/** Shortest digits of the last shortestDigits call: 0.D * 10^shortPoint, D at shortPtr. */
export let shortPoint: i32 = 0;
export let shortPtr: usize = 0;

/**
 * Shortest digit string that reads back as positive finite f (ties to the nearest, then even);
 * returns the digit count.
 */
export function shortestDigits(f: f64): u32 {
  decompose(f);
  const m = fracOut, e = expOut;
  const k = e - 2;
  const even = (m & 1) == 0;
  const nv = scaledDigits(4 * m, k, DIG_V);
  const nh = scaledDigits(4 * m + 2, k, DIG_H);
  const nl = scaledDigits(m == (<u64>1 << 52) && e > -1074 ? 4 * m - 1 : 4 * m - 2, k, DIG_L);
  const s: i32 = k < 0 ? -k : 0;
  // f = 0.DIG_V * 10^(nv - s)
  let p: u32 = 1;
  let digits: u32 = 0;
  let point: i32 = 0;
  for (; p <= nv; p++) {
    // Round V to p significant digits (half up), padded back to full length in CAND.
    memory.copy(CAND, DIG_V, p);
    // Round half to even on exact ties, as JavaScript does when two candidates are equally near.
    let roundUp = false;
    if (p < nv) {
      const next = load<u8>(DIG_V + p);
      if (next > 53) roundUp = true;
      else if (next == 53) {
        let rest = false;
        for (let i = p + 1; i < nv; i++) if (load<u8>(DIG_V + i) != 48) { rest = true; break; }
        roundUp = rest || (load<u8>(DIG_V + p - 1) & 1) == 1;
      }
    }
    let clen = nv;
    if (roundUp) {
      let i = <i32>p - 1;
      while (i >= 0 && load<u8>(CAND + i) == 57) { store<u8>(CAND + i, 48); i--; }
      if (i >= 0) store<u8>(CAND + i, load<u8>(CAND + i) + 1);
      else { memory.copy(CAND + 1, CAND, p); store<u8>(CAND, 49); clen = nv + 1; }
    }
    const used = clen - (nv - p);
    memory.fill(CAND + used, 48, clen - used);
    const lo = cmpDigits(CAND, clen, DIG_L, nl);
    const hi = cmpDigits(CAND, clen, DIG_H, nh);
    if ((lo > 0 || (even && lo == 0)) && (hi < 0 || (even && hi == 0))) {
      digits = used;
      point = <i32>clen - s;
      break;
    }
  }
  if (digits == 0) { memory.copy(CAND, DIG_V, nv); digits = nv; point = <i32>nv - s; }
  while (digits > 1 && load<u8>(CAND + digits - 1) == 48) digits--;
  shortPoint = point;
  shortPtr = CAND;
  return digits;
}

/**
 * Writes the shortest decimal text of positive finite f that reads back as f, formatted like
 * JavaScript's Number.prototype.toString (fixed notation for 1e-7 <= f < 1e21, else exponent).
 * Returns the byte count.
 */
export function formatDoubleShortest(out: usize, f: f64): u32 {
  const digits = shortestDigits(f);
  const point = shortPoint;
  // Layout: value = 0.CAND[0..digits) * 10^point
  let w: u32 = 0;
  const n = point;
  const d = <i32>digits;
  if (d <= n && n <= 21) {
    memory.copy(out, CAND, digits); w = digits;
    for (let i = d; i < n; i++) store<u8>(out + w++, 48);
  } else if (0 < n && n <= 21) {
    memory.copy(out, CAND, <u32>n); w = <u32>n;
    store<u8>(out + w++, 46);
    memory.copy(out + w, CAND + n, <u32>(d - n)); w += <u32>(d - n);
  } else if (-6 < n && n <= 0) {
    store<u8>(out + w++, 48); store<u8>(out + w++, 46);
    for (let i = n; i < 0; i++) store<u8>(out + w++, 48);
    memory.copy(out + w, CAND, digits); w += digits;
  } else {
    store<u8>(out + w++, load<u8>(CAND));
    if (d > 1) { store<u8>(out + w++, 46); memory.copy(out + w, CAND + 1, digits - 1); w += digits - 1; }
    store<u8>(out + w++, 101);
    let x = n - 1;
    store<u8>(out + w++, x < 0 ? 45 : 43);
    if (x < 0) x = -x;
    if (x >= 100) store<u8>(out + w++, <u8>(48 + x / 100));
    if (x >= 10) store<u8>(out + w++, <u8>(48 + (x / 10) % 10));
    store<u8>(out + w++, <u8>(48 + x % 10));
  }
  return w;
}

const EXACT = memory.data(400);

/**
 * Exact decimal digits of an integral double (|f| >= 1, sign ignored) into a static buffer;
 * returns the count and leaves the pointer in exactDigitsPtr.
 */
export let exactDigitsPtr: usize = 0;
export function exactIntDigits(f: f64): u32 {
  decompose(Math.abs(f));
  exactDigitsPtr = EXACT;
  if (expOut >= 0) return scaledDigits(fracOut, expOut, EXACT);
  // Integral with a negative binary exponent: shift the fraction right.
  lenA = bigSet(BIG_A, fracOut >> <u64>(-expOut));
  return bigDigits(BIG_A, lenA, EXACT);
}

// Exact decimal expansion of a positive finite double: 0.D * 10^exactPoint with D at EXACT_ALL.
const EXACT_ALL = memory.data(2048);
export let exactPoint: i32 = 0;
export const exactPtr: usize = EXACT_ALL;
export function exactDecimal(f: f64): u32 {
  decompose(f);
  const n = scaledDigits(fracOut, expOut, EXACT_ALL);
  exactPoint = expOut >= 0 ? <i32>n : <i32>n + expOut;
  return n;
}

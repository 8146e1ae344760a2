// Exact integer arithmetic beyond int64 for plus, minus and mul, as OPA computes with arbitrary
// precision: operands are INT numbers or REF numbers whose text is an integer literal.

import { N_INT, N_REF, numKind, intOf } from "./value";
import { LIMBS, bigDigits } from "./bignum";
import { alloc } from "./mem";
import { numberFromText } from "./numtext";

const X = memory.data(<i32>LIMBS * 4);
const Y = memory.data(<i32>LIMBS * 4);
const Z = memory.data(<i32>LIMBS * 8);
const DIGITS = memory.data(2400);
const BASE: u64 = 1000000000;
const MAX_DIGITS: u32 = 800;

let loadedNeg = false;

/** Loads an integer number value as |v| in base 1e9 into dst; returns limb count, 0 if not an integer. */
function loadInt(dst: usize, v: usize): u32 {
  const k = numKind(v);
  if (k == N_INT) {
    const x = intOf(v);
    loadedNeg = x < 0;
    let u: u64 = x < 0 ? <u64>(-x) : <u64>x; // -MIN wraps to 2^63, which is the right magnitude
    let n: u32 = 0;
    do { store<u32>(dst + (<usize>n << 2), <u32>(u % BASE)); u /= BASE; n++; } while (u != 0);
    return n;
  }
  if (k != N_REF) return 0;
  let p = <usize>load<u32>(v, 16);
  let len = load<u32>(v, 4);
  loadedNeg = len > 0 && load<u8>(p) == 45;
  if (loadedNeg) { p++; len--; }
  if (len == 0 || len > MAX_DIGITS) return 0;
  for (let i: u32 = 0; i < len; i++) { const c = load<u8>(p + i); if (c < 48 || c > 57) return 0; }
  // Limbs from the least significant end, 9 digits each.
  let n: u32 = 0;
  let end = <i32>len;
  while (end > 0) {
    const start = end - 9 > 0 ? end - 9 : 0;
    let limb: u32 = 0;
    for (let i = start; i < end; i++) limb = limb * 10 + (<u32>load<u8>(p + <usize>i) - 48);
    store<u32>(dst + (<usize>n << 2), limb);
    n++;
    end = start;
  }
  return n;
}

function trim(p: usize, n: u32): u32 {
  while (n > 1 && load<u32>(p + (<usize>(n - 1) << 2)) == 0) n--;
  return n;
}

function cmpMag(a: usize, na: u32, b: usize, nb: u32): i32 {
  na = trim(a, na); nb = trim(b, nb);
  if (na != nb) return na < nb ? -1 : 1;
  for (let i = na; i > 0; i--) {
    const x = load<u32>(a + (<usize>(i - 1) << 2)), y = load<u32>(b + (<usize>(i - 1) << 2));
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

function addMag(a: usize, na: u32, b: usize, nb: u32): u32 {
  const n = na > nb ? na : nb;
  let carry: u32 = 0;
  for (let i: u32 = 0; i < n; i++) {
    const s = (i < na ? load<u32>(a + (<usize>i << 2)) : 0) + (i < nb ? load<u32>(b + (<usize>i << 2)) : 0) + carry;
    carry = s >= <u32>BASE ? 1 : 0;
    store<u32>(Z + (<usize>i << 2), carry ? s - <u32>BASE : s);
  }
  if (carry) { store<u32>(Z + (<usize>n << 2), 1); return n + 1; }
  return n;
}

/** |a| - |b| with |a| >= |b|. */
function subMag(a: usize, na: u32, b: usize, nb: u32): u32 {
  let borrow: i64 = 0;
  for (let i: u32 = 0; i < na; i++) {
    let d = <i64>load<u32>(a + (<usize>i << 2)) - (i < nb ? <i64>load<u32>(b + (<usize>i << 2)) : 0) - borrow;
    borrow = d < 0 ? 1 : 0;
    if (d < 0) d += <i64>BASE;
    store<u32>(Z + (<usize>i << 2), <u32>d);
  }
  return na;
}

function mulMag(a: usize, na: u32, b: usize, nb: u32): u32 {
  const n = na + nb;
  memory.fill(Z, 0, <usize>n << 2);
  for (let i: u32 = 0; i < na; i++) {
    const x = <u64>load<u32>(a + (<usize>i << 2));
    let carry: u64 = 0;
    for (let j: u32 = 0; j < nb; j++) {
      const at = Z + (<usize>(i + j) << 2);
      const t = <u64>load<u32>(at) + x * <u64>load<u32>(b + (<usize>j << 2)) + carry;
      store<u32>(at, <u32>(t % BASE));
      carry = t / BASE;
    }
    let k = i + nb;
    while (carry != 0) {
      const at = Z + (<usize>k << 2);
      const t = <u64>load<u32>(at) + carry;
      store<u32>(at, <u32>(t % BASE));
      carry = t / BASE;
      k++;
    }
  }
  return n;
}

/** Number value of sign * Z[0..n). */
function result(neg: bool, n: u32): usize {
  n = trim(Z, n);
  const zero = n == 1 && load<u32>(Z) == 0;
  const d = bigDigits(Z, n, DIGITS);
  const len = d + (neg && !zero ? 1 : 0);
  const text = alloc(len);
  let w: usize = 0;
  if (neg && !zero) { store<u8>(text, 45); w = 1; }
  memory.copy(text + w, DIGITS, d);
  return numberFromText(text, len);
}

/** a (op) b exactly for integer operands; op 0 plus, 1 minus, 2 mul. 0 when not both integers. */
export function bigIntArith(a: usize, b: usize, op: i32): usize {
  const na = loadInt(X, a);
  if (na == 0) return 0;
  const negA = loadedNeg;
  const nb = loadInt(Y, b);
  if (nb == 0) return 0;
  let negB = loadedNeg;
  if (op == 2) return result(negA != negB, mulMag(X, na, Y, nb));
  if (op == 1) negB = !negB;
  if (negA == negB) return result(negA, addMag(X, na, Y, nb));
  if (cmpMag(X, na, Y, nb) >= 0) return result(negA, subMag(X, na, Y, nb));
  return result(negB, subMag(Y, nb, X, na));
}

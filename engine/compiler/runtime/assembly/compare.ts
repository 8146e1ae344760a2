// OPA's total order over values, value equality and a hash that agrees with equality
// (1 and 1.0 are equal and hash alike; object and set hashes do not depend on entry order).

import {
  T_NULL, T_BOOL, T_NUM, T_STR, T_ARR, T_OBJ, T_SET, N_INT, N_REF, I64_SAFE,
  typeOf, boolOf, numKind, intOf, numF64, strLen, strPtr, arrLen, arrAt, collLen, keyAt, valAt, entryAt,
} from "./value";
import { ensureSorted, collFind } from "./collections";
import { exactIntDigits, exactDigitsPtr } from "./bignum";

function cmpI64(a: i64, b: i64): i32 { return a < b ? -1 : (a > b ? 1 : 0); }

/** Digits-only comparison of two integer texts (optional '-'), used when both f64 approximations tie. */
function cmpIntText(pa: usize, la: u32, pb: usize, lb: u32): i32 {
  const na = la > 0 && load<u8>(pa) == 45;
  const nb = lb > 0 && load<u8>(pb) == 45;
  if (na != nb) return na ? -1 : 1;
  if (na) { pa++; la--; pb++; lb--; }
  for (let i: u32 = 0; i < la; i++) if (load<u8>(pa + i) < 0x30 || load<u8>(pa + i) > 0x39) return 0;
  for (let i: u32 = 0; i < lb; i++) if (load<u8>(pb + i) < 0x30 || load<u8>(pb + i) > 0x39) return 0;
  while (la > 1 && load<u8>(pa) == 48) { pa++; la--; }
  while (lb > 1 && load<u8>(pb) == 48) { pb++; lb--; }
  let r: i32 = 0;
  if (la != lb) r = la < lb ? -1 : 1;
  else r = memcmp(pa, pb, la);
  return na ? -r : r;
}

export function memcmp(a: usize, b: usize, n: u32): i32 {
  for (let i: u32 = 0; i < n; i++) {
    const x = load<u8>(a + i), y = load<u8>(b + i);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

export function numCompare(a: usize, b: usize): i32 {
  const ka = numKind(a), kb = numKind(b);
  if (ka == N_INT && kb == N_INT) return cmpI64(intOf(a), intOf(b));
  const fa = numF64(a), fb = numF64(b);
  if (fa < fb) return -1;
  if (fa > fb) return 1;
  // Equal as doubles: refine where the double lost precision.
  if (ka == N_INT && kb != N_REF && Math.abs(fb) <= I64_SAFE) return cmpI64(intOf(a), <i64>fb);
  if (kb == N_INT && ka != N_REF && Math.abs(fa) <= I64_SAFE) return cmpI64(<i64>fa, intOf(b));
  if (ka == N_REF && kb == N_REF) return cmpIntText(load<u32>(a, 16), load<u32>(a, 4), load<u32>(b, 16), load<u32>(b, 4));
  if (ka == N_REF) return refVsExact(a, b);
  if (kb == N_REF) return -refVsExact(b, a);
  return 0;
}

/** Tie-break of a REF number against an INT/FLOAT with the same nearest double. */
function refVsExact(r: usize, x: usize): i32 {
  const p = <usize>load<u32>(r, 16), n = load<u32>(r, 4);
  const neg = n > 0 && load<u8>(p) == 45;
  const start: u32 = neg ? 1 : 0;
  for (let i = start; i < n; i++) { const c = load<u8>(p + i); if (c < 48 || c > 57) return 0; }
  // REF integers lie outside int64, so against an INT only the sign matters.
  if (numKind(x) == N_INT) return neg ? -1 : 1;
  const f = load<f64>(x, 8);
  if (Math.floor(f) != f) return 0;
  const d = exactIntDigits(f);
  const fneg = f < 0;
  if (neg != fneg) return neg ? -1 : 1;
  const r2 = cmpIntText(p + start, n - start, exactDigitsPtr, d);
  return neg ? -r2 : r2;
}

export function strCompare(a: usize, b: usize): i32 {
  const la = strLen(a), lb = strLen(b);
  const n = la < lb ? la : lb;
  const r = memcmp(strPtr(a), strPtr(b), n);
  if (r != 0) return r;
  return la < lb ? -1 : (la > lb ? 1 : 0);
}

export function compare(a: usize, b: usize): i32 {
  if (a == b) return 0;
  // Undefined sorts first so that callers comparing optional values stay total.
  if (a == 0) return -1;
  if (b == 0) return 1;
  const ta = typeOf(a), tb = typeOf(b);
  if (ta != tb) return ta < tb ? -1 : 1;
  switch (ta) {
    case T_NULL: return 0;
    case T_BOOL: {
      const x = boolOf(a), y = boolOf(b);
      return x == y ? 0 : (x ? 1 : -1);
    }
    case T_NUM: return numCompare(a, b);
    case T_STR: return strCompare(a, b);
    case T_ARR: {
      const la = arrLen(a), lb = arrLen(b);
      const n = la < lb ? la : lb;
      for (let i: u32 = 0; i < n; i++) {
        const r = compare(arrAt(a, i), arrAt(b, i));
        if (r != 0) return r;
      }
      return la < lb ? -1 : (la > lb ? 1 : 0);
    }
    case T_OBJ: {
      ensureSorted(a); ensureSorted(b);
      const la = collLen(a), lb = collLen(b);
      const n = la < lb ? la : lb;
      for (let i: u32 = 0; i < n; i++) {
        let r = compare(keyAt(a, i), keyAt(b, i));
        if (r != 0) return r;
        r = compare(valAt(a, i), valAt(b, i));
        if (r != 0) return r;
      }
      return la < lb ? -1 : (la > lb ? 1 : 0);
    }
    default: { // T_SET
      ensureSorted(a); ensureSorted(b);
      const la = collLen(a), lb = collLen(b);
      const n = la < lb ? la : lb;
      for (let i: u32 = 0; i < n; i++) {
        const r = compare(keyAt(a, i), keyAt(b, i));
        if (r != 0) return r;
      }
      return la < lb ? -1 : (la > lb ? 1 : 0);
    }
  }
}

export function equal(a: usize, b: usize): bool {
  if (a == b) return true;
  if (a == 0 || b == 0) return false;
  const ta = typeOf(a);
  if (ta != typeOf(b)) return false;
  switch (ta) {
    case T_NULL: return true;
    case T_BOOL: return boolOf(a) == boolOf(b);
    case T_NUM: return numCompare(a, b) == 0;
    case T_STR: {
      const n = strLen(a);
      if (n != strLen(b)) return false;
      const ha = load<u32>(a, 12), hb = load<u32>(b, 12);
      if (ha != 0 && hb != 0 && ha != hb) return false;
      return memory.compare(strPtr(a), strPtr(b), n) == 0;
    }
    case T_ARR: {
      const n = arrLen(a);
      if (n != arrLen(b)) return false;
      for (let i: u32 = 0; i < n; i++) if (!equal(arrAt(a, i), arrAt(b, i))) return false;
      return true;
    }
    case T_OBJ: {
      const n = collLen(a);
      if (n != collLen(b)) return false;
      for (let i: u32 = 0; i < n; i++) {
        const j = collFind(b, keyAt(a, i));
        if (j < 0) return false;
        if (!equal(valAt(a, i), valAt(b, <u32>j))) return false;
      }
      return true;
    }
    default: {
      const n = collLen(a);
      if (n != collLen(b)) return false;
      for (let i: u32 = 0; i < n; i++) if (collFind(b, keyAt(a, i)) < 0) return false;
      return true;
    }
  }
}

// @ts-ignore: decorator
@inline function mix32(h: u32): u32 {
  h ^= h >> 16; h *= 0x85ebca6b; h ^= h >> 13; h *= 0xc2b2ae35; h ^= h >> 16;
  return h;
}

function mix64(x: u64): u32 {
  x ^= x >> 33; x *= 0xff51afd7ed558ccd; x ^= x >> 33; x *= 0xc4ceb9fe1a85ec53; x ^= x >> 33;
  return <u32>x;
}

export function hashBytes(p: usize, n: u32): u32 {
  // FNV-1a over 4-byte words, then a finaliser; strings cache the result in their header.
  let h: u32 = 0x811c9dc5 ^ n;
  let i: u32 = 0;
  for (; i + 4 <= n; i += 4) { h = (h ^ load<u32>(p + i)) * 0x01000193; h = rotl<u32>(h, 13); }
  for (; i < n; i++) h = (h ^ <u32>load<u8>(p + i)) * 0x01000193;
  return mix32(h);
}

export function hash(v: usize): u32 {
  let h: u32;
  switch (typeOf(v)) {
    case T_NULL: return 0x2545f491;
    case T_BOOL: return boolOf(v) ? 0x9e3779b9 : 0x7f4a7c15;
    case T_NUM: {
      if (numKind(v) == N_INT) return mix64(<u64>intOf(v));
      const f = numF64(v);
      // Integral doubles hash like the equal int64 (1.0 like 1).
      if (Math.floor(f) == f && Math.abs(f) <= I64_SAFE) return mix64(<u64>(<i64>f));
      return mix64(reinterpret<u64>(f));
    }
    case T_STR: {
      h = load<u32>(v, 12);
      if (h != 0) return h;
      h = hashBytes(strPtr(v), strLen(v)) | 1;
      store<u32>(v, h, 12); // a plain integer: safe to cache even in values that outlive the heap reset
      return h;
    }
    case T_ARR: {
      h = 0x1b873593;
      const n = arrLen(v);
      for (let i: u32 = 0; i < n; i++) h = mix32(h * 31 + hash(arrAt(v, i)));
      return h;
    }
    case T_OBJ: {
      h = 0x3c6ef372;
      const n = collLen(v);
      for (let i: u32 = 0; i < n; i++) h += mix32(load<u32>(entryAt(v, i), 8) * 0x27d4eb2f + hash(valAt(v, i)));
      return mix32(h ^ n);
    }
    default: {
      h = 0xa54ff53a;
      const n = collLen(v);
      for (let i: u32 = 0; i < n; i++) h += mix32(load<u32>(entryAt(v, i), 8));
      return mix32(h ^ n);
    }
  }
}

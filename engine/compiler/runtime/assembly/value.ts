// Rego values in linear memory. Every value is a pointer to a header whose first byte is the
// type code (OPA's codes). 0 is "undefined". Layouts (byte offsets):
//
//   null     [0]=1
//   boolean  [0]=2 [4]=u32 0|1
//   number   [0]=3 [1]=kind [4]=u32 text length [8]=i64 (INT) or f64 (FLOAT, REF) [16]=text ptr (REF)
//            kind INT: exact int64. FLOAT: binary64. REF: a decimal text that does not fit either
//            exactly (big integers, huge exponents); [8] holds its nearest f64 for arithmetic.
//   string   [0]=4 [4]=byte length [8]=UTF-8 bytes ptr [12]=cached hash (0 = not computed yet)
//   array    [0]=5 [4]=length [8]=capacity [12]=elements ptr (u32 each)
//   object   [0]=6 [1]=flags [4]=length [8]=capacity [12]=entries ptr [16]=index ptr [20]=index mask
//   set      [0]=7 same as object; an entry's value slot is unused
//
// Object/set entries are 12 bytes: key, value, key hash. The optional index (built once an
// object has more than INDEX_MIN entries) is an open-addressing table of u32 slots holding
// entry number + 1. Entries are kept in OPA's key order except while FLAG_DIRTY is set; callers
// that need order call ensureSorted, which sorts in place without keeping any new allocation.

export const T_NULL: u8 = 1;
export const T_BOOL: u8 = 2;
export const T_NUM: u8 = 3;
export const T_STR: u8 = 4;
export const T_ARR: u8 = 5;
export const T_OBJ: u8 = 6;
export const T_SET: u8 = 7;

export const N_INT: u8 = 0;
export const N_FLOAT: u8 = 1;
export const N_REF: u8 = 2;

export const FLAG_DIRTY: u8 = 1;
export const ENTRY: usize = 12;
export const INDEX_MIN: u32 = 8;

import { alloc } from "./mem";

// Static singletons: null, false, true never need allocation.
const NULL_V = memory.data<u8>([1, 0, 0, 0, 0, 0, 0, 0]);
const FALSE_V = memory.data<u8>([2, 0, 0, 0, 0, 0, 0, 0]);
const TRUE_V = memory.data<u8>([2, 0, 0, 0, 1, 0, 0, 0]);

// @ts-ignore: decorator
@inline export function typeOf(v: usize): u8 { return load<u8>(v); }

export function mkNull(): usize { return NULL_V; }
export function mkBool(b: bool): usize { return b ? TRUE_V : FALSE_V; }
// @ts-ignore: decorator
@inline export function boolOf(v: usize): bool { return load<u32>(v, 4) != 0; }

export function mkInt(n: i64): usize {
  const v = alloc(16);
  store<u32>(v, <u32>T_NUM);
  store<u32>(v, 0, 4);
  store<i64>(v, n, 8);
  return v;
}

// Largest magnitude below which every integral f64 is exactly an int64 we can store.
export const I64_SAFE: f64 = 9223372036854774784.0;

/** Number from a double: integral values become INT so 2.0 prints as 2; NaN/Inf are undefined. */
export function mkFloat(f: f64): usize {
  if (!isFinite(f)) return 0;
  if (Math.floor(f) == f && Math.abs(f) <= I64_SAFE) return mkInt(<i64>f);
  const v = alloc(16);
  store<u32>(v, <u32>T_NUM | (<u32>N_FLOAT << 8));
  store<u32>(v, 0, 4);
  store<f64>(v, f, 8);
  return v;
}

export function mkRef(text: usize, len: u32, approx: f64): usize {
  const v = alloc(24);
  store<u32>(v, <u32>T_NUM | (<u32>N_REF << 8));
  store<u32>(v, len, 4);
  store<f64>(v, approx, 8);
  store<u32>(v, text, 16);
  return v;
}

// @ts-ignore: decorator
@inline export function numKind(v: usize): u8 { return load<u8>(v, 1); }
// @ts-ignore: decorator
@inline export function intOf(v: usize): i64 { return load<i64>(v, 8); }

export function numF64(v: usize): f64 {
  return numKind(v) == N_INT ? <f64>load<i64>(v, 8) : load<f64>(v, 8);
}

/** True when the number is integral and representable as int64; the value is left in gotInt. */
export let gotInt: i64 = 0;
export function numAsInt(v: usize): bool {
  const k = numKind(v);
  if (k == N_INT) { gotInt = load<i64>(v, 8); return true; }
  if (k == N_REF) return false; // REF is only used for values that do not fit int64 exactly
  const f = load<f64>(v, 8);
  if (Math.floor(f) == f && Math.abs(f) <= I64_SAFE) { gotInt = <i64>f; return true; }
  return false;
}

/** Number value that is an int32-range integer; sets gotInt. For indexes and counts. */
export function isIntNum(v: usize): bool {
  return v != 0 && typeOf(v) == T_NUM && numAsInt(v);
}

export function mkStr(ptr: usize, len: u32): usize {
  const v = alloc(16);
  store<u32>(v, <u32>T_STR);
  store<u32>(v, len, 4);
  store<u32>(v, ptr, 8);
  store<u32>(v, 0, 12);
  return v;
}

/** String whose bytes are allocated right after the header; caller fills strPtr(v). */
export function mkStrBuf(len: u32): usize {
  const v = alloc(16 + <usize>len);
  store<u32>(v, <u32>T_STR);
  store<u32>(v, len, 4);
  store<u32>(v, v + 16, 8);
  store<u32>(v, 0, 12);
  return v;
}

/** String value of an AssemblyScript ASCII literal (for type names and the like). */
export function mkStrLit(s: string): usize {
  const n = <u32>s.length;
  const v = mkStrBuf(n);
  const p = strPtr(v);
  for (let i: u32 = 0; i < n; i++) store<u8>(p + i, <u8>s.charCodeAt(i));
  return v;
}

// @ts-ignore: decorator
@inline export function strLen(v: usize): u32 { return load<u32>(v, 4); }
// @ts-ignore: decorator
@inline export function strPtr(v: usize): usize { return load<u32>(v, 8); }

export function mkArr(cap: u32): usize {
  const v = alloc(16);
  if (cap < 1) cap = 1;
  store<u32>(v, <u32>T_ARR);
  store<u32>(v, 0, 4);
  store<u32>(v, cap, 8);
  store<u32>(v, alloc(<usize>cap << 2), 12);
  return v;
}

// @ts-ignore: decorator
@inline export function arrLen(v: usize): u32 { return load<u32>(v, 4); }
// @ts-ignore: decorator
@inline export function arrAt(v: usize, i: u32): usize { return load<u32>(load<u32>(v, 12) + (<usize>i << 2)); }

export function arrPush(a: usize, x: usize): void {
  const n = load<u32>(a, 4);
  let cap = load<u32>(a, 8);
  let el = <usize>load<u32>(a, 12);
  if (n == cap) {
    const ncap = cap << 1;
    const nel = alloc(<usize>ncap << 2);
    memory.copy(nel, el, <usize>n << 2);
    el = nel;
    store<u32>(a, ncap, 8);
    store<u32>(a, el, 12);
  }
  store<u32>(el + (<usize>n << 2), x);
  store<u32>(a, n + 1, 4);
}

/** Object (T_OBJ) or set (T_SET) with room for cap entries. */
export function mkColl(t: u8, cap: u32): usize {
  const v = alloc(24);
  if (cap < 2) cap = 2;
  store<u32>(v, <u32>t);
  store<u32>(v, 0, 4);
  store<u32>(v, cap, 8);
  store<u32>(v, alloc(<usize>cap * ENTRY), 12);
  store<u32>(v, 0, 16);
  store<u32>(v, 0, 20);
  return v;
}

// @ts-ignore: decorator
@inline export function collLen(v: usize): u32 { return load<u32>(v, 4); }
// @ts-ignore: decorator
@inline export function entryAt(v: usize, i: u32): usize { return <usize>load<u32>(v, 12) + <usize>i * ENTRY; }
// @ts-ignore: decorator
@inline export function keyAt(v: usize, i: u32): usize { return load<u32>(entryAt(v, i)); }
// @ts-ignore: decorator
@inline export function valAt(v: usize, i: u32): usize { return load<u32>(entryAt(v, i), 4); }

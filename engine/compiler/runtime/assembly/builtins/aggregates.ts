// Aggregates (count sum product max min sort any all) and set algebra (and or intersection union).

import {
  T_STR, T_ARR, T_OBJ, T_SET, N_INT, typeOf, numKind, intOf, numF64, mkInt, mkFloat, mkBool,
  mkArr, arrLen, mkColl, collLen, keyAt, strPtr, strLen, boolOf, T_BOOL,
} from "../value";
import { compare } from "../compare";
import { setAdd, collFind, sortRecords } from "../collections";
import { utf8Count } from "../utf8";
import { isNum, isSet, isArrOrSet, elemCount, elemAt, typeNameOf } from "./util";
import { needNum, needStr, needArr, needObj, needSet, needArrOrSet, typeErr, elemTypeErr, builtinErr } from "./util";

export function builtin_count(x: usize): usize {
  if (x == 0) return 0;
  switch (typeOf(x)) {
    case T_STR: return mkInt(<i64>utf8Count(strPtr(x), strLen(x)));
    case T_ARR: return mkInt(<i64>arrLen(x));
    case T_OBJ: case T_SET: return mkInt(<i64>collLen(x));
    default: return typeErr("count", 1, "one of {array, object, set, string}", x);
  }
}

export function builtin_sum(c: usize): usize {
  if (!needArrOrSet("sum", 1, c)) return 0;
  const n = elemCount(c);
  let acc: i64 = 0;
  let facc: f64 = 0;
  let exact = true;
  for (let i: u32 = 0; i < n; i++) {
    const e = elemAt(c, i);
    if (!isNum(e)) return elemTypeErr("sum", 1, typeNameOf(c), "numbers", e);
    if (exact && numKind(e) == N_INT) {
      const y = intOf(e), r = acc + y;
      if (((acc ^ r) & (y ^ r)) >= 0) { acc = r; continue; }
    }
    if (exact) { facc = <f64>acc; exact = false; }
    facc += numF64(e);
  }
  return exact ? mkInt(acc) : mkFloat(facc);
}

export function builtin_product(c: usize): usize {
  if (!needArrOrSet("product", 1, c)) return 0;
  const n = elemCount(c);
  let acc: i64 = 1;
  let facc: f64 = 1;
  let exact = true;
  for (let i: u32 = 0; i < n; i++) {
    const e = elemAt(c, i);
    if (!isNum(e)) return elemTypeErr("product", 1, typeNameOf(c), "numbers", e);
    if (exact && numKind(e) == N_INT) {
      const y = intOf(e);
      if (Math.abs(<f64>acc * <f64>y) < 4.0e18) { acc *= y; continue; }
    }
    if (exact) { facc = <f64>acc; exact = false; }
    facc *= numF64(e);
  }
  return exact ? mkInt(acc) : mkFloat(facc);
}

function extreme(name: string, c: usize, sign: i32): usize {
  if (!needArrOrSet(name, 1, c)) return 0;
  const n = elemCount(c);
  if (n == 0) return 0;
  let best = elemAt(c, 0);
  for (let i: u32 = 1; i < n; i++) {
    const e = elemAt(c, i);
    if (compare(e, best) * sign > 0) best = e;
  }
  return best;
}

export function builtin_max(c: usize): usize { return extreme("max", c, 1); }
export function builtin_min(c: usize): usize { return extreme("min", c, -1); }

export function builtin_sort(c: usize): usize {
  if (!needArrOrSet("sort", 1, c)) return 0;
  const n = elemCount(c);
  const a = mkArr(n);
  for (let i: u32 = 0; i < n; i++) store<u32>(load<u32>(a, 12) + (<usize>i << 2), elemAt(c, i));
  store<u32>(a, n, 4);
  if (typeOf(c) == T_ARR) sortRecords(load<u32>(a, 12), n, 4);
  return a;
}

function isTrue(v: usize): bool { return typeOf(v) == T_BOOL && boolOf(v); }

export function builtin_any(c: usize): usize {
  if (!needArrOrSet("any", 1, c)) return 0;
  const n = elemCount(c);
  for (let i: u32 = 0; i < n; i++) if (isTrue(elemAt(c, i))) return mkBool(true);
  return mkBool(false);
}

export function builtin_all(c: usize): usize {
  if (!needArrOrSet("all", 1, c)) return 0;
  const n = elemCount(c);
  for (let i: u32 = 0; i < n; i++) if (!isTrue(elemAt(c, i))) return mkBool(false);
  return mkBool(true);
}

function setAnd(a: usize, b: usize): usize {
  // Iterate the smaller set, probe the larger one.
  if (collLen(a) > collLen(b)) { const t = a; a = b; b = t; }
  const r = mkColl(T_SET, collLen(a));
  const n = collLen(a);
  for (let i: u32 = 0; i < n; i++) {
    const k = keyAt(a, i);
    if (collFind(b, k) >= 0) setAdd(r, k);
  }
  return r;
}

function setOr(a: usize, b: usize): usize {
  const r = mkColl(T_SET, collLen(a) + collLen(b));
  let n = collLen(a);
  for (let i: u32 = 0; i < n; i++) setAdd(r, keyAt(a, i));
  n = collLen(b);
  for (let i: u32 = 0; i < n; i++) setAdd(r, keyAt(b, i));
  return r;
}

export function builtin_and(a: usize, b: usize): usize { return isSet(a) && isSet(b) ? setAnd(a, b) : 0; }
export function builtin_or(a: usize, b: usize): usize { return isSet(a) && isSet(b) ? setOr(a, b) : 0; }

export function builtin_intersection(s: usize): usize {
  if (!needSet("intersection", 1, s)) return 0;
  const n = collLen(s);
  if (n == 0) return mkColl(T_SET, 2);
  let r = keyAt(s, 0);
  if (!isSet(r)) return elemTypeErr("intersection", 1, "set", "sets", r);
  for (let i: u32 = 1; i < n; i++) {
    const x = keyAt(s, i);
    if (!isSet(x)) return elemTypeErr("intersection", 1, "set", "sets", x);
    r = setAnd(r, x);
  }
  return r;
}

export function builtin_union(s: usize): usize {
  if (!needSet("union", 1, s)) return 0;
  const n = collLen(s);
  const r = mkColl(T_SET, 4);
  for (let i: u32 = 0; i < n; i++) {
    const x = keyAt(s, i);
    if (!isSet(x)) return elemTypeErr("union", 1, "set", "sets", x);
    const m = collLen(x);
    for (let j: u32 = 0; j < m; j++) setAdd(r, keyAt(x, j));
  }
  return r;
}

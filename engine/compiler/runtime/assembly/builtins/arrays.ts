// array.* built-ins.

import { T_ARR, typeOf, mkArr, arrPush, arrLen, arrAt, numAsInt, gotInt } from "../value";
import { isArr, isNum } from "./util";
import { needNum, needStr, needArr, needObj, needSet, needArrOrSet, typeErr, elemTypeErr, builtinErr } from "./util";

export function builtin_array_concat(a: usize, b: usize): usize {
  if (!needArr("array.concat", 1, a) || !needArr("array.concat", 2, b)) return 0;
  const na = arrLen(a), nb = arrLen(b);
  const r = mkArr(na + nb);
  for (let i: u32 = 0; i < na; i++) arrPush(r, arrAt(a, i));
  for (let i: u32 = 0; i < nb; i++) arrPush(r, arrAt(b, i));
  return r;
}

export function builtin_array_slice(a: usize, start: usize, stop: usize): usize {
  if (!needArr("array.slice", 1, a) || !needNum("array.slice", 2, start) || !needNum("array.slice", 3, stop)) return 0;
  if (!numAsInt(start)) return 0;
  let s = gotInt;
  if (!numAsInt(stop)) return 0;
  let e = gotInt;
  const n = <i64>arrLen(a);
  if (s < 0) s = 0;
  if (e > n) e = n;
  if (s >= e) return mkArr(1);
  const r = mkArr(<u32>(e - s));
  for (let i = s; i < e; i++) arrPush(r, arrAt(a, <u32>i));
  return r;
}

export function builtin_array_reverse(a: usize): usize {
  if (!needArr("array.reverse", 1, a)) return 0;
  const n = arrLen(a);
  const r = mkArr(n);
  for (let i = n; i > 0; i--) arrPush(r, arrAt(a, i - 1));
  return r;
}

/** One level only, as OPA: [[1], [2, [3]]] becomes [1, 2, [3]]. */
export function builtin_array_flatten(a: usize): usize {
  if (!needArr("array.flatten", 1, a)) return 0;
  const n = arrLen(a);
  const r = mkArr(n);
  for (let i: u32 = 0; i < n; i++) {
    const e = arrAt(a, i);
    if (typeOf(e) == T_ARR) {
      const m = arrLen(e);
      for (let j: u32 = 0; j < m; j++) arrPush(r, arrAt(e, j));
    } else arrPush(r, e);
  }
  return r;
}

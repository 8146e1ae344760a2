// Small helpers shared by the native built-ins.

import { T_NUM, T_STR, T_ARR, T_OBJ, T_SET, typeOf, collLen, keyAt, arrLen, arrAt, mkArr, arrPush } from "../value";
import { ensureSorted } from "../collections";

// @ts-ignore: decorator
@inline export function isT(v: usize, t: u8): bool { return v != 0 && typeOf(v) == t; }
// @ts-ignore: decorator
@inline export function isNum(v: usize): bool { return isT(v, T_NUM); }
// @ts-ignore: decorator
@inline export function isStr(v: usize): bool { return isT(v, T_STR); }
// @ts-ignore: decorator
@inline export function isArr(v: usize): bool { return isT(v, T_ARR); }
// @ts-ignore: decorator
@inline export function isObj(v: usize): bool { return isT(v, T_OBJ); }
// @ts-ignore: decorator
@inline export function isSet(v: usize): bool { return isT(v, T_SET); }

/** Elements of an array, or members of a set in sorted order; `elemCount` first. */
export function elemCount(c: usize): u32 {
  if (typeOf(c) == T_ARR) return arrLen(c);
  ensureSorted(c);
  return collLen(c);
}
export function elemAt(c: usize, i: u32): usize {
  return typeOf(c) == T_ARR ? arrAt(c, i) : keyAt(c, i);
}
export function isArrOrSet(v: usize): bool { return isArr(v) || isSet(v); }

/** Array holding the elements of an array or set (sets in sorted order). */
export function toArray(c: usize): usize {
  if (typeOf(c) == T_ARR) return c;
  const n = elemCount(c);
  const a = mkArr(n);
  for (let i: u32 = 0; i < n; i++) arrPush(a, elemAt(c, i));
  return a;
}

export { T_OBJ };

// `x in xs` and `k, v in xs` (internal.member_2 / internal.member_3): true or false. Sets and
// object keys use the hash index, so membership is O(1) instead of a scan.

import { T_ARR, T_OBJ, T_SET, typeOf, mkBool, arrLen, arrAt, collLen, valAt, isIntNum, gotInt } from "../value";
import { collFind, objGet } from "../collections";
import { equal } from "../compare";

export function builtin_internal_member_2(x: usize, c: usize): usize {
  if (x == 0 || c == 0) return 0;
  switch (typeOf(c)) {
    case T_SET: return mkBool(collFind(c, x) >= 0);
    case T_ARR: {
      const n = arrLen(c);
      for (let i: u32 = 0; i < n; i++) if (equal(arrAt(c, i), x)) return mkBool(true);
      return mkBool(false);
    }
    case T_OBJ: {
      const n = collLen(c);
      for (let i: u32 = 0; i < n; i++) if (equal(valAt(c, i), x)) return mkBool(true);
      return mkBool(false);
    }
    default: return mkBool(false);
  }
}

export function builtin_internal_member_3(k: usize, v: usize, c: usize): usize {
  if (k == 0 || v == 0 || c == 0) return 0;
  switch (typeOf(c)) {
    case T_OBJ: { const x = objGet(c, k); return mkBool(x != 0 && equal(x, v)); }
    case T_ARR: {
      if (!isIntNum(k)) return mkBool(false);
      const i = gotInt;
      return mkBool(i >= 0 && i < <i64>arrLen(c) && equal(arrAt(c, <u32>i), v));
    }
    case T_SET: return mkBool(equal(k, v) && collFind(c, v) >= 0);
    default: return mkBool(false);
  }
}

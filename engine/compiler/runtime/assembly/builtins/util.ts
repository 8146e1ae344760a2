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

import { msgBegin, msgAdd, msgAddDigit, msgAbort, strictErrors } from "../mem";

export function typeNameOf(v: usize): string {
  switch (typeOf(v)) {
    case 1: return "null";
    case 2: return "boolean";
    case 3: return "number";
    case 4: return "string";
    case 5: return "array";
    case 6: return "object";
    default: return "set";
  }
}

/**
 * OPA's runtime type error, e.g.
 * "eval_type_error: array.concat: operand 1 must be array but got object": an abort when strict
 * built-in errors are on, otherwise the call is undefined (OPA's default), so this returns 0.
 */
export function typeErr(name: string, operand: u32, expected: string, got: usize): usize {
  if (got == 0 || !strictErrors) return 0; // undefined operands stay undefined
  msgBegin();
  msgAdd("eval_type_error: "); msgAdd(name); msgAdd(": operand "); msgAddDigit(operand);
  msgAdd(" must be "); msgAdd(expected); msgAdd(" but got "); msgAdd(typeNameOf(got));
  msgAbort();
  return 0;
}

/** Like typeErr for "must be array of strings but got array containing number". */
export function elemTypeErr(name: string, operand: u32, container: string, expected: string, got: usize): usize {
  if (!strictErrors) return 0;
  msgBegin();
  msgAdd("eval_type_error: "); msgAdd(name); msgAdd(": operand "); msgAddDigit(operand);
  msgAdd(" must be "); msgAdd(container); msgAdd(" of "); msgAdd(expected); msgAdd(" but got ");
  msgAdd(container); msgAdd(" containing "); msgAdd(typeNameOf(got));
  msgAbort();
  return 0;
}

export function builtinErr(name: string, what: string): usize {
  if (!strictErrors) return 0;
  msgBegin();
  msgAdd("eval_builtin_error: "); msgAdd(name); msgAdd(": "); msgAdd(what);
  msgAbort();
  return 0;
}

// Operand checks: true when v has the type; false when v is undefined; aborts with OPA's type
// error otherwise.
export function needNum(name: string, i: u32, v: usize): bool { if (isNum(v)) return true; typeErr(name, i, "number", v); return false; }
export function needStr(name: string, i: u32, v: usize): bool { if (isStr(v)) return true; typeErr(name, i, "string", v); return false; }
export function needArr(name: string, i: u32, v: usize): bool { if (isArr(v)) return true; typeErr(name, i, "array", v); return false; }
export function needObj(name: string, i: u32, v: usize): bool { if (isObj(v)) return true; typeErr(name, i, "object", v); return false; }
export function needSet(name: string, i: u32, v: usize): bool { if (isSet(v)) return true; typeErr(name, i, "set", v); return false; }
export function needArrOrSet(name: string, i: u32, v: usize): bool { if (isArrOrSet(v)) return true; typeErr(name, i, "one of {array, set}", v); return false; }

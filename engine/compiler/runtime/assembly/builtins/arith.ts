// Arithmetic and comparison built-ins. Integers stay exact while they fit int64; otherwise the
// result is a double (OPA uses arbitrary precision; results beyond 2^63 lose digits here).

import {
  T_SET, N_INT, numKind, intOf, numF64, mkInt, mkFloat, mkBool, mkArr, arrPush, numAsInt, gotInt,
  mkColl, collLen, keyAt,
} from "../value";
import { compare, equal } from "../compare";
import { setAdd, collFind } from "../collections";
import { bigIntArith } from "../bigint";
import { isNum, isSet } from "./util";
import { needNum, needStr, needArr, needObj, needSet, needArrOrSet, typeErr, elemTypeErr, builtinErr } from "./util";

// @ts-ignore: decorator
@inline function bothInt(a: usize, b: usize): bool { return numKind(a) == N_INT && numKind(b) == N_INT; }

export function builtin_plus(a: usize, b: usize): usize {
  if (!needNum("plus", 1, a) || !needNum("plus", 2, b)) return 0;
  if (bothInt(a, b)) {
    const x = intOf(a), y = intOf(b), r = x + y;
    if (((x ^ r) & (y ^ r)) >= 0) return mkInt(r);
  }
  const big = bigIntArith(a, b, 0);
  if (big != 0) return big;
  return mkFloat(numF64(a) + numF64(b));
}

function setDiff(a: usize, b: usize): usize {
  const r = mkColl(T_SET, collLen(a));
  const n = collLen(a);
  for (let i: u32 = 0; i < n; i++) {
    const k = keyAt(a, i);
    if (collFind(b, k) < 0) setAdd(r, k);
  }
  return r;
}

export function builtin_minus(a: usize, b: usize): usize {
  if (isSet(a)) return needSet("minus", 2, b) ? setDiff(a, b) : 0;
  if (!isNum(a)) return typeErr("minus", 1, "one of {number, set}", a);
  if (!needNum("minus", 2, b)) return 0;
  if (bothInt(a, b)) {
    const x = intOf(a), y = intOf(b), r = x - y;
    if (((x ^ y) & (x ^ r)) >= 0) return mkInt(r);
  }
  const big = bigIntArith(a, b, 1);
  if (big != 0) return big;
  return mkFloat(numF64(a) - numF64(b));
}

export function builtin_mul(a: usize, b: usize): usize {
  if (!needNum("mul", 1, a) || !needNum("mul", 2, b)) return 0;
  if (bothInt(a, b)) {
    const x = intOf(a), y = intOf(b);
    const f = <f64>x * <f64>y;
    if (Math.abs(f) < 4.0e18) return mkInt(x * y);
  }
  const big = bigIntArith(a, b, 2);
  if (big != 0) return big;
  return mkFloat(numF64(a) * numF64(b));
}

export function builtin_div(a: usize, b: usize): usize {
  if (!needNum("div", 1, a) || !needNum("div", 2, b)) return 0;
  const fb = numF64(b);
  if (fb == 0) return builtinErr("div", "divide by zero");
  if (bothInt(a, b)) {
    const x = intOf(a), y = intOf(b);
    if (y != -1 && x % y == 0) return mkInt(x / y);
  }
  return mkFloat(numF64(a) / fb);
}

export function builtin_rem(a: usize, b: usize): usize {
  if (!needNum("rem", 1, a) || !needNum("rem", 2, b)) return 0;
  if (!numAsInt(a)) return builtinErr("rem", "modulo on floating-point number");
  const x = gotInt;
  if (!numAsInt(b)) return builtinErr("rem", "modulo on floating-point number");
  const y = gotInt;
  if (y == 0) return builtinErr("rem", "modulo by zero");
  if (y == -1) return mkInt(0);
  return mkInt(x % y);
}

export function builtin_abs(a: usize): usize {
  if (!needNum("abs", 1, a)) return 0;
  if (numKind(a) == N_INT && intOf(a) != i64.MIN_VALUE) {
    const x = intOf(a);
    return x < 0 ? mkInt(-x) : a;
  }
  return mkFloat(Math.abs(numF64(a)));
}

export function builtin_round(a: usize): usize {
  if (!needNum("round", 1, a)) return 0;
  if (numKind(a) == N_INT) return a;
  const f = numF64(a);
  // Half away from zero, like Go's math.Round (OPA's round).
  const r = f < 0 ? -Math.floor(-f + 0.5) : Math.floor(f + 0.5);
  return mkFloat(r);
}

export function builtin_ceil(a: usize): usize {
  if (!needNum("ceil", 1, a)) return 0;
  return numKind(a) == N_INT ? a : mkFloat(Math.ceil(numF64(a)));
}

export function builtin_floor(a: usize): usize {
  if (!needNum("floor", 1, a)) return 0;
  return numKind(a) == N_INT ? a : mkFloat(Math.floor(numF64(a)));
}

export function builtin_numbers_range(a: usize, b: usize): usize {
  if (!needNum("numbers.range", 1, a) || !needNum("numbers.range", 2, b)) return 0;
  if (!numAsInt(a)) return builtinErr("numbers.range", "operand 1 must be integer number but got floating-point number");
  const x = gotInt;
  if (!numAsInt(b)) return builtinErr("numbers.range", "operand 2 must be integer number but got floating-point number");
  const y = gotInt;
  const n = x <= y ? y - x + 1 : x - y + 1;
  if (n > 100000000) return builtinErr("numbers.range", "range too large");
  const r = mkArr(<u32>n);
  if (x <= y) for (let i = x; i <= y; i++) arrPush(r, mkInt(i));
  else for (let i = x; i >= y; i--) arrPush(r, mkInt(i));
  return r;
}

export function builtin_numbers_range_step(a: usize, b: usize, s: usize): usize {
  if (!needNum("numbers.range_step", 1, a) || !needNum("numbers.range_step", 2, b) || !needNum("numbers.range_step", 3, s)) return 0;
  if (!numAsInt(a)) return 0;
  const x = gotInt;
  if (!numAsInt(b)) return 0;
  const y = gotInt;
  if (!numAsInt(s)) return 0;
  const st = gotInt;
  if (st <= 0) return builtinErr("numbers.range_step", "step must be a positive number above zero");
  const r = mkArr(4);
  if (x <= y) for (let i = x; i <= y; i += st) arrPush(r, mkInt(i));
  else for (let i = x; i >= y; i -= st) arrPush(r, mkInt(i));
  return r;
}

export function builtin_equal(a: usize, b: usize): usize { return a == 0 || b == 0 ? 0 : mkBool(equal(a, b)); }
export function builtin_neq(a: usize, b: usize): usize { return a == 0 || b == 0 ? 0 : mkBool(!equal(a, b)); }
export function builtin_lt(a: usize, b: usize): usize { return a == 0 || b == 0 ? 0 : mkBool(compare(a, b) < 0); }
export function builtin_lte(a: usize, b: usize): usize { return a == 0 || b == 0 ? 0 : mkBool(compare(a, b) <= 0); }
export function builtin_gt(a: usize, b: usize): usize { return a == 0 || b == 0 ? 0 : mkBool(compare(a, b) > 0); }
export function builtin_gte(a: usize, b: usize): usize { return a == 0 || b == 0 ? 0 : mkBool(compare(a, b) >= 0); }

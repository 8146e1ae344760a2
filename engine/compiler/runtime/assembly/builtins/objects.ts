// object.* built-ins and walk.

import {
  T_OBJ, T_SET, T_ARR, typeOf, mkColl, collLen, keyAt, valAt, entryAt, mkArr, arrPush, arrLen,
  arrAt, numAsInt, gotInt, mkBool, mkInt, T_NUM,
} from "../value";
import { objPut, objGet, setAdd, collFind, collCopy, ensureSorted } from "../collections";
import { equal } from "../compare";
import { isObj, isArr, isSet } from "./util";
import { needNum, needStr, needArr, needObj, needSet, needArrOrSet, typeErr, elemTypeErr, builtinErr } from "./util";

/** Child of v at key for object.get paths: object key, array index, set member. */
function child(v: usize, k: usize): usize {
  switch (typeOf(v)) {
    case T_OBJ: return objGet(v, k);
    case T_ARR: {
      if (typeOf(k) != T_NUM || !numAsInt(k)) return 0;
      const i = gotInt;
      return i >= 0 && i < <i64>arrLen(v) ? arrAt(v, <u32>i) : 0;
    }
    case T_SET: { const i = collFind(v, k); return i < 0 ? 0 : keyAt(v, <u32>i); }
    default: return 0;
  }
}

export function builtin_object_get(o: usize, key: usize, dflt: usize): usize {
  if (!needObj("object.get", 1, o) || key == 0 || dflt == 0) return 0;
  if (isArr(key)) {
    let cur = o;
    const n = arrLen(key);
    for (let i: u32 = 0; i < n && cur != 0; i++) cur = child(cur, arrAt(key, i));
    return cur != 0 ? cur : dflt;
  }
  const v = objGet(o, key);
  return v != 0 ? v : dflt;
}

export function builtin_object_keys(o: usize): usize {
  if (!needObj("object.keys", 1, o)) return 0;
  const n = collLen(o);
  const r = mkColl(T_SET, n);
  for (let i: u32 = 0; i < n; i++) setAdd(r, keyAt(o, i));
  return r;
}

/** Set of the keys named by an array, set or object (object.remove / object.filter operand). */
function keySet(name: string, k: usize): usize {
  if (isSet(k)) return k;
  if (isObj(k)) return builtin_object_keys(k);
  if (!isArr(k)) return typeErr(name, 2, "one of {object, set, array}", k);
  const n = arrLen(k);
  const r = mkColl(T_SET, n);
  for (let i: u32 = 0; i < n; i++) setAdd(r, arrAt(k, i));
  return r;
}

export function builtin_object_remove(o: usize, keys: usize): usize {
  if (!needObj("object.remove", 1, o)) return 0;
  const ks = keySet("object.remove", keys);
  if (ks == 0) return 0;
  const n = collLen(o);
  const r = mkColl(T_OBJ, n);
  for (let i: u32 = 0; i < n; i++) {
    const k = keyAt(o, i);
    if (collFind(ks, k) < 0) objPut(r, k, valAt(o, i));
  }
  return r;
}

export function builtin_object_filter(o: usize, keys: usize): usize {
  if (!needObj("object.filter", 1, o)) return 0;
  const ks = keySet("object.filter", keys);
  if (ks == 0) return 0;
  const n = collLen(o);
  const r = mkColl(T_OBJ, 4);
  for (let i: u32 = 0; i < n; i++) {
    const k = keyAt(o, i);
    if (collFind(ks, k) >= 0) objPut(r, k, valAt(o, i));
  }
  return r;
}

/** Recursive merge, b wins on conflicts except where both sides are objects (OPA object.union). */
function unionObj(a: usize, b: usize): usize {
  const r = collCopy(a);
  const n = collLen(b);
  for (let i: u32 = 0; i < n; i++) {
    const k = keyAt(b, i), vb = valAt(b, i);
    const j = collFind(r, k);
    if (j >= 0) {
      const va = load<u32>(entryAt(r, <u32>j), 4);
      store<u32>(entryAt(r, <u32>j), isObj(va) && isObj(vb) ? unionObj(va, vb) : vb, 4);
    } else objPut(r, k, vb);
  }
  return r;
}

export function builtin_object_union(a: usize, b: usize): usize {
  if (!needObj("object.union", 1, a) || !needObj("object.union", 2, b)) return 0;
  return unionObj(a, b);
}

export function builtin_object_union_n(objs: usize): usize {
  if (!needArr("object.union_n", 1, objs)) return 0;
  let r = mkColl(T_OBJ, 4);
  const n = arrLen(objs);
  for (let i: u32 = 0; i < n; i++) {
    const o = arrAt(objs, i);
    if (!isObj(o)) return elemTypeErr("object.union_n", 1, "array", "objects", o);
    r = unionObj(r, o);
  }
  return r;
}

/** sub appears in sup as a contiguous run (OPA's array subset). */
function arraySubset(sup: usize, sub: usize): bool {
  const n = arrLen(sup), m = arrLen(sub);
  if (m == 0) return true;
  for (let s: u32 = 0; s + m <= n; s++) {
    let ok = true;
    for (let j: u32 = 0; j < m; j++) if (!equal(arrAt(sup, s + j), arrAt(sub, j))) { ok = false; break; }
    if (ok) return true;
  }
  return false;
}

function setSubset(sup: usize, sub: usize): bool {
  const m = collLen(sub);
  for (let i: u32 = 0; i < m; i++) if (collFind(sup, keyAt(sub, i)) < 0) return false;
  return true;
}

function objSubset(sup: usize, sub: usize): bool {
  const m = collLen(sub);
  for (let i: u32 = 0; i < m; i++) {
    const sv = objGet(sup, keyAt(sub, i));
    if (sv == 0 || !subset(sv, valAt(sub, i))) return false;
  }
  return true;
}

function subset(sup: usize, sub: usize): bool {
  const ts = typeOf(sup), tb = typeOf(sub);
  if (ts == T_OBJ && tb == T_OBJ) return objSubset(sup, sub);
  if (ts == T_SET && tb == T_SET) return setSubset(sup, sub);
  if (ts == T_ARR && tb == T_ARR) return arraySubset(sup, sub);
  return equal(sup, sub);
}

export function builtin_object_subset(sup: usize, sub: usize): usize {
  if (sup == 0 || sub == 0) return 0;
  const ts = typeOf(sup), tb = typeOf(sub);
  if (ts == T_ARR && tb == T_SET) {
    // Every member of the set occurs somewhere in the array.
    const m = collLen(sub), n = arrLen(sup);
    for (let i: u32 = 0; i < m; i++) {
      let found = false;
      for (let j: u32 = 0; j < n && !found; j++) found = equal(arrAt(sup, j), keyAt(sub, i));
      if (!found) return mkBool(false);
    }
    return mkBool(true);
  }
  if (ts != tb || (ts != T_OBJ && ts != T_SET && ts != T_ARR)) return 0;
  return mkBool(subset(sup, sub));
}

function walkInto(out: usize, path: usize, v: usize): void {
  const pair = mkArr(2);
  arrPush(pair, path);
  arrPush(pair, v);
  arrPush(out, pair);
  const t = typeOf(v);
  if (t != T_ARR && t != T_OBJ && t != T_SET) return;
  if (t != T_ARR) ensureSorted(v);
  const n = t == T_ARR ? arrLen(v) : collLen(v);
  const pl = arrLen(path);
  for (let i: u32 = 0; i < n; i++) {
    const p = mkArr(pl + 1);
    for (let j: u32 = 0; j < pl; j++) arrPush(p, arrAt(path, j));
    let k: usize, c: usize;
    if (t == T_ARR) { k = 0; c = arrAt(v, i); }
    else if (t == T_OBJ) { k = keyAt(v, i); c = valAt(v, i); }
    else { k = keyAt(v, i); c = k; }
    if (t == T_ARR) {
      arrPush(p, mkInt(<i64>i)); // array paths use number keys
    } else arrPush(p, k);
    walkInto(out, p, c);
  }
}


/** walk(x) as an array of [path, value] pairs in pre-order; the planner scans it. */
export function builtin_walk(x: usize): usize {
  if (x == 0) return 0;
  const out = mkArr(16);
  walkInto(out, mkArr(1), x);
  return out;
}


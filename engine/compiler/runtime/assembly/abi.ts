// OPA Wasm ABI exports used by the SDK, the evaluation context, and the value API the generated
// policy code calls (see ../API.md for the contract).

import {
  T_NUM, T_STR, T_ARR, T_OBJ, T_SET, typeOf, mkNull, mkBool, mkInt, mkStr, mkArr, arrPush, arrLen,
  arrAt, mkColl, collLen, keyAt, valAt, entryAt, strLen, strPtr, isIntNum, gotInt,
} from "./value";
import { objPut, objPutOnce, setAdd, objGet, collFind, ensureSorted, collCopy } from "./collections";
import { compare, equal } from "./compare";
import { parseJSON, parseValueText, dumpJSON, dumpValue } from "./json";
import { scanNumber, numberFromText } from "./numtext";
import { alloc, heapGet, heapSet, abortWith, setStrictErrors, msgBegin, msgAdd, msgAddBytes, msgAbort } from "./mem";
import { utf8Count } from "./utf8";

@external("policy", "eval") declare function policy_eval(ctx: usize): void;
@external("policy", "builtins") declare function policy_builtins(): usize;
@external("policy", "entrypoints") declare function policy_entrypoints(): usize;

export const opa_wasm_abi_version: i32 = 1;
export const opa_wasm_abi_minor_version: i32 = 3;

// --- memory -------------------------------------------------------------------------------

export function opa_malloc(size: usize): usize { return alloc(size); }
/** The heap is reclaimed wholesale by opa_heap_ptr_set; individual frees are no-ops. */
export function opa_free(ptr: usize): void {}
export function opa_heap_ptr_get(): usize { return heapGet(); }
export function opa_heap_ptr_set(p: usize): void { heapSet(p); }

// --- JSON ---------------------------------------------------------------------------------

export function opa_json_parse(p: usize, len: usize): usize { return parseJSON(p, <u32>len); }
export function opa_value_parse(p: usize, len: usize): usize { return parseValueText(p, <u32>len); }
export function opa_json_dump(v: usize): usize { return dumpJSON(v); }
export function opa_value_dump(v: usize): usize { return dumpValue(v); }

// --- evaluation context: [0] input [4] data [8] entrypoint [12] result ---------------------

export function opa_eval_ctx_new(): usize {
  const c = alloc(16);
  memory.fill(c, 0, 16);
  return c;
}
export function opa_eval_ctx_set_input(ctx: usize, v: usize): void { store<u32>(ctx, v, 0); }
export function opa_eval_ctx_set_data(ctx: usize, v: usize): void { store<u32>(ctx, v, 4); }
export function opa_eval_ctx_set_entrypoint(ctx: usize, e: i32): void { store<i32>(ctx, e, 8); }
export function opa_eval_ctx_get_result(ctx: usize): usize { return load<u32>(ctx, 12); }
export function rt_ctx_input(ctx: usize): usize { return load<u32>(ctx, 0); }
export function rt_ctx_data(ctx: usize): usize { return load<u32>(ctx, 4); }
export function rt_ctx_entrypoint(ctx: usize): i32 { return load<i32>(ctx, 8); }
export function rt_ctx_set_result(ctx: usize, v: usize): void { store<u32>(ctx, v, 12); }

export function abi_eval(ctx: usize): i32 {
  policy_eval(ctx);
  return 0;
}
export function builtins(): usize { return policy_builtins(); }
export function entrypoints(): usize { return policy_entrypoints(); }

/**
 * ABI 1.2 fast path: one call per evaluation. The input JSON is already in memory at `input`
 * (below heapPtr); the result set is returned as NUL-terminated text (format 0 JSON, 1 Rego).
 */
export function opa_eval(reserved: usize, entrypoint: i32, data: usize, input: usize, inputLen: usize, heapPtr: usize, format: i32): usize {
  heapSet(heapPtr);
  let inp: usize = 0;
  if (inputLen > 0) {
    inp = parseJSON(input, <u32>inputLen);
    if (inp == 0) abortWith("internal_error: failed to parse input JSON");
  }
  const ctx = opa_eval_ctx_new();
  store<u32>(ctx, inp, 0);
  store<u32>(ctx, data, 4);
  store<i32>(ctx, entrypoint, 8);
  policy_eval(ctx);
  const r = load<u32>(ctx, 12);
  const res = r != 0 ? r : mkColl(T_SET, 2);
  return format == 1 ? dumpValue(res) : dumpJSON(res);
}

// --- value construction and access --------------------------------------------------------

export function opa_null(): usize { return mkNull(); }
export function opa_boolean(b: i32): usize { return mkBool(b != 0); }
export function opa_number_int(n: i64): usize { return mkInt(n); }
export function opa_number_ref(p: usize, len: usize): usize {
  const n = scanNumber(p, <u32>len);
  if (n == 0 || n != <u32>len) return 0;
  return numberFromText(p, n);
}
export function opa_string(p: usize, len: usize): usize { return mkStr(p, <u32>len); }
export function opa_array_with_cap(cap: u32): usize { return mkArr(cap); }
export function opa_object(): usize { return mkColl(T_OBJ, 4); }
export function opa_set(): usize { return mkColl(T_SET, 4); }
export function opa_array_append(a: usize, v: usize): void { arrPush(a, v); }
export function opa_object_insert(o: usize, k: usize, v: usize): void { objPut(o, k, v); }
export function rt_object_insert_once(o: usize, k: usize, v: usize): i32 { return objPutOnce(o, k, v); }
export function opa_set_add(s: usize, v: usize): void { setAdd(s, v); }

export function opa_value_type(v: usize): i32 { return v == 0 ? 0 : <i32>typeOf(v); }

export function opa_value_get(v: usize, key: usize): usize {
  if (v == 0 || key == 0) return 0;
  switch (typeOf(v)) {
    case T_ARR: {
      if (!isIntNum(key)) return 0;
      const i = gotInt;
      if (i < 0 || i >= <i64>arrLen(v)) return 0;
      return arrAt(v, <u32>i);
    }
    case T_OBJ: return objGet(v, key);
    case T_SET: {
      const i = collFind(v, key);
      return i < 0 ? 0 : keyAt(v, <u32>i);
    }
    default: return 0;
  }
}

export function rt_len(v: usize): usize {
  if (v == 0) return 0;
  switch (typeOf(v)) {
    case T_STR: return mkInt(<i64>utf8Count(strPtr(v), strLen(v)));
    case T_ARR: return mkInt(<i64>arrLen(v));
    case T_OBJ: case T_SET: return mkInt(<i64>collLen(v));
    default: return 0;
  }
}

// Iteration cursor cache: the common loop passes back the key we returned last, so remember
// where it was and skip the hash lookup.
let iterColl: usize = 0;
let iterIdx: u32 = 0;

export function opa_value_iter(v: usize, prev: usize): usize {
  if (v == 0) return 0;
  const t = typeOf(v);
  if (t == T_ARR) {
    let next: i64 = 0;
    if (prev != 0) {
      if (!isIntNum(prev)) return 0;
      next = gotInt + 1;
    }
    return next >= 0 && next < <i64>arrLen(v) ? mkInt(next) : 0;
  }
  if (t != T_OBJ && t != T_SET) return 0;
  ensureSorted(v);
  const n = collLen(v);
  let i: u32 = 0;
  if (prev != 0) {
    if (iterColl == v && iterIdx < n && keyAt(v, iterIdx) == prev) i = iterIdx + 1;
    else {
      const j = collFind(v, prev);
      if (j < 0) return 0;
      i = <u32>j + 1;
    }
  }
  if (i >= n) return 0;
  iterColl = v;
  iterIdx = i;
  return keyAt(v, i);
}

export function opa_value_compare(a: usize, b: usize): i32 { return compare(a, b); }
export function rt_equal(a: usize, b: usize): i32 { return equal(a, b) ? 1 : 0; }

/** Deep merge; a wins on conflicting leaves. */
export function rt_object_merge(a: usize, b: usize): usize {
  if (a == 0 || b == 0 || typeOf(a) != T_OBJ || typeOf(b) != T_OBJ) return 0;
  const r = collCopy(a);
  const n = collLen(b);
  for (let i: u32 = 0; i < n; i++) {
    const k = keyAt(b, i), vb = valAt(b, i);
    const j = collFind(r, k);
    if (j < 0) { objPut(r, k, vb); continue; }
    const va = load<u32>(entryAt(r, <u32>j), 4);
    if (typeOf(va) == T_OBJ && typeOf(vb) == T_OBJ) store<u32>(entryAt(r, <u32>j), rt_object_merge(va, vb), 4);
  }
  return r;
}

function upsertAt(base: usize, path: usize, i: u32, v: usize): usize {
  if (i >= arrLen(path)) return v;
  const o = base != 0 && typeOf(base) == T_OBJ ? collCopy(base) : mkColl(T_OBJ, 4);
  const k = arrAt(path, i);
  const child = objGet(o, k);
  objPut(o, k, upsertAt(child, path, i + 1, v));
  return o;
}

/** Copy of base with the value at path replaced by v, creating objects along the path. */
export function rt_upsert(base: usize, path: usize, v: usize): usize {
  if (path == 0 || typeOf(path) != T_ARR) return 0;
  return upsertAt(base, path, 0, v);
}

/**
 * A conflict inside one rule (or function) body, with OPA's message naming it: kind 0
 * "rule <name> produced conflicting values", kind 1 "function <name> produced conflicting values for
 * the same inputs". `name` is the rule's path text, e.g. "data.test.p". Never returns.
 */
export function rt_abort_conflict_named(kind: i32, name: usize, len: usize): void {
  msgBegin();
  msgAdd(kind == 1 ? "eval_conflict_error: function " : "eval_conflict_error: rule ");
  msgAddBytes(name, <u32>len);
  msgAdd(kind == 1 ? " produced conflicting values for the same inputs" : " produced conflicting values");
  msgAbort();
}

export function rt_abort_conflict(kind: i32): void {
  if (kind == 0) abortWith("eval_conflict_error: complete rules must not produce multiple outputs");
  else if (kind == 1) abortWith("eval_conflict_error: functions must not produce multiple outputs for same inputs");
  else abortWith("eval_conflict_error: object keys must be unique");
}

/** 1: native built-ins abort with OPA's error on failure (strict-builtin-errors); 0: undefined (default). */
export function rt_set_strict_builtin_errors(on: i32): void { setStrictErrors(on != 0); }

/** End of the runtime's own static data (AssemblyScript's __heap_base); for tests and the linker. */
export function rt_static_end(): usize { return __heap_base; }

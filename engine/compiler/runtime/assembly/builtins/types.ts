// Type predicates and type_name.

import { T_NULL, T_BOOL, T_NUM, T_STR, T_ARR, T_OBJ, T_SET, typeOf, mkBool, mkStrLit } from "../value";

function isType(v: usize, t: u8): usize { return v == 0 ? 0 : mkBool(typeOf(v) == t); }

export function builtin_is_null(v: usize): usize { return isType(v, T_NULL); }
export function builtin_is_boolean(v: usize): usize { return isType(v, T_BOOL); }
export function builtin_is_number(v: usize): usize { return isType(v, T_NUM); }
export function builtin_is_string(v: usize): usize { return isType(v, T_STR); }
export function builtin_is_array(v: usize): usize { return isType(v, T_ARR); }
export function builtin_is_object(v: usize): usize { return isType(v, T_OBJ); }
export function builtin_is_set(v: usize): usize { return isType(v, T_SET); }

export function builtin_type_name(v: usize): usize {
  if (v == 0) return 0;
  switch (typeOf(v)) {
    case T_NULL: return mkStrLit("null");
    case T_BOOL: return mkStrLit("boolean");
    case T_NUM: return mkStrLit("number");
    case T_STR: return mkStrLit("string");
    case T_ARR: return mkStrLit("array");
    case T_OBJ: return mkStrLit("object");
    default: return mkStrLit("set");
  }
}

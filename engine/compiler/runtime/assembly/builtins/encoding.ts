// json.marshal / json.unmarshal / json.is_valid on the runtime's own JSON codec.

import { mkStr, mkBool, strPtr, strLen } from "../value";
import { dumpJSON, dumpLen, parseJSON } from "../json";
import { needStr, builtinErr } from "./util";

export function builtin_json_marshal(x: usize): usize {
  if (x == 0) return 0;
  const p = dumpJSON(x);
  return mkStr(p, dumpLen);
}

export function builtin_json_unmarshal(s: usize): usize {
  if (!needStr("json.unmarshal", 1, s)) return 0;
  const v = parseJSON(strPtr(s), strLen(s));
  if (v == 0) return builtinErr("json.unmarshal", "invalid JSON");
  return v;
}

export function builtin_json_is_valid(s: usize): usize {
  if (s == 0) return 0;
  if (load<u8>(s) != 4) return mkBool(false);
  return mkBool(parseJSON(strPtr(s), strLen(s)) != 0);
}

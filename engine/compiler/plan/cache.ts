// The per-evaluation cache of rule values, built in the IR itself so that every backend gets it.

import type * as ir from "../ir/ir.js";
import type { FuncBuilder } from "./builder.js";
import type { Local, Operand } from "./util.js";

/** Local (and parameter) index of the rule-value cache: after input (0) and data (1). */
export const CACHE = 2;

/**
 * Wraps the blocks of a rule's function with a per-evaluation cache: the plan creates an object
 * (local CACHE) passed to every function; a rule's value is stored under the function's name as
 * [value] (or [] when undefined) and returned from there on later calls. Values are never
 * mutated once returned, so sharing them is safe. `with` scopes pass a fresh cache object.
 */
export function withCache(p: { str(s: string): Operand }, fb: FuncBuilder, name: string, ret: Local, body: ir.Block[]): ir.Block[] {
  const key = p.str(name);
  const cache: Operand = { kind: "local", local: CACHE };
  const entry = fb.newLocal();
  const zero = fb.newLocal();
  const lookup = fb.block(() => {
    fb.emit({ op: "ResetLocal", target: ret });
    fb.emit({ op: "Dot", source: cache, key, target: entry });
    fb.emit({ op: "MakeNumberInt", value: 0, target: zero });
    fb.group(() => fb.emit({ op: "Dot", source: { kind: "local", local: entry }, key: { kind: "local", local: zero }, target: ret }));
    fb.emit({ op: "ReturnLocal", source: ret });
  });
  const store = fb.block(() => {
    fb.emit({ op: "MakeArray", capacity: 1, target: entry });
    fb.group(() => {
      fb.emit({ op: "IsDefined", source: ret });
      fb.emit({ op: "ArrayAppend", value: { kind: "local", local: ret }, array: entry });
    });
    fb.emit({ op: "ObjectInsert", key, value: { kind: "local", local: entry }, object: CACHE });
    fb.emit({ op: "ReturnLocal", source: ret });
  });
  return [lookup, ...body, store];
}


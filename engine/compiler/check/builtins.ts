// The checker's table of built-in functions: names, arities and (where known) declared argument
// types. Names and arities come from the code generator's table (engine/compiler/builtins/
// signatures.ts, which lists every OPA built-in and operator), so that the checker accepts exactly
// what the back end knows. Declared types come from @open-policy-agent/opa-wasm's
// capabilities.json (the built-ins OPA itself compiles to Wasm), read once at first use; without
// that file the checker still knows every name and arity, only not the types.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { builtinSignatures } from "../builtins/signatures.js";

/** A declared type as in OPA's capabilities JSON (`decl`). */
export interface DeclType {
  type: "any" | "null" | "boolean" | "number" | "string" | "array" | "set" | "object" | "function";
  of?: DeclType | DeclType[];
  static?: unknown;
  dynamic?: unknown;
}

export interface BuiltinInfo {
  name: string;
  /** Number of inputs; -1 for variadic built-ins such as `print`. */
  arity: number;
  args?: DeclType[];
  result?: DeclType;
}

let table: Map<string, BuiltinInfo> | null = null;

function loadCapabilities(): Array<{ name: string; decl: { args?: DeclType[]; result?: DeclType; variadic?: unknown } }> {
  try {
    const require = createRequire(import.meta.url);
    const main = require.resolve("@open-policy-agent/opa-wasm");
    // The package's exports hide capabilities.json from require(); it sits at the package root.
    const file = join(dirname(main), "..", "capabilities.json");
    const json = JSON.parse(readFileSync(file, "utf8")) as { builtins?: unknown };
    return Array.isArray(json.builtins) ? (json.builtins as never) : [];
  } catch {
    return [];
  }
}

export function builtinTable(): Map<string, BuiltinInfo> {
  if (table) return table;
  const t = new Map<string, BuiltinInfo>();
  for (const sig of builtinSignatures.values()) t.set(sig.name, { name: sig.name, arity: sig.variadic ? -1 : sig.arity });
  for (const b of loadCapabilities()) {
    const args = b.decl.args ?? [];
    const arity = b.decl.variadic ? -1 : args.length;
    const known = t.get(b.name);
    // Declared types only where both tables agree on the arity (they describe the same function).
    if (known && known.arity !== arity) continue;
    t.set(b.name, { name: b.name, arity, args, ...(b.decl.result ? { result: b.decl.result } : {}) });
  }
  table = t;
  return t;
}

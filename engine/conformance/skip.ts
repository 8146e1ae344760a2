// The one legitimate reason besides the query form to skip a case: it calls a built-in that OPA's
// own Wasm target does not offer (see engine/compiler/builtins/signatures.ts).

import { builtinSignatures } from "../compiler/builtins/signatures.js";

const unavailable = [...builtinSignatures.values()].filter((s) => !s.wasm).map((s) => s.name);
const escape = (n: string) => n.replace(/\./g, "\\.");
// A dotted name counts wherever it is referenced (a call, or a `with … as opa.runtime` value); a
// plain one (trace) only when called, since it may also be an ordinary variable name.
const dotted = unavailable.filter((n) => n.includes(".")).map(escape);
const plain = unavailable.filter((n) => !n.includes(".")).map(escape);
const callRe = new RegExp(`(?<![\\w.])(?:(${dotted.join("|")})(?![\\w.])|(${plain.join("|")})\\s*\\()`);

/** The first built-in the modules call that OPA's Wasm target lacks, or null. */
export function unavailableBuiltin(modules: string[]): string | null {
  for (const m of modules) {
    // Comments may mention anything; only code counts.
    const code = m.replace(/#[^\n]*/g, "");
    const hit = callRe.exec(code);
    if (hit) return (hit[1] ?? hit[2]) as string;
  }
  return null;
}

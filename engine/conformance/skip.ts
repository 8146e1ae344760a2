// The one legitimate reason besides the query form to skip a case: it calls a built-in that OPA's
// own Wasm target does not offer (see engine/compiler/builtins/signatures.ts).

import { builtinSignatures } from "../compiler/builtins/signatures.js";

const unavailable = [...builtinSignatures.values()].filter((s) => !s.wasm).map((s) => s.name);
const callRe = new RegExp(`(?<![\\w.])(${unavailable.map((n) => n.replace(/\./g, "\\.")).join("|")})\\s*\\(`);

/** The first built-in the modules call that OPA's Wasm target lacks, or null. */
export function unavailableBuiltin(modules: string[]): string | null {
  for (const m of modules) {
    // Comments may mention anything; only code counts.
    const code = m.replace(/#[^\n]*/g, "");
    const hit = callRe.exec(code);
    if (hit) return hit[1] as string;
  }
  return null;
}

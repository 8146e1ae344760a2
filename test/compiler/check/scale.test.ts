// The checker stays fast on a large generated policy (no quadratic blow-ups per body or rule).

import { expect, it } from "vitest";
import { check } from "../../../engine/compiler/check/index.js";
import { parseModule } from "../../../engine/compiler/syntax/index.js";

function bigPolicy(rules: number): string {
  const lines = ["package big", "import rego.v1", ""];
  for (let i = 0; i < rules; i++) {
    lines.push(
      `r${i} contains msg if {`,
      `  some item in input.items`,
      `  count(item.tags) > ${i % 7}`,
      `  names := [n | some t in item.tags; n := lower(t.name); startswith(n, "x${i}")]`,
      `  every n in names { n != "" }`,
      `  msg := sprintf("%s has %d tags", [item.name, count(names)])`,
      `  ${i > 0 ? `not r${i - 1}[msg]` : "true"}`,
      `}`,
      `f${i}(x) := y if { y := x + ${i} }`,
      `v${i} := f${i}(${i}) + count(r${i})`,
      "",
    );
  }
  return lines.join("\n");
}

function bestTime(src: string, runs: number): number {
  const parsed = parseModule("big.rego", src);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("; "));
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = check([parsed.value]);
    best = Math.min(best, performance.now() - t0);
    expect(r.ok ? [] : r.errors.slice(0, 3)).toEqual([]);
  }
  return best;
}

it("checks large policies in time linear in their size", () => {
  bestTime(bigPolicy(20), 1); // warm-up: built-in table, JIT
  const small = bestTime(bigPolicy(100), 3);
  const large = bestTime(bigPolicy(300), 3);
  console.log(`300 rules: ${small.toFixed(0)} ms; 900 rules: ${large.toFixed(0)} ms`);
  // Three times the rules: about three times the time (nine times would be quadratic).
  expect(large / small).toBeLessThan(6);
});

// Parse speed on a large generated module (about 1.1 MB, 9 000 rules, 3 000 METADATA blocks).
// Prints the rate; the bound is loose because the machine is shared, and only catches a parser
// gone quadratic.

import { expect, test } from "vitest";
import { parseModule } from "../../../engine/compiler/syntax/index.js";

function bigModule(rules: number): string {
  const parts = ["package big\n\nimport rego.v1\n"];
  for (let i = 0; i < rules; i++) {
    parts.push(`
# METADATA
# title: allow ${i}
allow_${i} if {
  some x in input.items
  x.kind == "k${i}"
  count([y | some y in x.tags; startswith(y, "t")]) > ${i % 7}
  not deny_${i}[x.id]
  obj := {"a": x.a, "b": [1, 2.5, -3], "c": {z | z := x.c[_]}}
}

deny_${i} contains id if { some id, v in data.d${i}; v.level >= 3 * (2 + 1) }

f_${i}(a, [b, c]) := a + b * c if { a > 0 } else := 0
`);
  }
  return parts.join("");
}

test("parse speed on a large module", { timeout: 120_000 }, () => {
  const text = bigModule(3000);
  parseModule("warm.rego", bigModule(50));
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let rules = 0;
  for (let run = 0; run < 2; run++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = parseModule("big.rego", text);
    const c = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    // CPU time of this process (user + system, including the garbage collector's threads), which
    // is steadier than wall time on a shared machine.
    cpuTimes.push((c.user + c.system) / 1000);
    if (!r.ok) throw new Error(r.errors[0]?.message);
    rules = r.value.rules.length;
  }
  const best = Math.min(...times);
  const bestCpu = Math.min(...cpuTimes);
  const mb = text.length / 1e6;
  console.log(
    `parse speed: ${mb.toFixed(2)} MB, ${rules} rules; best of 2: ${best.toFixed(0)} ms wall ` +
      `(${(mb / (best / 1000)).toFixed(1)} MB/s, ${Math.round(rules / (best / 1000))} rules/s), ${bestCpu.toFixed(0)} ms CPU`,
  );
  expect(rules).toBe(9000);
  expect(best).toBeLessThan(10_000);
});

// The whole of OPA's conformance suite, as `npm run conformance` runs it, so that a change which
// breaks Rego semantics fails CI. Issue 3 asks for at least 75 % of all cases; the suite passed
// 97.9 % when this test was written, so it guards against regressions at 95 %.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const cases = resolve(root, "../shared/opa-conformance");

describe.runIf(existsSync(cases))("OPA conformance suite", () => {
  it("passes at least 95 % of all cases through the SDK", () => {
    const run = spawnSync("npm", ["run", "--silent", "conformance", "--", cases, "--json", "--jobs", "2"], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf("{"))) as { passed: number; failed: number; skipped: number };
    const total = report.passed + report.failed + report.skipped;
    console.log(`conformance: ${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped (${((100 * report.passed) / total).toFixed(1)} %)`);
    expect(total).toBeGreaterThanOrEqual(575);
    expect(report.passed / total).toBeGreaterThanOrEqual(0.95);
  }, 600_000);
});

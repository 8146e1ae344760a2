// The benchmark harness end to end on a tiny tenant (1 k assessments): it generates the data,
// runs the baseline and the real `exempt evaluate` / `exempt validate` in child processes, and
// prints every column. Figures are not checked against targets (they are printed, not asserted);
// what is checked is that each figure is there, is a real measurement, and the runs succeeded.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseBenchArgs, runBench } from "../../engine/bench/main.js";
import { repoRoot } from "../../engine/bench/paths.js";

const data = mkdtempSync(join(tmpdir(), "bench-harness-"));
let result: Awaited<ReturnType<typeof runBench>>;

beforeAll(async () => {
  // The children run the compiled CLI: build it as `npm run bench` does (tsc emits even when
  // some other module has a type error, so ignore its exit status here).
  try {
    execFileSync(join(repoRoot(), "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"], { cwd: repoRoot(), stdio: "ignore" });
  } catch {
    /* see above */
  }
  // And the prebuilt policy module, so evaluate does not compile the policies on every run.
  execFileSync(process.execPath, [join(repoRoot(), "build", "engine", "evaluate", "build-policies.js")], { cwd: repoRoot(), stdio: "ignore" });
  result = await runBench(parseBenchArgs(["--sizes", "1000", "--exemptions", "40", "--validate-files", "60", "--data", data, "--timeout", "300"]));
}, 300_000);

afterAll(() => rmSync(data, { recursive: true, force: true }));

describe("npm run bench (tiny)", () => {
  it("measures baseline and evaluate for both formats, with every column filled", () => {
    expect(result.evaluate.map((r) => r.format).sort()).toEqual(["json", "jsonl"]);
    for (const r of result.evaluate) {
      expect(r.note).toMatch(/^(cli|library)$/);
      expect(r.ok).toBe(true);
      expect(r.rows).toBe(1000);
      expect(r.baselineMs).toBeGreaterThan(0);
      // evaluate does strictly more than parse the rows (it also compiles/loads the policy).
      expect(r.evaluateMs).toBeGreaterThan(r.baselineMs);
      // Peak RSS reported by each child for itself: at least Node's own footprint.
      expect(r.evaluateRssKB).toBeGreaterThan(20_000);
      expect(r.baselineRssKB).toBeGreaterThan(20_000);
      expect(r.policyCalls).toBeGreaterThan(0);
      expect(r.notApplicable).toBeGreaterThanOrEqual(0);
    }
    const header = result.text.split("\n").find((l) => l.startsWith("assessments"))!;
    for (const col of ["format", "baseline s", "evaluate s", "ratio", "assessments/s", "RSS MB", "baseline RSS MB", "policy calls", "questions", "not applicable"]) {
      expect(header).toContain(col);
    }
    const line = result.text.split("\n").find((l) => l.startsWith("1k") && l.includes("jsonl"))!;
    const cells = line.trim().split(/\s{2,}/);
    expect(cells.length).toBeGreaterThanOrEqual(11);
    // ratio = evaluate / baseline, printed from the same measurements.
    const r = result.evaluate.find((x) => x.format === "jsonl")!;
    expect(Number(cells[4])).toBeCloseTo(r.evaluateMs / r.baselineMs, 1);
  });

  it("measures validate against js-yaml load, with and without the policy", () => {
    expect(result.validate).toHaveLength(2);
    for (const v of result.validate) {
      expect(v.files).toBe(60);
      expect(v.ok).toBe(true);
      expect(v.yamlMs).toBeGreaterThan(0);
      expect(v.validateMs).toBeGreaterThan(0);
    }
    expect(result.text).toMatch(/files\s+js-yaml load s\s+validate s\s+ratio/);
    expect(result.text).toContain("targets (issue 6):");
  });

  it("keeps its data and results under the data folder", () => {
    expect(existsSync(join(data, "tenant-1000-40-20261122", "manifest.json"))).toBe(true);
    const saved = JSON.parse(readFileSync(join(data, "results.json"), "utf8")) as { evaluate: unknown[] };
    expect(saved.evaluate).toHaveLength(2);
  });
});

// Formatting of the benchmark's figures and of CPU profiles (pure parts of the harness).
import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "../../engine/bench/main.js";
import { summarizeProfile } from "../../engine/bench/profile.js";
import { evaluateTable, growthLines, renderTable, targetLines, type EvaluateRow } from "../../engine/bench/table.js";

const row = (size: number, baselineMs: number, evaluateMs: number, rssKB: number): EvaluateRow => ({
  size,
  format: "jsonl",
  rows: size,
  baselineMs,
  baselineRssKB: 80_000,
  evaluateMs,
  evaluateRssKB: rssKB,
  policyCalls: 3,
  policyQuestions: 10,
  notApplicable: 5,
  ok: true,
  note: "cli",
});

describe("bench tables", () => {
  it("aligns columns, numbers to the right", () => {
    const t = renderTable(["name", "n"], [["a", "5"], ["long", "123"]]).split("\n");
    expect(t[0]).toBe("name    n");
    expect(t[2]).toBe("a       5");
    expect(t[3]).toBe("long  123");
  });

  it("derives ratio and throughput from the measurements", () => {
    const line = evaluateTable([row(100_000, 2000, 5000, 512_000)]).split("\n")[2]!;
    const cells = line.split(/\s{2,}/);
    expect(cells.slice(0, 7)).toEqual(["100k", "jsonl", "2.00", "5.00", "2.50", "20000", "500"]);
  });

  it("says whether each target is met, and by how much it is missed", () => {
    const lines = targetLines([row(10_000, 100, 900, 100_000), row(1_000_000, 4000, 12_000, 2 * 1024 * 1024)], [
      { files: 50_000, yamlMs: 10_000, yamlRssKB: 1, validateMs: 12_000, validateRssKB: 1, ok: true, note: "cli" },
    ]);
    // Only the largest size is judged.
    expect(lines.some((l) => l.startsWith("10k"))).toBe(false);
    expect(lines).toContain("1M jsonl: evaluate 3.00× baseline (target ≤ 2×: missed by 1.50×)");
    expect(lines).toContain("1M jsonl: peak RSS 2048 MB (target < 1024 MB: missed)");
    expect(lines).toContain("validate 50k files: 1.20× js-yaml load (target ≤ 1.5×: met)");
  });

  it("reports growth between sizes against the growth of the rows", () => {
    expect(growthLines([row(10_000, 100, 1000, 1), row(100_000, 1000, 4000, 1)])).toEqual(["jsonl: 10k → 100k: rows ×10.0, evaluate time ×4.0, baseline ×10.0"]);
  });

  it("parses sizes with k/M suffixes and rejects nonsense", () => {
    expect(parseBenchArgs(["--sizes", "10k,1M"]).sizes).toEqual([10_000, 1_000_000]);
    expect(parseBenchArgs(["--validate-files", "0"]).validateFiles).toBe(0);
    expect(() => parseBenchArgs(["--sizes", "ten"])).toThrow(/--sizes/);
    expect(() => parseBenchArgs(["--formats", "csv"])).toThrow(/--formats/);
  });
});

describe("profile summary", () => {
  it("adds self time per function and per file, largest first", () => {
    const node = (id: number, functionName: string, url: string, hitCount: number) => ({ id, callFrame: { functionName, url, lineNumber: 9 }, hitCount });
    const s = summarizeProfile({
      startTime: 0,
      endTime: 1_000_000, // 1 s in microseconds
      nodes: [node(1, "parse", "file:///r/build/engine/inputs/rows.js", 30), node(2, "scan", "file:///r/build/engine/inputs/rows.js", 20), node(3, "decide", "file:///r/build/engine/evaluate/decider.js", 50), node(4, "", "", 0)],
    });
    expect(s.byFile.map((f) => [f.name, Math.round(f.ms)])).toEqual([
      ["engine/inputs/rows.js", 500],
      ["engine/evaluate/decider.js", 500],
    ]);
    expect(s.byFunction[0]!.name).toBe("decide engine/evaluate/decider.js:10");
    expect(s.byFunction[0]!.share).toBeCloseTo(0.5);
  });
});

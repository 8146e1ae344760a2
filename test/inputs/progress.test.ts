// Reading assessments chunk by chunk: the progress callback sees the bytes read grow up to the
// total size of the files a path stands for, and the batches keep each issue in its place.
// (The readAssessments test reads the file the batch test before it writes.)
import { mkdtemp, mkdir, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { IssueLog, readAssessments } from "../../engine/inputs/index.js";

const SUB = "20ff7fc3-e762-44dd-bd96-b71116dcdc23";
const KEY = "21300918-b2e3-0346-785f-c77ff57d243b";

function row(i: number) {
  const resource = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm${i}`;
  return { id: `${resource}/providers/Microsoft.Security/assessments/${KEY}`, name: KEY, properties: { resourceDetails: { Id: resource }, status: { code: i % 2 ? "Healthy" : "Unhealthy" } } };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "progress-"));
});

async function readWithProgress(path: string) {
  const calls: [number, number][] = [];
  let rows = 0;
  for await (const _ of readAssessments(path, new IssueLog(), undefined, { onProgress: (read, total) => calls.push([read, total]) })) rows++;
  return { calls, rows };
}

describe("readAssessments onProgress", () => {
  it("reports increasing byte counts up to the file's size (JSON Lines larger than one chunk)", async () => {
    const f = join(dir, "big.jsonl");
    // About 3 MB: several 1 MB read chunks.
    await writeFile(f, Array.from({ length: 12_000 }, (_, i) => JSON.stringify(row(i))).join("\n") + "\n");
    const size = (await stat(f)).size;
    const { calls, rows } = await readWithProgress(f);
    expect(rows).toBe(12_000);
    expect(calls[0]).toEqual([0, size]);
    expect(calls.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThan(calls[i - 1]![0]);
    expect(calls.every(([, total]) => total === size)).toBe(true);
    expect(calls.at(-1)![0]).toBe(size);
  });

  it("counts across the pages of a folder against their total size", async () => {
    const d = join(dir, "pages");
    await mkdir(d);
    await writeFile(join(d, "page-1.json"), JSON.stringify({ data: Array.from({ length: 5000 }, (_, i) => row(i)) }));
    await writeFile(join(d, "page-2.jsonl"), Array.from({ length: 3 }, (_, i) => JSON.stringify(row(i))).join("\n") + "\n");
    const total = (await stat(join(d, "page-1.json"))).size + (await stat(join(d, "page-2.jsonl"))).size;
    const { calls, rows } = await readWithProgress(d);
    expect(rows).toBe(5003);
    expect(calls[0]).toEqual([0, total]);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThan(calls[i - 1]![0]);
    expect(calls.at(-1)).toEqual([total, total]);
  });
});

describe("readAssessmentBatches", () => {
  it("yields one batch per chunk, with each rejected row's issue placed after the rows before it", async () => {
    const f = join(dir, "mixed.jsonl");
    const lines = Array.from({ length: 12_000 }, (_, i) => (i % 1000 === 7 ? '{"name": "broken' : i % 1000 === 500 ? JSON.stringify({ name: "not-a-guid", properties: {} }) : JSON.stringify(row(i))));
    await writeFile(f, lines.join("\n") + "\n");
    const { readAssessmentBatches } = await import("../../engine/inputs/index.js");
    const log = new IssueLog();
    const batches = [];
    for await (const b of readAssessmentBatches(f, log)) batches.push(b);
    // About 3 MB in 1 MB chunks: a handful of batches, not 12 000 steps.
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(batches.length).toBeLessThanOrEqual(6);
    const records = batches.flatMap((b) => b.items);
    expect(records.length).toBe(12_000 - 24);
    // Each issue sits after exactly the accepted rows of earlier lines, within its batch.
    let before = 0;
    for (const b of batches) {
      for (const { at, issue } of b.issues) {
        const accepted = records.filter((r) => r.line < issue.line!).length;
        expect(before + at).toBe(accepted);
      }
      before += b.items.length;
    }
    expect(batches.flatMap((b) => b.issues.map((x) => x.issue.line))).toEqual(lines.flatMap((_, i) => (i % 1000 === 7 || i % 1000 === 500 ? [i + 1] : [])));
    // The reader logs nothing itself from inside a chunk: the consumer places these issues.
    expect(log.total).toBe(0);
  });

  it("readAssessments logs the same issues in line order", async () => {
    const log = new IssueLog();
    let n = 0;
    for await (const _ of readAssessments(join(dir, "mixed.jsonl"), log)) n++;
    expect(n).toBe(12_000 - 24);
    const issueLines = log.kept.map((i) => i.line!);
    expect(issueLines).toEqual([...issueLines].sort((a, b) => a - b));
    expect(issueLines.length).toBe(24);
  });
});

describe("JSON Lines split at chunk boundaries", () => {
  it("keeps multi-byte characters, CRLF, long lines across chunks and a last line without newline", async () => {
    const f = join(dir, "boundaries.jsonl");
    // Lines of varied length with 2-, 3- and 4-byte characters, so that 1 MB chunk edges fall
    // inside characters and inside lines; one line longer than a chunk; CRLF endings; blank lines.
    const names: string[] = [];
    const lines: string[] = [];
    for (let i = 0; i < 9000; i++) {
      const name = `é€😀-${i}-` + "ü".repeat((i * 131) % 300);
      names.push(name);
      const r = { ...row(i), properties: { ...row(i).properties, displayName: name } };
      lines.push(JSON.stringify(r));
      if (i % 2500 === 0) lines.push("");
    }
    const huge = "x".repeat(1_300_000);
    names.push(huge);
    lines.push(JSON.stringify({ ...row(9000), properties: { ...row(9000).properties, displayName: huge } }));
    await writeFile(f, lines.join("\r\n")); // no newline after the last line
    const got: { name: string | null; line: number }[] = [];
    const log = new IssueLog();
    for await (const r of readAssessments(f, log)) got.push({ name: r.displayName, line: r.line });
    expect(log.total).toBe(0);
    expect(got.map((g) => g.name)).toEqual(names);
    // Line numbers count the blank lines too.
    const expectedLines = lines.flatMap((l, i) => (l === "" ? [] : [i + 1]));
    expect(got.map((g) => g.line)).toEqual(expectedLines);
  });
});

import { mkdtemp, writeFile, mkdir, chmod } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { IssueLog, readAssessments, parseAssessmentRow, type AssessmentReadStats } from "../../engine/inputs/index.js";

const SHARED = join(import.meta.dirname, "../../../shared/azure/security/stable/2021-06-01/examples/Assessments/ListAssessments_example.json");
const SUB = "20ff7fc3-e762-44dd-bd96-b71116dcdc23";
const KEY = "21300918-b2e3-0346-785f-c77ff57d243b";

function graphRow(resource: string, code: string, extra: Record<string, unknown> = {}) {
  return {
    id: `${resource}/providers/Microsoft.Security/assessments/${KEY}`,
    name: KEY,
    type: "microsoft.security/assessments",
    properties: { resourceDetails: { Source: "Azure", Id: resource }, status: { code }, ...extra },
  };
}

async function collect(path: string) {
  const log = new IssueLog();
  const stats: AssessmentReadStats = { rows: 0, accepted: 0, rejected: 0 };
  const out = [];
  for await (const r of readAssessments(path, log, stats)) out.push(r);
  return { out, log, stats };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "inputs-"));
});

describe("readAssessments", () => {
  it("reads the REST example from the Azure specs (resourceDetails.id, lower case)", async () => {
    // The example file wraps the list in {"parameters","responses"}: write its body as a page.
    const { readFile } = await import("node:fs/promises");
    const body = JSON.parse(await readFile(SHARED, "utf8")).responses["200"].body;
    const f = join(dir, "rest.json");
    await writeFile(f, JSON.stringify(body, null, 2));
    const { out, log } = await collect(f);
    expect(log.total).toBe(0);
    expect(out.map((r) => [r.resourceKey.split("/").pop(), r.status, r.cause])).toEqual([
      ["vmss1", "Healthy", null],
      ["vmss2", "NotApplicable", "OffByPolicy"],
    ]);
    expect(out[0]!.subscriptionId).toBe(SUB);
  });

  it("reads Resource Graph JSON Lines and a folder of pages in name order", async () => {
    const d = join(dir, "pages");
    await mkdir(d);
    const rg = `/subscriptions/${SUB}/resourceGroups/RG1/providers/Microsoft.Compute/virtualMachines/`;
    await writeFile(join(d, "page-2.jsonl"), [graphRow(rg + "vm3", "Unhealthy"), graphRow(rg + "vm4", "healthy")].map((r) => JSON.stringify(r)).join("\n") + "\n");
    await writeFile(join(d, "page-1.json"), JSON.stringify({ count: 2, data: [graphRow(rg + "vm1", "Healthy"), graphRow(rg + "VM2", "NotApplicable")] }));
    await writeFile(join(d, "notes.txt"), "not a page");
    const { out, log } = await collect(d);
    expect(out.map((r) => r.resourceId.split("/").pop())).toEqual(["vm1", "VM2", "vm3", "vm4"]);
    expect(out[1]!.resourceKey.endsWith("/vm2")).toBe(true);
    expect(out[3]!.status).toBe("Healthy");
    expect(log.warnings).toBe(1); // notes.txt skipped, named
    expect(log.kept[0]!.file.endsWith("notes.txt")).toBe(true);
  });

  it("counts and locates bad rows without stopping", async () => {
    const rg = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Web/sites/`;
    const lines = [
      JSON.stringify(graphRow(rg + "ok", "Healthy")),
      "{not json",
      JSON.stringify({ ...graphRow(rg + "x", "Healthy"), name: "not-a-guid" }),
      JSON.stringify(graphRow(rg + "y", "Broken")),
      JSON.stringify({ name: KEY, properties: { status: { code: "Healthy" } } }),
      JSON.stringify(graphRow("/providers/Microsoft.Management/managementGroups/mg", "Healthy")),
      JSON.stringify(graphRow(rg + "ok2", "Unhealthy")),
    ];
    const f = join(dir, "bad.jsonl");
    await writeFile(f, lines.join("\n"));
    const { out, log, stats } = await collect(f);
    expect(out.map((r) => r.resourceId.split("/").pop())).toEqual(["ok", "ok2"]);
    expect(stats).toEqual({ rows: 6, accepted: 2, rejected: 4 });
    expect(log.errors).toBe(5);
    expect(log.kept.map((i) => [i.line, i.field ?? null])).toEqual([
      [2, null],
      [3, "name"],
      [4, "properties.status.code"],
      [5, "properties.resourceDetails.Id"],
      [6, "properties.resourceDetails.Id"],
    ]);
  });

  it("reports an unreadable path and a truncated JSON file with their location", async () => {
    const missing = await collect(join(dir, "nope.json"));
    expect(missing.out).toEqual([]);
    expect(missing.log.kept[0]!.message).toMatch(/no such file/);
    const f = join(dir, "trunc.json");
    await writeFile(f, `{"data":[\n${JSON.stringify(graphRow(`/subscriptions/${SUB}/resourceGroups/r/providers/A.B/c/d`, "Healthy"))},\n{"name":`);
    const t = await collect(f);
    expect(t.out).toHaveLength(1);
    expect(t.log.kept[0]).toMatchObject({ line: 3, message: expect.stringMatching(/truncated/) });
    if (process.getuid?.() !== 0) {
      const locked = join(dir, "locked.json");
      await writeFile(locked, "{}");
      await chmod(locked, 0);
      expect((await collect(locked)).log.kept[0]!.message).toMatch(/permission denied/);
    }
  });

  it("derives the resource from the assessment ID when resourceDetails has no ID", () => {
    const res = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Sql/servers/s1`;
    const p = parseAssessmentRow({
      value: { id: `${res}/providers/Microsoft.Security/assessments/${KEY}`, properties: { resourceDetails: { Source: "OnPremiseSql" }, status: { code: "Unhealthy", cause: "" } } },
      file: "f",
      line: 1,
      index: 0,
    });
    expect(p.ok && p.record.resourceId).toBe(res);
    expect(p.ok && p.record.key).toBe(KEY);
    expect(p.ok && p.record.cause).toBe(null);
  });
});

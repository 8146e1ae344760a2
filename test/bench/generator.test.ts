// The benchmark tenant generator: its output is what the product reads without complaint (rows
// through engine/inputs, exemption files through engine/exemptions), the tree is consistent, and
// the same seed gives the same bytes.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseGenArgs } from "../../engine/bench/gen-main.js";
import { defaultControlsPath, schemaPath } from "../../engine/bench/paths.js";
import { assessmentRows, buildLayout, controlsList } from "../../engine/bench/tenant.js";
import { generateTenantFiles, type Manifest } from "../../engine/bench/write.js";
import { loadExemptions } from "../../engine/exemptions/load.js";
import { readAssessments, type AssessmentRecord } from "../../engine/inputs/assessments.js";
import { loadControls } from "../../engine/inputs/controls.js";
import { IssueLog } from "../../engine/inputs/issues.js";
import { loadTree } from "../../engine/inputs/tree.js";

const AT = new Date("2026-11-22T00:00:00Z");
const controls = controlsList(JSON.parse(readFileSync(defaultControlsPath(), "utf8")));
const dirs: string[] = [];

function gen(seed: number, assessments = 3000, exemptions = 150): { out: string; manifest: Manifest } {
  const out = mkdtempSync(join(tmpdir(), "bench-gen-"));
  dirs.push(out);
  // Small pages so the folder has several of them, as a real export would.
  const manifest = generateTenantFiles({ out, assessments, exemptions, seed, at: AT, controls, pageSize: 400, schemaPath: schemaPath() });
  return { out, manifest };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((p) => statSync(join(dir, p)).isFile())
    .sort();
}

function digest(dir: string): string {
  const h = createHash("sha256");
  for (const f of filesUnder(dir)) h.update(f).update("\0").update(readFileSync(join(dir, f)));
  return h.digest("hex");
}

async function records(path: string): Promise<{ rows: AssessmentRecord[]; log: IssueLog }> {
  const log = new IssueLog();
  const rows: AssessmentRecord[] = [];
  for await (const r of readAssessments(path, log)) rows.push(r);
  return { rows, log };
}

let t: { out: string; manifest: Manifest };
beforeAll(() => {
  t = gen(7);
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("bench:gen output", () => {
  it("writes exactly the asked number of rows, as JSON pages and as JSON Lines", () => {
    expect(t.manifest.assessments).toBe(3000);
    expect(t.manifest.pages).toBe(Math.ceil(3000 / 400));
    const pages = readdirSync(join(t.out, "assessments"));
    expect(pages).toHaveLength(t.manifest.pages);
    const page = JSON.parse(readFileSync(join(t.out, "assessments", pages[0]!), "utf8")) as { data: unknown[]; skip_token: unknown; total_records: number };
    expect(page.data).toHaveLength(400);
    expect(typeof page.skip_token).toBe("string");
    expect(page.total_records).toBe(3000);
    const last = JSON.parse(readFileSync(join(t.out, "assessments", pages.at(-1)!), "utf8")) as { data: unknown[]; skip_token: unknown };
    expect(last.skip_token).toBeNull();
    expect(last.data).toHaveLength(3000 - 400 * (pages.length - 1));
    expect(readFileSync(join(t.out, "assessments.jsonl"), "utf8").trimEnd().split("\n")).toHaveLength(3000);
  });

  it("rows parse through engine/inputs without a single issue, the same rows in both formats", async () => {
    const a = await records(join(t.out, "assessments"));
    const b = await records(join(t.out, "assessments.jsonl"));
    expect(a.log.errors + a.log.warnings).toBe(0);
    expect(b.log.errors + b.log.warnings).toBe(0);
    expect(a.rows).toHaveLength(3000);
    const strip = (r: AssessmentRecord) => [r.resourceKey, r.key, r.status, r.cause];
    expect(a.rows.map(strip)).toEqual(b.rows.map(strip));
  });

  it("has a realistic status mix, several resource types, and only keys of the real controls", async () => {
    const { rows } = await records(join(t.out, "assessments.jsonl"));
    const status = new Map<string, number>();
    for (const r of rows) status.set(`${r.status}/${r.cause ?? ""}`, (status.get(`${r.status}/${r.cause ?? ""}`) ?? 0) + 1);
    expect(status.get("Healthy/")).toBeGreaterThan(rows.length * 0.3);
    expect(status.get("Unhealthy/")).toBeGreaterThan(rows.length * 0.1);
    expect(status.get("NotApplicable/OffByPolicy")).toBeGreaterThan(0);
    expect(status.get("NotApplicable/Exempt")).toBeGreaterThan(0);
    const types = new Set(rows.map((r) => r.resourceKey.split("/providers/")[1]?.split("/").slice(0, 2).join("/") ?? "subscription"));
    expect(types.size).toBeGreaterThanOrEqual(8);
    expect(rows.some((r) => r.resourceKey.includes("/databases/"))).toBe(true);

    const log = new IssueLog();
    const defs = await loadControls(join(t.out, "controls.json"), log);
    expect(log.errors).toBe(0);
    expect(defs).toHaveLength(controls.value.length);
    const known = new Set(defs.flatMap((c) => c.assessmentKeys));
    expect(rows.every((r) => known.has(r.key))).toBe(true);
  });

  it("has a consistent management-group tree several levels deep holding every subscription", async () => {
    const log = new IssueLog();
    const tree = await loadTree(join(t.out, "tree.json"), log);
    expect(log.errors + log.warnings).toBe(0);
    expect(tree.subscriptions.size).toBe(t.manifest.subscriptions);
    const root = [...tree.subscriptions.values()][0]!.ancestors.at(-1);
    for (const s of tree.subscriptions.values()) {
      // Every chain ends at the one tenant root, and every group in it is known with its own chain.
      expect(s.ancestors.at(-1)).toBe(root);
      s.ancestors.forEach((mg, i) => expect(tree.managementGroups.get(mg)).toEqual(s.ancestors.slice(i + 1)));
    }
    expect(Math.max(...[...tree.subscriptions.values()].map((s) => s.ancestors.length))).toBeGreaterThanOrEqual(5);
    // Resource group rows are there too (skipped by the loader, as in a real export).
    expect(tree.skippedRows).toBe(t.manifest.resourceGroups);
    const { rows } = await records(join(t.out, "assessments.jsonl"));
    expect(rows.every((r) => tree.subscriptions.has(r.subscriptionId))).toBe(true);
  });

  it("writes exemption files of every scope level that validate, with scopes that exist", async () => {
    const loaded = await loadExemptions([join(t.out, "exemptions")], { at: AT });
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(loaded.exemptions).toHaveLength(150);
    const levels = new Set(loaded.exemptions.flatMap((e) => e.scopes.map((s) => s.level)));
    expect([...levels].sort()).toEqual(["global", "managementGroup", "resource", "resourceGroup", "subscription"]);
    expect(new Set(loaded.exemptions.map((e) => e.category))).toEqual(new Set(["mitigated", "waiver"]));
    expect(loaded.exemptions.some((e) => e.scopes.length > 1)).toBe(true);
    expect(loaded.exemptions.some((e) => e.status === "canceled" || (e.expiresOn !== null && e.expiresOn <= AT))).toBe(true);

    // Resource and resource-group scopes name things in the data (case-insensitively).
    const { rows } = await records(join(t.out, "assessments.jsonl"));
    const resources = new Set(rows.map((r) => r.resourceKey));
    const groups = new Set(rows.map((r) => /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+/.exec(r.resourceKey)?.[0]).filter(Boolean));
    for (const e of loaded.exemptions) {
      for (const s of e.scopes) {
        if (s.level === "resource") expect(resources.has(s.key)).toBe(true);
        if (s.level === "resourceGroup") expect(groups.has(s.key)).toBe(true);
      }
    }
    // The $schema comment points at the project's schema from where the file is.
    const any = join(t.out, "exemptions", filesUnder(join(t.out, "exemptions"))[0]!);
    const ref = /\$schema=(\S+)/.exec(readFileSync(any, "utf8"))![1]!;
    expect(relative(join(any, ".."), schemaPath())).toBe(ref);
  });

  it("is deterministic for a seed and differs between seeds", () => {
    const again = gen(7);
    expect(digest(again.out)).toBe(digest(t.out));
    const other = gen(8);
    expect(digest(other.out)).not.toBe(digest(t.out));
  });

  it("produces rows lazily: the first rows of a 2 M-assessment tenant come without building the rest", () => {
    const layout = buildLayout({ seed: 1, assessments: 2_000_000, controls });
    const before = process.memoryUsage().heapUsed;
    const it = assessmentRows(layout);
    const first = [it.next().value, it.next().value, it.next().value];
    expect(first.every((r) => r && typeof r === "object")).toBe(true);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });

  it("refuses bad arguments with the option's name", () => {
    expect(() => parseGenArgs(["--assessments", "ten"])).toThrow(/--assessments/);
    expect(() => parseGenArgs(["--exemptions", "-1"])).toThrow(/--exemptions/);
    expect(() => parseGenArgs(["--formats", "xml"])).toThrow(/--formats/);
    expect(parseGenArgs(["--assessments", "1_000", "--seed", "3"]).assessments).toBe(1000);
  });
});

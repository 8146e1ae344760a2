// `evaluate` end to end: files on disk → loaders → compiled policies → score → report, checked
// against hand-computed figures and against the report's JSON Schema.
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluate, type Policies } from "../../engine/evaluate/pipeline.js";
import { PolicyEngine } from "../../engine/evaluate/engine.js";
import { loadPolicyRunner } from "../../engine/evaluate/wasm-runner.js";
import { validateReport } from "../../engine/report/schema.js";
import { formatReport } from "../../engine/report/format.js";

const REPO = join(import.meta.dirname, "../..");
const TENANT = join(REPO, "engine/examples/tenant");
async function policies(): Promise<Policies> {
  // The product path: the policies compiled to Wasm.
  return new PolicyEngine(await loadPolicyRunner());
}

const S1 = "1a1a1a1a-0000-4000-8000-000000000001";
const S2 = "2b2b2b2b-0000-4000-8000-000000000002";
const K1 = "0a0a0a0a-0000-4000-8000-0000000000a1";
const K2 = "0a0a0a0a-0000-4000-8000-0000000000a2";
const K3 = "0a0a0a0a-0000-4000-8000-0000000000a3";
const K4 = "0a0a0a0a-0000-4000-8000-0000000000a4"; // in no control
const vm = (sub: string, name: string) => `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${name}`;
const row = (resource: string, key: string, code: string, cause?: string) => ({
  id: `${resource}/providers/Microsoft.Security/assessments/${key}`,
  name: key,
  type: "microsoft.security/assessments",
  properties: { resourceDetails: { Source: "Azure", Id: resource }, status: cause ? { code, cause } : { code } },
});
const chain = (...names: string[]) => names.map((n) => ({ name: n, displayName: n.toUpperCase() }));
const control = (id: string, max: number, keys: string[]) => ({
  id: `/subscriptions/${S1}/providers/Microsoft.Security/secureScores/ascScore/secureScoreControls/${id}`,
  name: id,
  properties: { displayName: `Control ${id}`, definition: { properties: { maxScore: max, assessmentDefinitions: keys.map((k) => ({ id: `/providers/Microsoft.Security/assessmentMetadata/${k}` })) } } },
});
function yaml(name: string, fields: Record<string, string>, recs: string[], scopes: string[]): string {
  return [
    `name: ${name}`,
    `description: test exemption ${name}`,
    `recommendations: [${recs.map((r) => JSON.stringify(r)).join(", ")}]`,
    `scopes: [${scopes.map((s) => JSON.stringify(s)).join(", ")}]`,
    ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`),
    `owner: team@example.com`,
    "",
  ].join("\n");
}

describe("evaluate: a hand-computed tenant", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "evaluate-"));
    await mkdir(join(dir, "exemptions"));
    // S1 sits in team, under org, under the tenant root: nested management groups.
    await writeFile(join(dir, "tree.json"), JSON.stringify({ data: [
      { id: `/subscriptions/${S1}`, name: "one", type: "microsoft.resources/subscriptions", subscriptionId: S1, properties: { managementGroupAncestorsChain: chain("team", "org", "root") } },
      { id: `/subscriptions/${S2}`, name: "two", type: "microsoft.resources/subscriptions", subscriptionId: S2, properties: { managementGroupAncestorsChain: chain("org", "root") } },
    ] }));
    await writeFile(join(dir, "controls.json"), JSON.stringify({ value: [control("c1", 10, [K1, K2]), control("c2", 5, [K3])] }));
    const lines = [
      row(vm(S1, "vm1"), K1, "Unhealthy"),
      row(vm(S1, "vm1"), K2, "Healthy"),
      // vm2 spelled two ways: one resource.
      row(vm(S1, "VM2"), K1, "Healthy"),
      row(vm(S1, "vm2").toLowerCase(), K2, "Unhealthy"),
      row(vm(S2, "vm3"), K1, "Healthy"),
      row(vm(S2, "vm3"), K2, "Healthy"),
      row(vm(S2, "vm4"), K3, "Unhealthy"),
      row(vm(S2, "vm5"), K3, "NotApplicable", "Exempt"),
      row(vm(S2, "vm5"), K4, "Unhealthy"),
    ].map((r) => JSON.stringify(r));
    lines.splice(3, 0, '{"name": "broken row"');
    await writeFile(join(dir, "assessments.jsonl"), lines.join("\n") + "\n");
    await writeFile(join(dir, "exemptions", "team-k1.yaml"), yaml("team-k1", { category: "waiver", justification: "risk_accepted", expiresOn: "2027-01-01" }, [K1], ["/providers/Microsoft.Management/managementGroups/team"]));
    await writeFile(join(dir, "exemptions", "vm2-k2.yaml"), yaml("vm2-k2", { category: "mitigated", justification: "third_party_control", expiresOn: "2027-01-01" }, [K2], [vm(S1.toUpperCase(), "VM2").replace("resourceGroups/rg", "resourceGroups/RG")]));
    await writeFile(join(dir, "exemptions", "org-k3.yaml"), yaml("org-k3", { category: "waiver", justification: "planned_remediation", expiresOn: "2026-11-22T12:00:00Z" }, [K3], ["/providers/Microsoft.Management/managementGroups/org"]));
  });

  it("scores before and after by hand", async () => {
    const report = await evaluate(
      { exemptions: [join(dir, "exemptions")], assessments: join(dir, "assessments.jsonl"), tree: join(dir, "tree.json"), controls: join(dir, "controls.json"), at: new Date("2026-11-22T12:00:00Z"), cwd: dir },
      await policies(),
    );
    const valid = validateReport(report);
    expect(valid).toEqual({ ok: true });
    // Before: c1 has vm3 healthy, vm1 and vm2 unhealthy → 10 × 1/3 = 3.33; c2 has vm4 unhealthy → 0 of 5.
    // After: vm1 healthy (K1 exempt, K2 healthy), vm2 not applicable (both exempt) → c1 10 of 10;
    // org-k3 expires exactly at --at, so vm4 stays unhealthy → c2 0 of 5. Overall 3.33/15 → 10/15.
    expect(report.secureScore).toEqual({ before: { current: 3.33, max: 15, percentage: 0.222 }, after: { current: 10, max: 15, percentage: 0.6667 }, delta: { current: 6.67, percentage: 0.4447 } });
    expect(report.controls.map((c) => [c.id, c.before.healthy, c.before.unhealthy, c.after.healthy, c.after.unhealthy, c.after.notApplicable])).toEqual([
      ["c1", 1, 2, 2, 0, 1],
      ["c2", 0, 1, 0, 1, 1],
    ]);
    // S1: c1 0/10, c2 absent → 0; after 10/10. S2: c1 10/10, c2 0/5 → 10/15 both times.
    expect(report.subscriptions.map((s) => [s.id, s.before.percentage, s.after.percentage, s.managementGroups])).toEqual([
      [S1, 0, 1, ["team", "org", "root"]],
      [S2, 0.6667, 0.6667, ["org", "root"]],
    ]);
    expect(report.notApplicable.map((n) => [n.resourceId.split("/").pop(), n.assessmentKey, n.exemption, n.before]).sort()).toEqual([
      ["VM2", K1, "team-k1", "Healthy"],
      ["vm1", K1, "team-k1", "Unhealthy"],
      ["vm2", K2, "vm2-k2", "Unhealthy"],
    ]);
    expect(report.exemptions.map((e) => [e.name, e.status, e.matched])).toEqual([
      ["org-k3", "expired", 0],
      ["team-k1", "in_effect", 2],
      ["vm2-k2", "in_effect", 1],
    ]);
    expect(report.recommendations.map((r) => [r.assessmentKey, r.state, r.assessments, r.excepted])).toEqual([
      [K1, "partial_exception", 3, 2],
      [K2, "partial_exception", 3, 1],
      [K3, "active", 2, 0],
      [K4, "active", 1, 0],
    ]);
    // Unhealthy: vm1/K1 (waiver: still exposed), vm2/K2 (third-party control: not exposed), vm4/K3,
    // vm5/K4 (not scored, but exposed all the same).
    expect(report.exposure).toEqual({ unhealthy: 4, exposedAfter: 3 });
    expect(report.drift.map((d) => [d.resourceId.split("/").pop(), d.assessmentKey, d.line])).toEqual([["vm5", K3, 9]]);
    expect(report.issueCounts).toMatchObject({ errors: 1, warnings: 1 });
    expect(report.issues[0]).toMatchObject({ source: "assessments", severity: "error", line: 4 });
    expect(report.issues[1]).toMatchObject({ source: "assessments", severity: "warning", line: 10, field: "name" });
    expect(report.inputs.unscoredAssessments).toBe(1);
    expect(report.validation.deny).toEqual([]);
  });

  it("tells onProgress the bytes of the assessments read, up to the file's size", async () => {
    const { stat } = await import("node:fs/promises");
    const size = (await stat(join(dir, "assessments.jsonl"))).size;
    const seen: { bytesRead: number; totalBytes: number }[] = [];
    const report = await evaluate(
      { exemptions: [join(dir, "exemptions")], assessments: join(dir, "assessments.jsonl"), tree: join(dir, "tree.json"), controls: join(dir, "controls.json"), at: new Date("2026-11-22T12:00:00Z"), cwd: dir, onProgress: (p) => seen.push({ ...p }) },
      await policies(),
    );
    expect(report.inputs.assessmentRows).toBe(9); // the broken line is an issue, not a row
    expect(seen[0]).toEqual({ bytesRead: 0, totalBytes: size });
    expect(seen.at(-1)).toEqual({ bytesRead: size, totalBytes: size });
  });
});

describe("evaluate: the example tenant with the example exemptions", () => {
  const run = async (at: string) =>
    evaluate(
      { exemptions: [join(REPO, "exemptions")], assessments: join(TENANT, "assessments"), tree: join(TENANT, "tree.json"), controls: join(TENANT, "controls.json"), at: new Date(at), cwd: REPO },
      await policies(),
    );

  it("applies every kind of scope and reports statuses, drift and the score delta", async () => {
    const r = await run("2026-11-22T12:00:00Z");
    expect(validateReport(r)).toEqual({ ok: true });
    expect(r.inputs).toMatchObject({ assessmentRows: 345, assessmentsAccepted: 345, subscriptions: 5, controls: 12 });
    expect(r.issueCounts.errors).toBe(0);
    const status = Object.fromEntries(r.exemptions.map((e) => [e.name, e.status]));
    expect(status).toMatchObject({
      "sql-auditing-imperva-global": "in_effect",
      "system-updates-hardware-lab": "in_effect",
      "my-test-vm-endpoint-migration": "expired",
      "storage-secure-transfer-legacy": "canceled",
    });
    const na = (suffix: string, key: string) => r.notApplicable.find((n) => n.resourceId.toLowerCase().endsWith(suffix) && n.assessmentKey === key);
    expect(na("/vmss1", "21300918-b2e3-0346-785f-c77ff57d243b")?.exemption).toBe("vmss1-endpoint-protection-crowdstrike");
    // Nested management groups: HardwareDivision → Production; Sandboxes → DevOrg.
    expect(na("/virtualmachines/rig-07", "4ab6e3c5-74dd-8b35-9ab9-f61b30875b27")?.exemption).toBe("system-updates-hardware-lab");
    expect(na("/virtualnetworks/vnet-sandbox", "e3de1cc0-f4dd-3b34-e496-8b5381ba2d70")?.exemption).toBe("ddos-standard-devorg");
    expect(na("/virtualnetworks/vnet-prod-web", "e3de1cc0-f4dd-3b34-e496-8b5381ba2d70")).toBeUndefined();
    // Expired and canceled records cover nothing.
    expect(na("/virtualmachines/mytestvm", "83f577bd-a1b6-b7e1-0891-12ca19d1e6df")).toBeUndefined();
    expect(na("/storageaccounts/sftpgatewaylegacy", "1b351b29-41ca-6df5-946c-c190a56be5fe")).toBeUndefined();
    expect(r.drift.map((d) => d.resourceId.split("/").pop()).sort()).toEqual(["etl-vm-02", "prodlogs01"]);
    expect(r.secureScore.after.percentage).toBeGreaterThan(r.secureScore.before.percentage);
    // The text report starts with the score delta; markdown and CSV carry the same rows.
    const text = formatReport(r, "text");
    expect(text.split("\n")[0]).toMatch(/^Secure score: \d+\.\d\d% → \d+\.\d\d% \(\+\d+\.\d\d points\)$/);
    expect(formatReport(r, "csv").trim().split("\r\n")).toHaveLength(r.notApplicable.length + 1);
    expect(formatReport(r, "markdown")).toContain(`Not applicable resources (${r.notApplicable.length})`);
  });

  it("an exemption expiring exactly at --at no longer applies", async () => {
    const r = await run("2026-12-31T00:00:00Z");
    expect(r.exemptions.find((e) => e.name === "system-updates-hardware-lab")).toMatchObject({ status: "expired", matched: 0 });
    expect(r.notApplicable.some((n) => n.exemption === "system-updates-hardware-lab")).toBe(false);
  });
});

// Domain rules of DESIGN.md §1-§3 checked end to end (files on disk → evaluate → report), through
// the compiled policies as the product runs them. Each case sets up a small tenant by hand and
// states the expected figures from the rules, not from the code.
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate, type Policies } from "../../engine/evaluate/pipeline.js";
import { PolicyEngine } from "../../engine/evaluate/engine.js";
import { loadPolicyRunner } from "../../engine/evaluate/wasm-runner.js";
import { validateReport } from "../../engine/report/schema.js";
import type { Report } from "../../engine/report/types.js";

let cached: Policies | null = null;
async function policies(): Promise<Policies> {
  cached ??= new PolicyEngine(await loadPolicyRunner());
  return cached;
}

export const S1 = "1a1a1a1a-0000-4000-8000-000000000001";
export const S2 = "2b2b2b2b-0000-4000-8000-000000000002";
export const K1 = "0a0a0a0a-0000-4000-8000-0000000000a1";
export const K2 = "0a0a0a0a-0000-4000-8000-0000000000a2";
export const K3 = "0a0a0a0a-0000-4000-8000-0000000000a3";
const MG = (n: string) => `/providers/Microsoft.Management/managementGroups/${n}`;
const rg = (sub: string, name = "rg") => `/subscriptions/${sub}/resourceGroups/${name}`;
const vm = (sub: string, name: string, group = "rg") => `${rg(sub, group)}/providers/Microsoft.Compute/virtualMachines/${name}`;
const server = (sub: string, name: string) => `${rg(sub)}/providers/Microsoft.Sql/servers/${name}`;

export interface Row {
  resource: string;
  key: string;
  code: string;
  cause?: string;
}
const row = (resource: string, key: string, code: string, cause?: string): Row => ({ resource, key, code, ...(cause ? { cause } : {}) });

function assessment(r: Row) {
  return {
    id: `${r.resource}/providers/Microsoft.Security/assessments/${r.key}`,
    name: r.key,
    type: "microsoft.security/assessments",
    properties: { resourceDetails: { Source: "Azure", Id: r.resource }, status: r.cause ? { code: r.code, cause: r.cause } : { code: r.code } },
  };
}

const chain = (...names: string[]) => names.map((n) => ({ name: n, displayName: n.toUpperCase() }));
function control(id: string, max: number, keys: string[]) {
  return {
    id: `/subscriptions/${S1}/providers/Microsoft.Security/secureScores/ascScore/secureScoreControls/${id}`,
    name: id,
    properties: { displayName: `Control ${id}`, definition: { properties: { maxScore: max, assessmentDefinitions: keys.map((k) => ({ id: `/providers/Microsoft.Security/assessmentMetadata/${k}` })) } } },
  };
}

export interface ExemptionSpec {
  name: string;
  recs: string[];
  scopes: string[];
  category?: string;
  justification?: string;
  expiresOn?: string;
  status?: string;
  /** Subfolder of exemptions/ to write the file into. */
  folder?: string;
}
function yaml(e: ExemptionSpec): string {
  const category = e.category ?? "waiver";
  const justification = e.justification ?? (category === "waiver" ? "risk_accepted" : "third_party_control");
  return [
    `name: ${e.name}`,
    `description: test exemption ${e.name}`,
    `recommendations: [${e.recs.map((r) => JSON.stringify(r)).join(", ")}]`,
    `scopes: [${e.scopes.map((s) => JSON.stringify(s)).join(", ")}]`,
    `category: ${category}`,
    `justification: ${justification}`,
    ...(e.expiresOn ? [`expiresOn: ${e.expiresOn}`] : category === "waiver" ? ["expiresOn: 2027-01-01"] : []),
    ...(e.status ? [`status: ${e.status}`] : []),
    `owner: team@example.com`,
    "",
  ].join("\n");
}

export interface Tenant {
  rows: Row[];
  exemptions: ExemptionSpec[];
  controls?: ReturnType<typeof control>[];
  at?: string;
  /** Raw assessment file content instead of rows. */
  raw?: string;
  /** Assessment metadata: key → assessmentType. */
  metadata?: Record<string, string>;
}

// S1 sits in team, under org, under root; S2 in org, under root.
const TREE = {
  data: [
    { id: `/subscriptions/${S1}`, name: "one", type: "microsoft.resources/subscriptions", subscriptionId: S1, properties: { managementGroupAncestorsChain: chain("team", "org", "root") } },
    { id: `/subscriptions/${S2}`, name: "two", type: "microsoft.resources/subscriptions", subscriptionId: S2, properties: { managementGroupAncestorsChain: chain("org", "root") } },
  ],
};

export async function run(t: Tenant): Promise<Report> {
  const dir = await mkdtemp(join(tmpdir(), "domain-"));
  await mkdir(join(dir, "exemptions"));
  await writeFile(join(dir, "tree.json"), JSON.stringify(TREE));
  await writeFile(join(dir, "controls.json"), JSON.stringify({ value: t.controls ?? [control("c1", 10, [K1]), control("c2", 6, [K2]), control("c3", 4, [K3])] }));
  await writeFile(join(dir, t.raw ? "assessments.json" : "assessments.jsonl"), t.raw ?? t.rows.map((r) => JSON.stringify(assessment(r))).join("\n") + "\n");
  for (const e of t.exemptions) {
    await mkdir(join(dir, "exemptions", e.folder ?? ""), { recursive: true });
    await writeFile(join(dir, "exemptions", e.folder ?? "", `${e.name}.yaml`), yaml(e));
  }
  if (t.metadata) {
    const value = Object.entries(t.metadata).map(([k, type]) => ({ id: `/providers/Microsoft.Security/assessmentMetadata/${k}`, name: k, type: "Microsoft.Security/assessmentMetadata", properties: { displayName: `rec ${k}`, assessmentType: type, severity: "High" } }));
    await writeFile(join(dir, "metadata.json"), JSON.stringify({ value }));
  }
  const report = await evaluate(
    {
      exemptions: [join(dir, "exemptions")],
      assessments: join(dir, t.raw ? "assessments.json" : "assessments.jsonl"),
      tree: join(dir, "tree.json"),
      controls: join(dir, "controls.json"),
      ...(t.metadata ? { metadata: join(dir, "metadata.json") } : {}),
      at: new Date(t.at ?? "2026-11-22T12:00:00Z"),
      cwd: dir,
    },
    await policies(),
  );
  expect(validateReport(report)).toEqual({ ok: true });
  return report;
}

const na = (r: Report) => r.notApplicable.map((n) => [n.resourceId, n.assessmentKey, n.exemption]).sort();
const status = (r: Report) => Object.fromEntries(r.exemptions.map((e) => [e.name, e.status]));

describe("scopes: nesting, case, extension resources", () => {
  it("an exemption on a SQL server covers its databases (everything beneath a scope), not a sibling server's", async () => {
    const db1 = `${server(S1, "sql1")}/databases/db1`;
    const db2 = `${server(S1, "sql2")}/databases/db1`;
    const r = await run({
      rows: [row(server(S1, "sql1"), K1, "Unhealthy"), row(db1, K1, "Unhealthy"), row(db2, K1, "Unhealthy")],
      exemptions: [{ name: "sql1", recs: [K1], scopes: [server(S1, "sql1")] }],
    });
    expect(na(r)).toEqual([[server(S1, "sql1"), K1, "sql1"], [db1, K1, "sql1"]].sort());
    // c1: 3 unhealthy before; after sql2's database stays unhealthy → 0 of 10, max 10.
    expect(r.controls[0]!.after).toMatchObject({ healthy: 0, unhealthy: 1, notApplicable: 2, max: 10 });
  });

  it("an exemption on a database does not cover its server", async () => {
    const db1 = `${server(S1, "sql1")}/databases/db1`;
    const r = await run({
      rows: [row(server(S1, "sql1"), K1, "Unhealthy"), row(db1, K1, "Unhealthy")],
      exemptions: [{ name: "db1", recs: [K1], scopes: [db1.toUpperCase().replace(S1.toUpperCase(), S1)] }],
    });
    expect(na(r)).toEqual([[db1, K1, "db1"]]);
  });

  it("an exemption on a VM covers an extension resource of it; IDs compare case-insensitively everywhere", async () => {
    const ext = `${vm(S1, "vm1")}/providers/Microsoft.GuestConfiguration/guestConfigurationAssignments/cfg`;
    const r = await run({
      rows: [row(ext.toUpperCase().replace(S1.toUpperCase(), S1), K1, "Unhealthy"), row(vm(S1, "vm2"), K1, "Unhealthy")],
      exemptions: [{ name: "vm1", recs: [K1.toUpperCase()], scopes: [vm(S1.toUpperCase(), "VM1", "RG")] }],
    });
    expect(r.notApplicable.map((n) => [n.resourceId.toLowerCase(), n.exemption])).toEqual([[ext.toLowerCase(), "vm1"]]);
  });

  it("a management group written in another case matches the tree; nested groups are honoured", async () => {
    const r = await run({
      rows: [row(vm(S1, "a"), K1, "Unhealthy"), row(vm(S2, "b"), K1, "Unhealthy"), row(`/subscriptions/${S2}`, K1, "Unhealthy")],
      exemptions: [{ name: "team", recs: [K1], scopes: [MG("TEAM")] }, { name: "org", recs: [K1], scopes: [MG("Org")] }],
    });
    // a: team (nearest) beats org; b and the subscription-level assessment of S2: org.
    expect(na(r)).toEqual([[vm(S1, "a"), K1, "team"], [vm(S2, "b"), K1, "org"], [`/subscriptions/${S2}`, K1, "org"]].sort());
  });
});

describe("precedence", () => {
  it("global, else resource, then group, subscription, nearest management group; ties by name", async () => {
    const rows = [row(vm(S1, "a"), K1, "Unhealthy")];
    const all: ExemptionSpec[] = [
      { name: "m-root", recs: [K1], scopes: [MG("root")] },
      { name: "m-team", recs: [K1], scopes: [MG("team")] },
      { name: "sub", recs: [K1], scopes: [`/subscriptions/${S1}`] },
      { name: "grp", recs: [K1], scopes: [rg(S1)] },
      { name: "res", recs: [K1], scopes: [vm(S1, "a")] },
    ];
    const winner = async (ex: ExemptionSpec[]) => (await run({ rows, exemptions: ex })).notApplicable.map((n) => n.exemption);
    expect(await winner(all)).toEqual(["res"]);
    expect(await winner(all.slice(0, 4))).toEqual(["grp"]);
    expect(await winner(all.slice(0, 3))).toEqual(["sub"]);
    expect(await winner(all.slice(0, 2))).toEqual(["m-team"]);
    // One exemption naming the resource and its subscription: reported at the resource.
    const both = await run({ rows, exemptions: [{ name: "two-scopes", recs: [K1], scopes: [`/subscriptions/${S1}`, vm(S1, "a")] }] });
    expect(both.notApplicable.map((n) => n.scope)).toEqual([vm(S1, "a").toLowerCase()]);
  });
});

describe("statuses at --at", () => {
  it("a date means 00:00 UTC: at that instant expired, one second before in effect", async () => {
    const rows = [row(vm(S1, "a"), K1, "Unhealthy")];
    const exemptions = [{ name: "e", recs: [K1], scopes: [rg(S1)], expiresOn: "2026-11-22" }];
    const at = await run({ rows, exemptions, at: "2026-11-22T00:00:00Z" });
    expect(status(at)).toEqual({ e: "expired" });
    expect(at.notApplicable).toEqual([]);
    const before = await run({ rows, exemptions, at: "2026-11-21T23:59:59Z" });
    expect(status(before)).toEqual({ e: "in_effect" });
    expect(before.notApplicable).toHaveLength(1);
    // An offset is converted: 01:00+01:00 is 00:00Z.
    const offset = await run({ rows, exemptions: [{ ...exemptions[0]!, expiresOn: "2026-11-22T01:00:00+01:00" }], at: "2026-11-22T00:00:00Z" });
    expect(status(offset)).toEqual({ e: "expired" });
  });

  it("a global exemption suspends narrower ones on its recommendation whatever their age; they resume when it ends", async () => {
    const rows = [row(vm(S1, "a"), K1, "Unhealthy"), row(vm(S1, "a"), K2, "Unhealthy")];
    const narrow: ExemptionSpec = { name: "narrow", recs: [K1], scopes: [vm(S1, "a")], category: "mitigated" };
    const wide: ExemptionSpec = { name: "wide", recs: [K1, K2], scopes: [rg(S1)], category: "mitigated", justification: "alternate_mitigation" };
    const global: ExemptionSpec = { name: "everything", recs: [K1], scopes: ["global"], expiresOn: "2026-12-01" };
    const during = await run({ rows, exemptions: [narrow, wide, global] });
    expect(status(during)).toEqual({ narrow: "suspended", wide: "in_effect", everything: "in_effect" });
    expect(during.exemptions.find((e) => e.name === "wide")).toMatchObject({ suspendedOn: [K1], suspendedBy: ["everything"] });
    expect(na(during)).toEqual([[vm(S1, "a"), K1, "everything"], [vm(S1, "a"), K2, "wide"]]);
    // The global one is a waiver: K1 on a stays exposed; K2 is mitigated.
    expect(during.exposure).toEqual({ unhealthy: 2, exposedAfter: 1 });
    const after = await run({ rows, exemptions: [narrow, wide, global], at: "2026-12-01T00:00:00Z" });
    expect(status(after)).toEqual({ narrow: "in_effect", wide: "in_effect", everything: "expired" });
    expect(na(after)).toEqual([[vm(S1, "a"), K1, "narrow"], [vm(S1, "a"), K2, "wide"]]);
    expect(after.exposure).toEqual({ unhealthy: 2, exposedAfter: 0 });
    const canceled = await run({ rows, exemptions: [narrow, wide, { ...global, status: "canceled" }] });
    expect(status(canceled)).toEqual({ narrow: "in_effect", wide: "in_effect", everything: "canceled" });
  });
});

describe("score, drift, states", () => {
  it("per subscription and overall, before and after; drift is reported and not scored as healthy", async () => {
    const r = await run({
      rows: [
        row(vm(S1, "a"), K1, "Unhealthy"),
        row(vm(S1, "b"), K1, "Healthy"),
        row(vm(S2, "c"), K1, "Unhealthy"),
        row(vm(S2, "c"), K2, "NotApplicable", "Exempt"),
        row(vm(S2, "d"), K2, "Healthy"),
        row(vm(S2, "d"), K3, "Unhealthy"),
      ],
      exemptions: [{ name: "a", recs: [K1], scopes: [vm(S1, "a")] }, { name: "d", recs: [K3], scopes: [vm(S2, "d")] }],
    });
    // Before: c1 1 of 3 → 3.33/10; c2 d healthy → 6/6; c3 d unhealthy → 0/4. 9.33/20 = 0.4665.
    // After: c1 b healthy, c unhealthy → 5/10; c2 6/6; c3 none → max 0. 11/16 = 0.6875.
    expect(r.secureScore.before).toEqual({ current: 9.33, max: 20, percentage: 0.4665 });
    expect(r.secureScore.after).toEqual({ current: 11, max: 16, percentage: 0.6875 });
    // S1: c1 1/2 → 5/10 before, 10/10 after. S2: c1 0/10, c2 6/6, c3 0/4 → 6/20; after c3 gone → 6/16.
    expect(r.subscriptions.map((s) => [s.id, s.before, s.after])).toEqual([
      [S1, { current: 5, max: 10, percentage: 0.5 }, { current: 10, max: 10, percentage: 1 }],
      [S2, { current: 6, max: 20, percentage: 0.3 }, { current: 6, max: 16, percentage: 0.375 }],
    ]);
    expect(r.drift.map((d) => [d.resourceId, d.assessmentKey])).toEqual([[vm(S2, "c"), K2]]);
    expect(r.recommendations.map((x) => [x.assessmentKey, x.state])).toEqual([[K1, "partial_exception"], [K2, "active"], [K3, "full_exception"]]);
  });
});

describe("only built-in recommendations", () => {
  it("an exemption of a custom recommendation is denied and changes nothing in the score", async () => {
    const r = await run({
      rows: [row(vm(S1, "a"), K1, "Unhealthy"), row(vm(S1, "b"), K1, "Healthy")],
      metadata: { [K1]: "CustomPolicy" },
      exemptions: [{ name: "x", recs: [K1], scopes: [vm(S1, "a")] }],
    });
    expect(r.validation.deny.map((d) => [d.file, d.line, d.field])).toEqual([["exemptions/x.yaml", 3, "recommendations"]]);
    expect(r.notApplicable).toEqual([]);
    expect(r.exemptions.map((e) => e.matched)).toEqual([0]);
    expect(r.secureScore.after).toEqual(r.secureScore.before);
  });
});

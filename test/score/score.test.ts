import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IssueLog, parseControls, type AssessmentStatus, type ControlDefinition } from "../../engine/inputs/index.js";
import { ScoreAccumulator, controlScore, overallScore, RecommendationTally } from "../../engine/score/index.js";

const S1 = "11111111-1111-1111-1111-111111111111";
const S2 = "22222222-2222-2222-2222-222222222222";
const K1 = "aaaaaaaa-0000-0000-0000-000000000001";
const K2 = "aaaaaaaa-0000-0000-0000-000000000002";
const K3 = "aaaaaaaa-0000-0000-0000-000000000003";
const vm = (sub: string, name: string) => `/subscriptions/${sub}/resourcegroups/rg/providers/microsoft.compute/virtualmachines/${name}`;

function control(id: string, maxScore: number, keys: string[]): ControlDefinition {
  return { id, displayName: `control ${id}`, maxScore, assessmentKeys: keys };
}

type Row = [resource: string, key: string, before: AssessmentStatus, after?: AssessmentStatus];
function score(controls: ControlDefinition[], rows: Row[]) {
  const acc = new ScoreAccumulator(controls);
  for (const [r, k, b, a] of rows) acc.add(r.toLowerCase(), k, b, a ?? b);
  return acc.result();
}

describe("secure score (hand-computed)", () => {
  it("one control: 2 healthy, 1 unhealthy of max 10 → 6.67; exempting the unhealthy one → 10", () => {
    const r = score([control("c1", 10, [K1])], [
      [vm(S1, "a"), K1, "Healthy"],
      [vm(S1, "b"), K1, "Healthy"],
      [vm(S1, "c"), K1, "Unhealthy", "NotApplicable"],
    ]);
    // 10 × 2/3 = 6.666… → 6.67; 6.67/10 = 0.667
    expect(r.controls[0]!.before).toEqual({ healthy: 2, unhealthy: 1, notApplicable: 0, current: 6.67, max: 10, percentage: 0.667 });
    expect(r.controls[0]!.after).toEqual({ healthy: 2, unhealthy: 0, notApplicable: 1, current: 10, max: 10, percentage: 1 });
    expect(r.secureScore).toEqual({ before: { current: 6.67, max: 10, percentage: 0.667 }, after: { current: 10, max: 10, percentage: 1 } });
  });

  it("a resource unhealthy on one of its two assessments is unhealthy for the control", () => {
    const r = score([control("c1", 4, [K1, K2])], [
      [vm(S1, "a"), K1, "Healthy"],
      [vm(S1, "a"), K2, "Unhealthy"],
      [vm(S1, "b"), K1, "Healthy"],
      [vm(S1, "b"), K2, "Healthy"],
    ]);
    // resources: a unhealthy, b healthy → 4 × 1/2 = 2
    expect(r.controls[0]!.before).toMatchObject({ healthy: 1, unhealthy: 1, current: 2, max: 4, percentage: 0.5 });
  });

  it("exempting one of two unhealthy assessments of a resource leaves it unhealthy; NA ones are ignored", () => {
    const r = score([control("c1", 4, [K1, K2])], [
      [vm(S1, "a"), K1, "Unhealthy", "NotApplicable"],
      [vm(S1, "a"), K2, "Unhealthy"],
      [vm(S1, "b"), K1, "NotApplicable"],
      [vm(S1, "b"), K2, "Healthy"],
    ]);
    expect(r.controls[0]!.after).toMatchObject({ healthy: 1, unhealthy: 1, current: 2 });
  });

  it("a control whose resources all become not applicable counts with max 0", () => {
    const r = score([control("A", 6, [K1]), control("B", 4, [K2])], [
      [vm(S1, "a"), K1, "Unhealthy", "NotApplicable"],
      [vm(S1, "b"), K1, "Unhealthy", "NotApplicable"],
      [vm(S1, "a"), K2, "Healthy"],
    ]);
    // before: A 0/6, B 4/4 → 4/10 = 0.4; after: A drops out (max 0) → 4/4 = 1
    expect(r.controls[0]!.after).toEqual({ healthy: 0, unhealthy: 0, notApplicable: 2, current: 0, max: 0, percentage: 0 });
    expect(r.secureScore.before).toEqual({ current: 4, max: 10, percentage: 0.4 });
    expect(r.secureScore.after).toEqual({ current: 4, max: 4, percentage: 1 });
  });

  it("resource IDs differing only in case are one resource", () => {
    const r = score([control("c1", 3, [K1, K2])], [
      ["/subscriptions/" + S1.toUpperCase() + "/resourceGroups/RG/providers/Microsoft.Compute/virtualMachines/VM1", K1, "Unhealthy"],
      [vm(S1, "vm1"), K2, "Healthy"],
      [vm(S1, "vm2"), K1, "Healthy"],
    ]);
    // vm1 (both spellings) unhealthy, vm2 healthy → 3 × 1/2 = 1.5
    expect(r.controls[0]!.before).toMatchObject({ healthy: 1, unhealthy: 1, current: 1.5 });
    expect(r.subscriptions.map((s) => s.id)).toEqual([S1]);
  });

  it("scores each subscription on its own and the tenant over all resources", () => {
    const r = score([control("c1", 10, [K1]), control("c2", 5, [K3])], [
      [vm(S1, "a"), K1, "Healthy"],
      [vm(S2, "b"), K1, "Unhealthy"],
      [vm(S2, "c"), K1, "Unhealthy"],
      [vm(S2, "c"), K3, "Healthy"],
    ]);
    // S1: c1 10/10, c2 none → 10/10 = 1. S2: c1 0/10, c2 5/5 → 5/15 = 0.3333.
    // Tenant: c1 10 × 1/3 = 3.33, c2 5 → 8.33/15 = 0.5553
    expect(r.subscriptions).toEqual([
      { id: S1, before: { current: 10, max: 10, percentage: 1 }, after: { current: 10, max: 10, percentage: 1 } },
      { id: S2, before: { current: 5, max: 15, percentage: 0.3333 }, after: { current: 5, max: 15, percentage: 0.3333 } },
    ]);
    expect(r.secureScore.before).toEqual({ current: 8.33, max: 15, percentage: 0.5553 });
  });

  it("reproduces every control score of Azure's REST example from its resource counts", () => {
    const file = join(import.meta.dirname, "../../../shared/azure/security/stable/2020-01-01/examples/secureScores/ListSecureScoreControlsForNameWithExpand_builtin_example.json");
    const doc = JSON.parse(readFileSync(file, "utf8"));
    const log = new IssueLog();
    const controls = parseControls(doc, file, log);
    expect(log.total).toBe(0);
    expect(controls).toHaveLength(12);
    for (const item of doc.responses["200"].body.value) {
      const p = item.properties;
      const def = controls.find((c) => c.id === item.name)!;
      const s = controlScore(def.maxScore, { healthy: p.healthyResourceCount, unhealthy: p.unhealthyResourceCount, notApplicable: p.notApplicableResourceCount });
      expect({ name: p.displayName, ...s }).toMatchObject({ name: p.displayName, max: p.score.max, current: p.score.current, percentage: p.score.percentage });
    }
  });

  it("overall is 0 when no control has a max", () => {
    expect(overallScore([])).toEqual({ current: 0, max: 0, percentage: 0 });
  });
});

describe("recommendation state and exposure", () => {
  it("active, partial and full exception; only mitigation-like justifications remove exposure", () => {
    const t = new RecommendationTally();
    const waiver = { justification: "risk_accepted" };
    const mitigated = { justification: "third_party_control" };
    t.add(K1, "Unhealthy", null, waiver);
    t.add(K1, "Unhealthy", null, mitigated);
    t.add(K1, "NotApplicable", "OffByPolicy", null); // not counted
    t.add(K2, "Unhealthy", null, mitigated);
    t.add(K2, "Healthy", null, null);
    t.add(K3, "Unhealthy", null, null);
    t.touch("bbbbbbbb-0000-0000-0000-000000000000");
    expect(t.result()).toEqual([
      { assessmentKey: K1, state: "full_exception", assessments: 2, excepted: 2, unhealthy: 2, exposedAfter: 1 },
      { assessmentKey: K2, state: "partial_exception", assessments: 2, excepted: 1, unhealthy: 1, exposedAfter: 0 },
      { assessmentKey: K3, state: "active", assessments: 1, excepted: 0, unhealthy: 1, exposedAfter: 1 },
      { assessmentKey: "bbbbbbbb-0000-0000-0000-000000000000", state: "active", assessments: 0, excepted: 0, unhealthy: 0, exposedAfter: 0 },
    ]);
  });
});

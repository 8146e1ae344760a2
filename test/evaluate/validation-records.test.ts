// Expired and canceled files are kept as records (DESIGN.md §1, README: an expired file only
// warns, a canceled one never does). Facts that change after the fact must not turn a record into
// an error: the subscription deleted from the tree, the management group removed, the
// recommendation's metadata changed. The rules about the file itself (justification vs category)
// still hold for every file.
import { describe, expect, it } from "vitest";
import { PolicyEngine } from "../../engine/evaluate/engine.js";
import type { PolicyScope, ValidationExemption } from "../../engine/evaluate/types.js";
import { loadPolicyRunner } from "../../engine/evaluate/wasm-runner.js";
import { interpreterRunner } from "./support/interp-runner.js";

const K = "aaaaaaaa-0000-0000-0000-000000000001";
const SUB_ID = "11111111-1111-1111-1111-111111111111";
const SUB = `/subscriptions/${SUB_ID}`;
const MG = "/providers/microsoft.management/managementgroups/gone";
const AT = Date.UTC(2026, 10, 22);
const DAY = 86_400_000;

const subScope: PolicyScope = { key: SUB, level: "subscription", ancestors: [], subscription: SUB_ID, management_group: null };
const mgScope: PolicyScope = { key: MG, level: "managementGroup", ancestors: [], subscription: null, management_group: "gone" };

function vex(name: string, more: Partial<ValidationExemption>): ValidationExemption {
  return { name, file: `exemptions/${name}.yaml`, recommendations: [K], scopes: [subScope], category: "waiver", justification: "risk_accepted", expires_ms: AT + 30 * DAY, status: "active", ...more };
}

// The tree and metadata of today: the subscription and the group are gone, the recommendation is custom.
const TREE = { subscriptions: { "22222222-2222-2222-2222-222222222222": true as const }, management_groups: { root: true as const } };
const METADATA = { [K]: { assessment_type: "CustomPolicy", display_name: null } };

const backends: [string, () => Promise<PolicyEngine | null>][] = [
  ["interpreter", async () => {
    const r = await interpreterRunner();
    return r ? new PolicyEngine(r) : null;
  }],
];
backends.push(["wasm", async () => new PolicyEngine(await loadPolicyRunner())]);

for (const [backend, load] of backends) {
  describe(`validation policy: records (${backend})`, () => {
    it("a canceled or expired file is not denied for a scope that left the tree or a recommendation that is no longer built in", async () => {
      const engine = await load();
      if (!engine) throw new Error(`${backend} back end not available`);
      const files = [
        vex("canceled-sub", { status: "canceled" }),
        vex("expired-mg", { scopes: [mgScope], expires_ms: AT - DAY }),
      ];
      const r = await engine.validate({ at_ms: AT, exemptions: files, metadata: METADATA, tree: TREE });
      expect(r.deny).toEqual([]);
      expect(r.warn).toEqual([]);
    });

    it("the same facts still deny a file in effect; a record whose justification disagrees with its category is still denied", async () => {
      const engine = await load();
      if (!engine) throw new Error(`${backend} back end not available`);
      const r = await engine.validate({
        at_ms: AT,
        exemptions: [vex("live", { scopes: [subScope, mgScope] }), vex("bad-record", { status: "canceled", justification: "third_party_control" })],
        metadata: METADATA,
        tree: TREE,
      });
      expect(r.deny.map((d) => [d.name, d.field]).sort()).toEqual([
        ["bad-record", "justification"],
        ["live", "recommendations"],
        ["live", "scopes"],
        ["live", "scopes"],
      ]);
    });
  });
}

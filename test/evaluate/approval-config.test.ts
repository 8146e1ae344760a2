// The example config drives the approval and validation policies as its comments say (DESIGN.md
// §3: global or management group scope needs the security leads, waivers longer than 90 days the
// risk owners; limits from the config, not from code).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../engine/evaluate/config.js";
import { PolicyEngine } from "../../engine/evaluate/engine.js";
import type { PolicyScope, ValidationExemption } from "../../engine/evaluate/types.js";
import { loadPolicyRunner } from "../../engine/evaluate/wasm-runner.js";
import { interpreterRunner } from "./support/interp-runner.js";

const K = "aaaaaaaa-0000-0000-0000-000000000001";
const SUB_ID = "11111111-1111-1111-1111-111111111111";
const SUB = `/subscriptions/${SUB_ID}`;
const AT = Date.UTC(2026, 10, 22);
const DAY = 86_400_000;

const parsed = parseConfig(readFileSync(join(import.meta.dirname, "../../policies/config.example.yaml"), "utf8"), "config.example.yaml");
if (!parsed.ok) throw new Error(parsed.message);
const CONFIG = parsed.config;

const scope = (key: string, level: PolicyScope["level"], ancestors: string[] = []): PolicyScope => ({
  key, level, ancestors,
  subscription: level === "global" || level === "managementGroup" ? null : SUB_ID,
  management_group: level === "managementGroup" ? key.split("/").pop()! : null,
});
const subScope = scope(SUB, "subscription");
const mgScope = scope("/providers/microsoft.management/managementgroups/prod", "managementGroup");
const vex = (name: string, more: Partial<ValidationExemption> = {}): ValidationExemption => ({
  name, file: `exemptions/${name}.yaml`, recommendations: [K], scopes: [subScope], category: "waiver", justification: "risk_accepted",
  expires_ms: AT + 30 * DAY, status: "active", ...more,
});

const backends: [string, () => Promise<PolicyEngine | null>][] = [
  ["interpreter", async () => {
    const r = await interpreterRunner(CONFIG);
    return r ? new PolicyEngine(r) : null;
  }],
];
backends.push(["wasm", async () => new PolicyEngine(await loadPolicyRunner({ config: CONFIG }))]);

for (const [backend, load] of backends) {
  describe(`the example config in the policies (${backend})`, () => {
    it("approval: groups per scope level and waiver length, on both sides of a change", async () => {
      const engine = (await load())!;
      const groups = async (before: ValidationExemption | null, after: ValidationExemption | null) => {
        const r = await engine.approve(AT, [{ kind: before && after ? "modified" : before ? "removed" : "added", name: "x", before, after }]);
        return r.groups;
      };
      expect(await groups(null, vex("x"))).toEqual(["security-reviewers"]);
      // Exactly 90 days is not longer than 90; one day more is.
      expect(await groups(null, vex("x", { expires_ms: AT + 90 * DAY }))).toEqual(["security-reviewers"]);
      expect(await groups(null, vex("x", { expires_ms: AT + 91 * DAY }))).toEqual(["risk-owners", "security-reviewers"]);
      expect(await groups(null, vex("x", { scopes: [mgScope] }))).toEqual(["security-leads", "security-reviewers"]);
      expect(await groups(null, vex("x", { scopes: [scope("global", "global")], category: "mitigated", justification: "false_positive", expires_ms: null }))).toEqual(["global-admins", "security-leads", "security-reviewers"]);
      // Canceling a global exemption needs the global administrators too; a mitigated one may be open-ended.
      const global = vex("x", { scopes: [scope("global", "global")], category: "mitigated", justification: "third_party_control", expires_ms: null });
      expect(await groups(global, { ...global, status: "canceled" })).toEqual(["global-admins", "security-leads", "security-reviewers"]);
      // Narrowing a management group waiver to a subscription still needs the broad-scope group.
      expect(await groups(vex("x", { scopes: [mgScope] }), vex("x"))).toEqual(["security-leads", "security-reviewers"]);
    });

    it("validation: waiver limit 365 days, mitigated 730, nested scopes only warned (overlap: warn)", async () => {
      const engine = (await load())!;
      const r = await engine.validate({
        at_ms: AT,
        exemptions: [
          vex("w365", { expires_ms: AT + 365 * DAY }),
          vex("w366", { recommendations: ["bbbbbbbb-0000-0000-0000-000000000001"], expires_ms: AT + 366 * DAY }),
          vex("m730", { recommendations: ["bbbbbbbb-0000-0000-0000-000000000002"], category: "mitigated", justification: "alternate_mitigation", expires_ms: AT + 730 * DAY }),
          vex("m731", { recommendations: ["bbbbbbbb-0000-0000-0000-000000000003"], category: "mitigated", justification: "alternate_mitigation", expires_ms: AT + 731 * DAY }),
          vex("m-open", { recommendations: ["bbbbbbbb-0000-0000-0000-000000000004"], category: "mitigated", justification: "alternate_mitigation", expires_ms: null }),
          vex("inner", { scopes: [scope(`${SUB}/resourcegroups/rg`, "resourceGroup", [SUB])] }),
        ],
        metadata: null,
        tree: null,
      });
      expect(r.deny.map((d) => d.name)).toEqual(["m731", "w366"]);
      expect(r.warn.map((d) => d.name)).toEqual(["inner"]);
    });
  });
}

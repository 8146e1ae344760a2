// Only built-in recommendations can be exempted (DESIGN.md §1): besides the validation denial, the
// decision policy must not let an exemption make a custom recommendation's assessment not
// applicable, so the "after" score never shows what Azure would refuse to do.
import { describe, expect, it } from "vitest";
import { PolicyEngine } from "../../engine/evaluate/engine.js";
import { toDecisionExemption } from "../../engine/evaluate/policy-input.js";
import type { PolicyExemption } from "../../engine/evaluate/types.js";
import { loadPolicyRunner } from "../../engine/evaluate/wasm-runner.js";
import { parseScope, type Scope } from "../../engine/scope/index.js";
import type { Exemption } from "../../engine/exemptions/types.js";
import type { AssessmentMetadata } from "../../engine/inputs/metadata.js";
import { interpreterRunner } from "./support/interp-runner.js";

const BUILTIN = "aaaaaaaa-0000-0000-0000-000000000001";
const CUSTOM = "aaaaaaaa-0000-0000-0000-000000000002";
const UNKNOWN = "aaaaaaaa-0000-0000-0000-000000000003";
const SUB = "/subscriptions/11111111-1111-1111-1111-111111111111";
const AT = Date.UTC(2026, 10, 22);

const meta = (key: string, assessmentType: string): [string, AssessmentMetadata] => [key, { key, displayName: null, assessmentType, severity: null }];
const METADATA = new Map([meta(BUILTIN, "BuiltIn"), meta(CUSTOM, "CustomPolicy")]);

function exemption(recommendations: string[], scopes: Scope[]): Exemption {
  return {
    name: "x", displayName: "x", description: "d", recommendations, scopes, category: "waiver", justification: "risk_accepted",
    expiresOn: new Date(AT + 86_400_000), expiresOnText: null, owner: "o", ticket: null, status: "active", metadata: {}, file: "x.yaml",
  };
}
const sub = (): Scope => {
  const r = parseScope(SUB);
  if (!r.ok) throw new Error("scope");
  return r.scope;
};

describe("toDecisionExemption", () => {
  it("carries the metadata's assessment type of each recommendation it knows, and nothing without metadata", () => {
    const e = exemption([BUILTIN, CUSTOM.toUpperCase(), UNKNOWN], [sub()]);
    expect(toDecisionExemption(e, METADATA).assessment_types).toEqual({ [BUILTIN]: "BuiltIn", [CUSTOM]: "CustomPolicy" });
    expect(toDecisionExemption(e, null)).not.toHaveProperty("assessment_types");
  });
});

const backends: [string, () => Promise<PolicyEngine | null>][] = [
  ["interpreter", async () => {
    const r = await interpreterRunner();
    return r ? new PolicyEngine(r) : null;
  }],
];
backends.push(["wasm", async () => new PolicyEngine(await loadPolicyRunner())]);

for (const [backend, load] of backends) {
  describe(`decision policy: built-in recommendations only (${backend})`, () => {
    it("an exemption covers built-in and unknown recommendations, never one the metadata says is custom", async () => {
      const engine = await load();
      if (!engine) throw new Error(`${backend} back end not available`);
      const ex: PolicyExemption = toDecisionExemption(exemption([BUILTIN, CUSTOM, UNKNOWN], [sub()]), METADATA);
      const r = await engine.decide({
        at_ms: AT,
        exemptions: [ex],
        assessments: [BUILTIN, CUSTOM, UNKNOWN].map((key, i) => ({ id: String(i), key, chain: [SUB.toLowerCase()] })),
      });
      expect(Object.keys(r.decisions).sort()).toEqual(["0", "2"]);
      expect(r.exemption_status.x!.status).toBe("in_effect");
      // Without metadata nothing is known to be custom: every named recommendation is covered.
      const open = await engine.decide({ at_ms: AT, exemptions: [toDecisionExemption(exemption([CUSTOM], [sub()]), null)], assessments: [{ id: "0", key: CUSTOM, chain: [SUB.toLowerCase()] }] });
      expect(open.decisions["0"]!.exemption).toBe("x");
    });
  });
}

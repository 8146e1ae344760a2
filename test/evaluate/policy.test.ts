// The Rego policies of policies/, checked on hand-made cases. Each case runs through both back
// ends: the compiler's IR interpreter (parse → check → plan → interpret) and the compiled module
// in @open-policy-agent/opa-wasm — the way the product runs them.
import { describe, expect, it } from "vitest";
import { PolicyEngine } from "../../engine/evaluate/engine.js";
import type { PolicyExemption, ValidationExemption, PolicyScope } from "../../engine/evaluate/types.js";
import { loadPolicyRunner } from "../../engine/evaluate/wasm-runner.js";
import { interpreterRunner } from "./support/interp-runner.js";

const K = "aaaaaaaa-0000-0000-0000-000000000001";
const K2 = "aaaaaaaa-0000-0000-0000-000000000002";
const SUB = "/subscriptions/11111111-1111-1111-1111-111111111111";
const RG = `${SUB}/resourcegroups/rg`;
const RES = `${RG}/providers/microsoft.compute/virtualmachines/vm1`;
const mg = (n: string) => `/providers/microsoft.management/managementgroups/${n}`;
// vm1 in rg in SUB, SUB under team-a, under prod, under the tenant root
const CHAIN = [RES, RG, SUB, mg("team-a"), mg("prod"), mg("root")];
const DAY = 86_400_000;
const AT = Date.UTC(2026, 10, 22);

function ex(name: string, scopes: string[], more: Partial<PolicyExemption> = {}): PolicyExemption {
  return { name, recommendations: [K], scopes, category: "waiver", justification: "risk_accepted", expires_ms: AT + 30 * DAY, status: "active", ...more };
}

function scope(key: string, level: PolicyScope["level"], ancestors: string[] = []): PolicyScope {
  return { key, level, ancestors, subscription: level === "global" || level === "managementGroup" ? null : SUB.split("/")[2]!, management_group: level === "managementGroup" ? key.split("/").pop()! : null };
}

function vex(name: string, scopes: PolicyScope[], more: Partial<ValidationExemption> = {}): ValidationExemption {
  return { ...ex(name, []), file: `exemptions/${name}.yaml`, scopes, ...more };
}

const backends: [string, () => Promise<PolicyEngine | null>][] = [
  ["interpreter", async () => {
    const r = await interpreterRunner({ overlap: "warn", categories: { waiver: { max_days: 90 } } });
    return r ? new PolicyEngine(r) : null;
  }],
];
backends.push(["wasm", async () => new PolicyEngine(await loadPolicyRunner({ config: { overlap: "warn", categories: { waiver: { max_days: 90 } } } }))]);

for (const [backend, load] of backends) {
  const engine = await load().catch((e: Error) => {
    // A back end that cannot load the policies fails every test below with this reason.
    return e;
  });
  const get = (): PolicyEngine => {
    if (engine instanceof Error) throw engine;
    if (!engine) throw new Error(`${backend} back end not available`);
    return engine;
  };
  const decide = (exemptions: PolicyExemption[], chain = CHAIN, at = AT, key = K) =>
    get().decide({ at_ms: at, exemptions, assessments: [{ id: "a", key, chain }] });

  describe(`decision policy (${backend})`, () => {
    it("the most specific scope wins: resource, then group, subscription, nearest management group", async () => {
      const all = [ex("m-root", [mg("root")]), ex("m-prod", [mg("prod")]), ex("s", [SUB]), ex("g", [RG]), ex("r", [RES])];
      expect((await decide(all)).decisions.a).toMatchObject({ exemption: "r", scope: RES, status: "NotApplicable", cause: "Exempt", others: ["g", "m-prod", "m-root", "s"] });
      expect((await decide(all.slice(0, 4))).decisions.a!.exemption).toBe("g");
      expect((await decide(all.slice(0, 3))).decisions.a!.exemption).toBe("s");
      // Nested management groups: prod is nearer to the subscription than the root.
      expect((await decide(all.slice(0, 2))).decisions.a!.exemption).toBe("m-prod");
    });

    it("a management group outside the chain does not apply", async () => {
      const r = await decide([ex("other", [mg("team-b")])]);
      expect(r.decisions).toEqual({});
      expect(r.exemption_status.other!.status).toBe("in_effect");
    });

    it("a global exemption wins over any scope; ties at one scope go to the first name", async () => {
      expect((await decide([ex("r", [RES]), ex("z-global", ["global"])])).decisions.a!.exemption).toBe("z-global");
      expect((await decide([ex("b", [RG]), ex("a", [RG])])).decisions.a!.exemption).toBe("a");
    });

    it("expiry exactly at the evaluation time: expired and covering nothing; one ms later: in effect", async () => {
      const atExpiry = await decide([ex("e", [SUB], { expires_ms: AT })]);
      expect(atExpiry.decisions).toEqual({});
      expect(atExpiry.exemption_status.e!.status).toBe("expired");
      const before = await decide([ex("e", [SUB], { expires_ms: AT + 1 })]);
      expect(before.decisions.a!.exemption).toBe("e");
      expect(before.exemption_status.e!.status).toBe("in_effect");
      expect((await decide([ex("n", [SUB], { expires_ms: null })])).decisions.a!.exemption).toBe("n");
    });

    it("canceled exemptions cover nothing and say so", async () => {
      const r = await decide([ex("c", [RES], { status: "canceled" }), ex("s", [SUB])]);
      expect(r.decisions.a!.exemption).toBe("s");
      expect(r.exemption_status.c!.status).toBe("canceled");
    });

    it("a global exemption in effect suspends narrower ones on that recommendation only, and they resume when it expires", async () => {
      const narrow = ex("narrow", [RES], { recommendations: [K, K2] });
      const only = ex("only-k", [RG]);
      const global = ex("global-k", ["global"]);
      const r = await decide([narrow, only, global]);
      expect(r.exemption_status["only-k"]).toEqual({ status: "suspended", suspended_on: [K], suspended_by: ["global-k"] });
      expect(r.exemption_status.narrow).toEqual({ status: "in_effect", suspended_on: [K], suspended_by: ["global-k"] });
      expect(r.decisions.a!.exemption).toBe("global-k");
      // On K2 nothing global applies: the narrow exemption still covers it.
      expect((await decide([narrow, only, global], CHAIN, AT, K2)).decisions.a!.exemption).toBe("narrow");
      // The global one expired: the narrower ones resume.
      const later = await decide([narrow, only, { ...global, expires_ms: AT }]);
      expect(later.exemption_status["only-k"]!.status).toBe("in_effect");
      expect(later.decisions.a!.exemption).toBe("narrow");
    });

    it("answers a batch of assessments at once, keyed by their ids", async () => {
      const r = await get().decide({
        at_ms: AT,
        exemptions: [ex("g", [RG])],
        assessments: [
          { id: "0", key: K, chain: CHAIN },
          { id: "1", key: K2, chain: CHAIN },
          { id: "2", key: K, chain: [SUB] },
        ],
      });
      expect(Object.keys(r.decisions)).toEqual(["0"]);
    });
  });

  describe(`validation policy (${backend})`, () => {
    const validate = (exemptions: ValidationExemption[], extra: { metadata?: Record<string, { assessment_type: string; display_name: string | null }> | null; tree?: { subscriptions: Record<string, true>; management_groups: Record<string, true> } | null } = {}) =>
      get().validate({ at_ms: AT, exemptions, metadata: extra.metadata ?? null, tree: extra.tree ?? null });
    const subScope = scope(SUB, "subscription", [mg("team-a")]);

    it("accepts a valid set", async () => {
      expect(await validate([vex("ok", [subScope])])).toEqual({ deny: [], warn: [] });
    });

    it("denies a waiver without expiry, and one longer than the configured maximum (90 days here)", async () => {
      const r = await validate([vex("open", [subScope], { expires_ms: null }), vex("long", [subScope], { recommendations: [K2], expires_ms: AT + 91 * DAY }), vex("fine", [subScope], { recommendations: ["bbbbbbbb-0000-0000-0000-000000000000"], expires_ms: AT + 90 * DAY })]);
      expect(r.deny.map((d) => [d.name, d.field])).toEqual([["long", "expiresOn"], ["open", "expiresOn"]].sort());
      expect(r.deny.find((d) => d.name === "long")!.message).toMatch(/at most 90 days.*91/);
    });

    it("denies a justification that disagrees with the category", async () => {
      const r = await validate([vex("x", [subScope], { category: "waiver", justification: "third_party_control" })]);
      expect(r.deny).toEqual([{ name: "x", file: "exemptions/x.yaml", field: "justification", message: "justification third_party_control belongs to category mitigated, not waiver" }]);
    });

    it("denies recommendations that are not built in; warns about unknown ones", async () => {
      const r = await validate([vex("c", [subScope], { recommendations: [K, K2] })], { metadata: { [K]: { assessment_type: "CustomPolicy", display_name: null } } });
      expect(r.deny.map((d) => d.message)).toEqual([`recommendation ${K} is CustomPolicy, not BuiltIn: only built-in recommendations can be exempted`]);
      expect(r.warn.map((d) => d.message)).toEqual([`recommendation ${K2} is not in the assessment metadata`]);
    });

    it("denies the same recommendation and scope in two files, warns (per config) about nested scopes", async () => {
      const rgScope = scope(RG, "resourceGroup", [SUB, mg("team-a")]);
      const r = await validate([vex("a", [subScope]), vex("b", [subScope]), vex("c", [rgScope])]);
      expect(r.deny.map((d) => d.name)).toEqual(["a", "b"]);
      expect(r.warn.map((d) => [d.name, d.message])).toEqual([["c", `scope ${RG} lies inside scope ${SUB} of a for recommendation ${K}`], ["c", `scope ${RG} lies inside scope ${SUB} of b for recommendation ${K}`]]);
    });

    it("denies scopes outside the known tree", async () => {
      const tree = { subscriptions: { "22222222-2222-2222-2222-222222222222": true as const }, management_groups: { prod: true as const } };
      const r = await validate([vex("s", [subScope]), vex("m", [scope(mg("ghost"), "managementGroup")], { recommendations: [K2] })], { tree });
      expect(r.deny.map((d) => [d.name, d.message])).toEqual([
        ["m", "management group ghost is not in the tree"],
        ["s", `subscription 11111111-1111-1111-1111-111111111111 of scope ${SUB} is not in the tree`],
      ]);
    });
  });

  describe(`approval policy (${backend})`, () => {
    it("names the groups each change needs", async () => {
      const small = vex("small", [scope(RES, "resource")], { category: "mitigated", justification: "third_party_control", expires_ms: null });
      const broad = vex("broad", [scope(mg("prod"), "managementGroup")], { expires_ms: AT + 200 * DAY });
      const everywhere = vex("everywhere", [scope("global", "global")], { category: "mitigated", justification: "false_positive" });
      const r = await get().approve(AT, [
        { kind: "added", name: "small", before: null, after: small },
        { kind: "added", name: "broad", before: null, after: broad },
        { kind: "removed", name: "everywhere", before: everywhere, after: null },
      ]);
      const by = (name: string) => [...new Set(r.required.filter((q) => q.name === name).map((q) => q.group))].sort();
      expect(by("small")).toEqual(["security-reviewers"]);
      expect(by("broad")).toEqual(["risk-owners", "security-leads", "security-reviewers"]);
      expect(by("everywhere")).toEqual(["security-leads", "security-reviewers"]);
      expect(r.groups).toEqual(["risk-owners", "security-leads", "security-reviewers"]);
      // Each reason is listed: a global scope needs the global group and the broad-scope group.
      expect(r.required.filter((q) => q.name === "everywhere").map((q) => q.reason).sort()).toEqual(["global scope", "management group or global scope", "removed exemption"]);
    });
  });
}

describe("policy back ends", () => {
  it("at least the interpreter back end is present", () => {
    expect(backends.length).toBeGreaterThan(0);
  });
});

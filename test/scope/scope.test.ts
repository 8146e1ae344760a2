import { describe, expect, it } from "vitest";
import {
  GLOBAL_SCOPE,
  ancestry,
  isWithin,
  levelRank,
  mustParseScope,
  parentOf,
  parseScope,
  sameScope,
  sameScopeText,
} from "../../engine/scope/index.js";
import type { Scope, ScopeError } from "../../engine/scope/index.js";

const SUB = "20ff7fc3-e762-44dd-bd96-b71116dcdc23";
const RG = `/subscriptions/${SUB}/resourceGroups/myRg`;

function error(text: string): ScopeError {
  const r = parseScope(text);
  if (r.ok) throw new Error(`expected '${text}' to fail, got ${r.scope.id}`);
  return r.error;
}

describe("parseScope: every level", () => {
  it("global, in any case", () => {
    expect(parseScope("global")).toEqual({ ok: true, scope: GLOBAL_SCOPE });
    expect(mustParseScope("GLOBAL")).toBe(GLOBAL_SCOPE);
  });

  it("management group", () => {
    const s = mustParseScope("/providers/microsoft.management/MANAGEMENTGROUPS/DevOrg/");
    expect(s).toEqual({
      level: "managementGroup",
      id: "/providers/Microsoft.Management/managementGroups/DevOrg",
      key: "/providers/microsoft.management/managementgroups/devorg",
      managementGroup: "DevOrg",
    });
  });

  it("subscription (GUID lower-cased)", () => {
    const s = mustParseScope(`/Subscriptions/${SUB.toUpperCase()}`);
    expect(s).toEqual({ level: "subscription", id: `/subscriptions/${SUB}`, key: `/subscriptions/${SUB}`, subscriptionId: SUB });
  });

  it("resource group (name case kept in id, folded in key)", () => {
    const s = mustParseScope(`/subscriptions/${SUB}/resourcegroups/myRg`);
    expect(s).toMatchObject({ level: "resourceGroup", id: RG, key: RG.toLowerCase(), resourceGroup: "myRg", subscriptionId: SUB });
  });

  it("resource", () => {
    const s = mustParseScope(`${RG}/providers/Microsoft.Compute/virtualMachineScaleSets/vmss1`);
    expect(s).toMatchObject({ level: "resource", type: "Microsoft.Compute/virtualMachineScaleSets", name: "vmss1", resourceGroup: "myRg" });
  });

  it("nested child resources", () => {
    const s = mustParseScope(`${RG}/providers/Microsoft.Sql/servers/s1/databases/db1`);
    if (s.level !== "resource") throw new Error("level");
    expect(s.type).toBe("Microsoft.Sql/servers/databases");
    expect(s.name).toBe("db1");
    expect(s.segments.map((x) => `${x.type}/${x.name}`)).toEqual(["servers/s1", "databases/db1"]);
    const deep = mustParseScope(`${RG}/providers/Microsoft.ContainerRegistry/registries/myRegistry/repository/myRepo/imageDigest/c186fc44-3154-4ce2-ba18-b719d895c3b0`);
    expect(deep).toMatchObject({ type: "Microsoft.ContainerRegistry/registries/repository/imageDigest", name: "c186fc44-3154-4ce2-ba18-b719d895c3b0" });
  });

  it("extension resources (an assessment on a resource)", () => {
    const vmss = `${RG}/providers/Microsoft.Compute/virtualMachineScaleSets/vmss1`;
    const s = mustParseScope(`${vmss}/providers/Microsoft.Security/assessments/21300918-b2e3-0346-785f-c77ff57d243b`);
    expect(s).toMatchObject({ level: "resource", type: "Microsoft.Security/assessments", name: "21300918-b2e3-0346-785f-c77ff57d243b" });
    expect(s.id).toBe(`${vmss}/providers/Microsoft.Security/assessments/21300918-b2e3-0346-785f-c77ff57d243b`);
    expect(parentOf(s)?.id).toBe(vmss);
  });

  it("resources directly in a subscription", () => {
    const s = mustParseScope(`/subscriptions/${SUB}/providers/Microsoft.Security/pricings/VirtualMachines`);
    expect(s).toMatchObject({ level: "resource", resourceGroup: null, type: "Microsoft.Security/pricings" });
    expect(parentOf(s)?.level).toBe("subscription");
  });
});

describe("parseScope: malformed IDs say which part is wrong", () => {
  const cases: Array<[string, string, number, RegExp]> = [
    ["", "", 0, /the scope is empty/],
    ["subscriptions/x", "subscriptions/x", 0, /neither `global` nor an Azure ID/],
    [" /subscriptions/x", " /subscriptions/x", 0, /leading or trailing whitespace/],
    ["/", "/", 0, /'\/' alone is not a scope/],
    ["/subscriptions", "subscriptions", 1, /subscription ID is missing/],
    ["/subscriptions/not-a-guid", "not-a-guid", 15, /subscription ID 'not-a-guid' is not a GUID/],
    [`/subscriptions/${SUB}//resourceGroups/rg`, "", 52, /empty path segment/],
    [`/subscriptions/${SUB}/resourceGroupz/rg`, "resourceGroupz", 52, /unexpected 'resourceGroupz' after the subscription ID/],
    [`/subscriptions/${SUB}/resourceGroups`, "resourceGroups", 52, /resource group name is missing/],
    [`/subscriptions/${SUB}/resourceGroups/bad*name`, "bad*name", 67, /resource group name 'bad\*name' is malformed/],
    [`/subscriptions/${SUB}/resourceGroups/ends.`, "ends.", 67, /resource group name 'ends\.' is malformed/],
    [`${RG}/virtualMachines/vm1`, "virtualMachines", 72, /unexpected 'virtualMachines'/],
    [`${RG}/providers/Compute/virtualMachines/vm1`, "Compute", 82, /namespace 'Compute' is malformed/],
    [`${RG}/providers/Microsoft.Compute`, "Microsoft.Compute", 82, /not followed by a resource type and name/],
    [`${RG}/providers/Microsoft.Sql/servers/s1/databases`, "databases", 107, /resource type 'databases' has no name/],
    ["/tenants/contoso", "tenants", 1, /unknown scope level 'tenants'/],
    ["/providers/Microsoft.Billing/billingAccounts/x", "Microsoft.Billing", 11, /unknown scope level: tenant-level namespace/],
    ["/providers/Microsoft.Management/groups/x", "groups", 32, /expected 'managementGroups'/],
    ["/providers/Microsoft.Management/managementGroups", "managementGroups", 32, /management group name is missing/],
    ["/providers/Microsoft.Management/managementGroups/a b", "a b", 49, /management group name 'a b' is malformed/],
    ["/providers/Microsoft.Management/managementGroups/mg/subscriptions/x", "subscriptions", 52, /unexpected 'subscriptions' after the management group name/],
    [`/subscriptions/${SUB}/resourceGroups/rg\u0007`, "rg\u0007", 67, /control character/],
  ];
  for (const [text, part, offset, message] of cases) {
    it(JSON.stringify(text), () => {
      const e = error(text);
      expect(e.message).toMatch(message);
      expect(e.part).toBe(part);
      expect(e.offset).toBe(offset);
      expect(e.input).toBe(text);
      expect(e.expected.length).toBeGreaterThan(0);
      // The offset points at the part in the input.
      if (part !== "" && offset > 0) expect(text.slice(offset, offset + part.length)).toBe(part);
    });
  }

  it("mustParseScope throws with the message", () => {
    expect(() => mustParseScope("/subscriptions/x")).toThrow(/not a GUID; expected a GUID/);
  });
});

describe("comparison", () => {
  it("is case-insensitive", () => {
    expect(sameScope(mustParseScope(RG), mustParseScope(RG.toUpperCase()))).toBe(true);
    expect(sameScopeText(`${RG}/providers/Microsoft.Sql/servers/S1`, `${RG.toLowerCase()}/PROVIDERS/microsoft.sql/SERVERS/s1`)).toBe(true);
    expect(sameScopeText(RG, `${RG}2`)).toBe(false);
    expect(sameScopeText(RG, "not an id")).toBe(false);
  });
});

describe("ancestry and containment", () => {
  const db = mustParseScope(`${RG}/providers/Microsoft.Sql/servers/s1/databases/db1`);
  const server = mustParseScope(`${RG}/providers/Microsoft.Sql/servers/s1`);
  const rg = mustParseScope(RG);
  const sub = mustParseScope(`/subscriptions/${SUB}`);
  const devOrg = mustParseScope("/providers/Microsoft.Management/managementGroups/DevOrg");
  const root = mustParseScope("/providers/Microsoft.Management/managementGroups/tenant-root");
  const chain = { managementGroupChain: ["DevOrg", "/providers/Microsoft.Management/managementGroups/tenant-root"] };

  it("walks a resource up to its subscription, then the given management group chain", () => {
    expect(ancestry(db).map((s) => s.id)).toEqual([db.id, server.id, rg.id, sub.id]);
    expect(ancestry(db, chain).map((s) => s.level)).toEqual(["resource", "resource", "resourceGroup", "subscription", "managementGroup", "managementGroup"]);
    expect(ancestry(devOrg, { managementGroupChain: ["tenant-root"] }).map((s) => s.key)).toEqual([devOrg.key, root.key]);
    expect(ancestry(GLOBAL_SCOPE, chain)).toEqual([GLOBAL_SCOPE]);
  });

  it("refuses a malformed management group chain", () => {
    expect(() => ancestry(sub, { managementGroupChain: ["bad name"] })).toThrow(/management group chain/);
  });

  it("answers 'is X within Y'", () => {
    const within = (x: Scope, y: Scope, withChain = false): boolean => isWithin(x, y, withChain ? chain : {});
    expect(within(db, db)).toBe(true);
    expect(within(db, server)).toBe(true);
    expect(within(db, rg)).toBe(true);
    expect(within(db, sub)).toBe(true);
    expect(within(db, devOrg)).toBe(false); // the tree is needed for management groups
    expect(within(db, devOrg, true)).toBe(true);
    expect(within(db, root, true)).toBe(true);
    expect(within(server, db)).toBe(false);
    expect(within(rg, mustParseScope(`${RG}2`))).toBe(false);
    expect(within(mustParseScope(`${RG}2/providers/Microsoft.Sql/servers/s1`), rg)).toBe(false);
    expect(within(mustParseScope(RG.toUpperCase()), rg)).toBe(true);
    expect(within(db, GLOBAL_SCOPE)).toBe(true);
    expect(within(GLOBAL_SCOPE, GLOBAL_SCOPE)).toBe(true);
    expect(within(GLOBAL_SCOPE, sub)).toBe(false);
  });

  it("ranks levels from broadest to narrowest", () => {
    const ranks = [GLOBAL_SCOPE, devOrg, sub, rg, db].map((s) => levelRank(s.level));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks).size).toBe(5);
  });
});

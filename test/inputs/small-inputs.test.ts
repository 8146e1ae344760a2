import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { IssueLog, loadControls, loadMetadata, loadTree } from "../../engine/inputs/index.js";

const AZURE = join(import.meta.dirname, "../../../shared/azure/security/stable");
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "small-inputs-"));
});

describe("loadTree", () => {
  it("reads subscription chains nearest first and management group rows; reports bad rows", async () => {
    const f = join(dir, "tree.jsonl");
    await writeFile(f, [
      { id: "/subscriptions/AAAA", type: "microsoft.resources/subscriptions", name: "prod", subscriptionId: "AAAA", properties: { managementGroupAncestorsChain: [{ name: "Team", displayName: "Team A" }, { name: "Org" }, { name: "root" }] } },
      { type: "microsoft.resources/subscriptions", subscriptionId: "BBBB", properties: {} },
      { type: "microsoft.resources/resourcegroups", name: "rg" },
      { type: "microsoft.management/managementgroups", name: "Lonely", properties: { displayName: "Lonely MG", details: { managementGroupAncestorsChain: [{ name: "root" }] } } },
    ].map((r) => JSON.stringify(r)).join("\n"));
    const log = new IssueLog();
    const tree = await loadTree(f, log);
    expect(tree.subscriptions.get("aaaa")).toEqual({ id: "aaaa", displayName: "prod", ancestors: ["team", "org", "root"] });
    expect(tree.managementGroups.get("team")).toEqual(["org", "root"]);
    expect(tree.managementGroups.get("lonely")).toEqual(["root"]);
    expect(tree.managementGroupNames.get("team")).toBe("Team A");
    expect(tree.skippedRows).toBe(1);
    expect(log.kept).toEqual([expect.objectContaining({ line: 2, field: "properties.managementGroupAncestorsChain" })]);
  });
});

describe("loadControls", () => {
  it("reads the $expand=definition list straight from Azure's example file", async () => {
    const log = new IssueLog();
    const controls = await loadControls(join(AZURE, "2020-01-01/examples/secureScores/ListSecureScoreControlsForNameWithExpand_builtin_example.json"), log);
    expect(log.total).toBe(0);
    const mfa = controls.find((c) => c.displayName === "Enable MFA")!;
    expect(mfa).toMatchObject({ id: "34a42fb3-e6db-409c-b56b-7b1db6b8aee0", maxScore: 10 });
    expect(mfa.assessmentKeys).toContain("94290b00-4d0c-d7b4-7cea-064a9554e681");
  });

  it("reads the control definitions list too, and reports a control without maxScore", async () => {
    const f = join(dir, "defs.json");
    await writeFile(f, JSON.stringify({ value: [
      { name: "C1", properties: { displayName: "One", maxScore: 3, assessmentDefinitions: [{ id: "/providers/Microsoft.Security/assessmentMetadata/K1" }] } },
      { name: "c2", properties: { displayName: "Two (not expanded)" } },
    ] }));
    const log = new IssueLog();
    expect(await loadControls(f, log)).toEqual([{ id: "c1", displayName: "One", maxScore: 3, assessmentKeys: ["k1"] }]);
    expect(log.kept).toEqual([expect.objectContaining({ index: 1, field: "properties.definition.properties.maxScore" })]);
  });

  it("reports a file that is not JSON", async () => {
    const f = join(dir, "bad.json");
    await writeFile(f, "{nope");
    const log = new IssueLog();
    expect(await loadControls(f, log)).toEqual([]);
    expect(log.kept[0]!.message).toMatch(/not valid JSON/);
  });
});

describe("loadMetadata", () => {
  it("reads assessment types from Azure's example (BuiltIn, CustomPolicy, CustomerManaged)", async () => {
    const log = new IssueLog();
    const m = await loadMetadata(join(AZURE, "2021-06-01/examples/AssessmentsMetadata/ListAssessmentsMetadata_example.json"), log);
    expect(log.total).toBe(0);
    expect([...m.values()].map((x) => [x.key, x.assessmentType])).toEqual([
      ["21300918-b2e3-0346-785f-c77ff57d243b", "BuiltIn"],
      ["bc303248-3d14-44c2-96a0-55f5c326b5fe", "CustomPolicy"],
      ["ca039e75-a276-4175-aebc-bcd41e4b14b7", "CustomerManaged"],
    ]);
  });
});

// `exempt new`: scaffolds a valid file, never overwrites, refuses what would be invalid.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseExemptionText } from "../../engine/exemptions/index.js";
import { KEY, SUB, snapshot, tempDir, validYaml, writeTree, removeTempDirs } from "../fixtures/exemptions/inputs.js";
import { ensureBuilt, runBin, runMain } from "./helpers.js";

afterAll(removeTempDirs);

const RG = `/subscriptions/${SUB}/resourceGroups/myRg`;
const BASE = [
  "new",
  "--name", "vmss-edr",
  "-r", KEY,
  "-s", RG,
  "--justification", "third_party_control",
  "--owner", "secops@contoso.com",
  "--description", "Endpoint protection is CrowdStrike Falcon.",
];

describe("exempt new", () => {
  it("writes exemptions/<name>.yaml with the $schema line, derived category, and validates it", async () => {
    const dir = tempDir();
    const r = await runMain([...BASE, "--expires", "90d", "--ticket", "SEC-1", "--display-name", "EDR: Falcon"], { cwd: dir });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toBe("created exemptions/vmss-edr.yaml\n");
    const text = readFileSync(join(dir, "exemptions", "vmss-edr.yaml"), "utf8");
    expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=\S+exemption\.schema\.json$/);
    const parsed = parseExemptionText(text, "vmss-edr.yaml");
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.exemption).toMatchObject({
      name: "vmss-edr",
      displayName: "EDR: Falcon",
      category: "mitigated",
      justification: "third_party_control",
      expiresOnText: "2027-02-20",
      ticket: "SEC-1",
      recommendations: [KEY],
    });
    expect(parsed.exemption!.scopes[0]!.id).toBe(RG);
  });

  it("normalises scope IDs and GUIDs it is given", async () => {
    const dir = tempDir();
    const argv = BASE.map((a) => (a === RG ? RG.toUpperCase().replace("RESOURCEGROUPS/MYRG", "resourcegroups/myRg") : a === KEY ? KEY.toUpperCase() : a));
    const r = await runMain(argv, { cwd: dir });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, "exemptions", "vmss-edr.yaml"), "utf8");
    expect(text).toContain(`- ${RG}\n`);
    expect(text).toContain(`- ${KEY}\n`);
  });

  it("refuses to overwrite an existing file, which stays byte for byte", async () => {
    const dir = writeTree(tempDir(), { "exemptions/vmss-edr.yaml": "# hand-written, keep\n" });
    const before = snapshot(dir);
    const r = await runMain(BASE, { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/exemptions\/vmss-edr\.yaml already exists; refusing to overwrite/);
    expect(snapshot(dir)).toEqual(before);
  });

  it("does not write a file that would clash with the existing set", async () => {
    const dir = writeTree(tempDir(), { "exemptions/team/other.yaml": validYaml("other", { scopes: `[${RG}]` }) });
    const before = snapshot(dir);
    const r = await runMain(BASE, { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not written: exemptions\/vmss-edr\.yaml would be invalid/);
    expect(r.err).toMatch(/already exempted by 'other'/);
    expect(snapshot(dir)).toEqual(before);
  });

  it("reports bad flag values against the flag, exit 2, nothing written", async () => {
    const dir = tempDir();
    const cases: Array<[string[], RegExp]> = [
      [["-s", "/subscriptions/nope"], /--scope '\/subscriptions\/nope': subscription ID 'nope' is not a GUID/],
      [["-r", "not-a-guid"], /--recommendation 'not-a-guid': expected an assessment key GUID/],
      [["--expires", "2027-02-30"], /--expires: '2027-02-30' is not a calendar date/],
      [["--expires", "3mo"], /--expires: '3mo' is not a duration/],
      [["--category", "waiver"], /--category waiver does not go with --justification third_party_control/],
      [["--name", "Bad_Name"], /--name 'Bad_Name': expected 1-64 characters/],
    ];
    for (const [extra, message] of cases) {
      const r = await runMain([...BASE, ...extra], { cwd: dir });
      expect(r.code, extra.join(" ")).toBe(2);
      expect(r.err, extra.join(" ")).toMatch(message);
    }
    expect(existsSync(join(dir, "exemptions"))).toBe(false);
  });

  it("missing required flags are usage errors", async () => {
    const r = await runMain(["new", "--name", "x"], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/required option/);
  });

  it("--stdout prints the file without writing it", async () => {
    const dir = tempDir();
    const r = await runMain([...BASE, "--stdout", "--schema", "https://example.invalid/exemption.schema.json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe("# yaml-language-server: $schema=https://example.invalid/exemption.schema.json");
    expect(existsSync(join(dir, "exemptions"))).toBe(false);
  });

  it("--stdout still checks the file against the set", async () => {
    const dir = writeTree(tempDir(), { "exemptions/other.yaml": validYaml("other", { scopes: `[${RG}]` }) });
    const r = await runMain([...BASE, "--stdout"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^# yaml-language-server/);
    expect(r.err).toMatch(/would be invalid as exemptions\/vmss-edr\.yaml/);
    expect(existsSync(join(dir, "exemptions", "vmss-edr.yaml"))).toBe(false);
  });

  describe("through the real bin", () => {
    beforeAll(() => ensureBuilt(), 120_000);

    it("writes a file that `exempt validate` accepts, with the schema path relative to it", () => {
      const dir = tempDir();
      const made = runBin([...BASE, "--dir", "exemptions/team"], dir);
      expect(made.err).toBe("");
      expect(made.code).toBe(0);
      const first = readFileSync(join(dir, "exemptions", "team", "vmss-edr.yaml"), "utf8").split("\n")[0]!;
      const ref = first.replace("# yaml-language-server: $schema=", "");
      expect(existsSync(join(dir, "exemptions", "team", ref))).toBe(true);
      const checked = runBin(["validate"], dir);
      expect(checked.code).toBe(0);
      expect(checked.out).toMatch(/valid: 1 file checked, 0 errors, 0 warnings/);
    });
  });
});

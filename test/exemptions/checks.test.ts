// The rules across files, the pipeline they run in, and the `at` parameter.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_CHECKS, diagnosticAt, fileStateAt, isValid, loadExemptions, parseExemptionText, validateParsed } from "../../engine/exemptions/index.js";
import type { ExemptionCheck } from "../../engine/exemptions/index.js";
import { KEY, SUB, tempDir, validYaml, writeTree, removeTempDirs } from "../fixtures/exemptions/inputs.js";

afterAll(removeTempDirs);

const AT = new Date("2026-11-22T10:00:00Z");
const parse = (file: string, text: string) => parseExemptionText(text, file);

describe("checks across files", () => {
  it("names must be unique", async () => {
    const r = await validateParsed([parse("a/dup.yaml", validYaml("dup")), parse("b/dup.yml", validYaml("dup", { scopes: "[global]" }))], AT);
    const d = r.diagnostics.filter((x) => x.code === "duplicate-name");
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ file: "b/dup.yml", line: 1, col: 7, field: "name" });
    expect(d[0]!.message).toMatch(/already used by a\/dup\.yaml:1:7/);
  });

  it("the file name must match the name", async () => {
    const r = await validateParsed([parse("exemptions/other.yaml", validYaml("mine"))], AT);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([["name-mismatch", 1, 7]]);
    expect(r.diagnostics[0]!.message).toMatch(/rename the file to 'mine\.yaml'/);
  });

  it("justification must agree with category, for every pair", async () => {
    const pairs: Array<[string, string, boolean]> = [
      ["third_party_control", "mitigated", true],
      ["alternate_mitigation", "mitigated", true],
      ["false_positive", "mitigated", true],
      ["risk_accepted", "waiver", true],
      ["planned_remediation", "waiver", true],
      ["business_need", "waiver", true],
      ["third_party_control", "waiver", false],
      ["false_positive", "waiver", false],
      ["risk_accepted", "mitigated", false],
      ["business_need", "mitigated", false],
    ];
    for (const [justification, category, ok] of pairs) {
      const r = await validateParsed([parse("j.yaml", validYaml("j", { justification, category }))], AT);
      expect(isValid(r), `${justification}/${category}`).toBe(ok);
      if (!ok) expect(r.diagnostics[0]).toMatchObject({ code: "category-mismatch", line: 8, col: 16 });
    }
  });

  const scopeA = `/subscriptions/${SUB}/resourceGroups/myRg`;
  const scopeAUpper = `/SUBSCRIPTIONS/${SUB.toUpperCase()}/RESOURCEGROUPS/MYRG`;

  it("the same recommendation and scope may not be exempted by two files in effect (case-insensitive)", async () => {
    const r = await validateParsed(
      [parse("one.yaml", validYaml("one", { scopes: `[${scopeA}]` })), parse("two.yaml", validYaml("two", { scopes: `\n  - ${scopeAUpper}` }))],
      AT,
    );
    expect(r.diagnostics.map((d) => [d.code, d.file, d.line, d.col])).toEqual([["duplicate-exemption", "two.yaml", 6, 5]]);
    expect(r.diagnostics[0]!.message).toMatch(new RegExp(`${KEY} on scope .* already exempted by 'one' \\(one\\.yaml:5:10\\)`));
  });

  it("a canceled or expired file does not count as a duplicate", async () => {
    for (const extra of [{ status: "canceled" }, { expiresOn: "2026-11-22T10:00:00Z" }]) {
      const r = await validateParsed(
        [parse("one.yaml", validYaml("one", { scopes: `[${scopeA}]`, ...extra })), parse("two.yaml", validYaml("two", { scopes: `[${scopeA}]` }))],
        AT,
      );
      expect(r.diagnostics.filter((d) => d.code === "duplicate-exemption"), JSON.stringify(extra)).toEqual([]);
    }
  });

  it("different scopes or recommendations are not duplicates, even when one scope contains the other", async () => {
    const r = await validateParsed(
      [parse("one.yaml", validYaml("one", { scopes: `[${scopeA}]` })), parse("two.yaml", validYaml("two", { scopes: `[/subscriptions/${SUB}]` }))],
      AT,
    );
    expect(r.diagnostics).toEqual([]);
  });

  it("an active file past its expiry is a warning, and valid; a canceled one is silent", async () => {
    const r = await validateParsed(
      [
        parse("old.yaml", validYaml("old", { expiresOn: "2026-06-30" })),
        parse("gone.yaml", validYaml("gone", { expiresOn: "2026-06-30", status: "canceled", scopes: "[global]" })),
      ],
      AT,
    );
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.file, d.line, d.col])).toEqual([["warning", "expired", "old.yaml", 9, 12]]);
    expect(isValid(r)).toBe(true);
  });

  it("is in effect strictly before expiresOn, judged at `at`", () => {
    const e = parse("x.yaml", validYaml("x", { expiresOn: "2027-03-01" })).exemption!;
    expect(fileStateAt(e, new Date("2027-02-28T23:59:59.999Z"))).toBe("in_effect");
    expect(fileStateAt(e, new Date("2027-03-01T00:00:00Z"))).toBe("expired");
    const canceled = parse("x.yaml", validYaml("x", { status: "canceled" })).exemption!;
    expect(fileStateAt(canceled, new Date("2020-01-01T00:00:00Z"))).toBe("canceled");
    const forever = parse("x.yaml", validYaml("x", { expiresOn: "" })).exemption!;
    expect(fileStateAt(forever, new Date("2999-01-01T00:00:00Z"))).toBe("in_effect");
  });

  it("files with errors of their own are left out of the cross-file checks", async () => {
    const r = await validateParsed([parse("a.yaml", validYaml("a")), parse("b.yaml", validYaml("a", { category: "nope" }))], AT);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["schema.enum"]);
  });
});

describe("the check pipeline", () => {
  it("runs an appended check with the valid files and `at`, and reports its findings in place", async () => {
    const seen: Array<{ names: string[]; at: string }> = [];
    const noLongWaivers: ExemptionCheck = {
      id: "policy",
      description: "test policy step",
      run: async (ctx) => {
        seen.push({ names: ctx.files.map((f) => f.exemption.name), at: ctx.at.toISOString() });
        return ctx.files
          .filter((f) => f.exemption.category === "waiver")
          .map((f) => diagnosticAt(f, "/expiresOn", "error", "policy.waiver-too-long", "waiver longer than allowed"));
      },
    };
    const r = await validateParsed(
      [parse("w.yaml", validYaml("w", { category: "waiver", justification: "risk_accepted" })), parse("m.yaml", validYaml("m", { scopes: "[global]" }))],
      AT,
      [...DEFAULT_CHECKS, noLongWaivers],
    );
    expect(seen).toEqual([{ names: ["w", "m"], at: AT.toISOString() }]);
    expect(r.diagnostics.map((d) => [d.code, d.file, d.line, d.col])).toEqual([["policy.waiver-too-long", "w.yaml", 9, 12]]);
  });

  it("a check that throws becomes an error diagnostic, not a crash", async () => {
    const broken: ExemptionCheck = { id: "broken", description: "throws", run: () => { throw new Error("boom"); } };
    const r = await validateParsed([parse("x.yaml", validYaml("x"))], AT, [broken]);
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([["check.crashed", "check 'broken' failed: boom"]]);
  });
});

describe("loadExemptions", () => {
  it("walks folders for .yaml and .yml, skips dot-folders and other files, in sorted order", async () => {
    const dir = writeTree(tempDir(), {
      "b/second.yml": validYaml("second", { scopes: "[global]" }),
      "a/first.yaml": validYaml("first"),
      "a/README.md": "# not an exemption",
      ".hidden/third.yaml": "not: even yaml: at all: [",
    });
    const r = await loadExemptions(["."], { at: AT, cwd: dir });
    expect(r.files.map((f) => f.file)).toEqual(["a/first.yaml", "b/second.yml"]);
    expect(r.diagnostics).toEqual([]);
  });

  it("reports missing paths separately", async () => {
    const dir = tempDir();
    const r = await loadExemptions(["nope", "also/nope.yaml"], { at: AT, cwd: dir });
    expect(r.missing).toEqual(["nope", "also/nope.yaml"]);
  });

  it("judges expiry at the given `at`, not the clock", async () => {
    const dir = writeTree(tempDir(), { "x.yaml": validYaml("x", { expiresOn: "2030-01-01" }) });
    const early = await loadExemptions([dir], { at: new Date("2029-12-31T23:59:59Z"), cwd: dir });
    const late = await loadExemptions([dir], { at: new Date("2030-01-01T00:00:00Z"), cwd: dir });
    expect(early.diagnostics).toEqual([]);
    expect(late.diagnostics.map((d) => d.code)).toEqual(["expired"]);
  });
});

describe("no hidden clock", () => {
  it("the core modules never read the current time: `at` is always passed in", () => {
    for (const dir of ["engine/exemptions", "engine/scope"]) {
      for (const name of readdirSync(dir)) {
        const source = readFileSync(join(dir, name), "utf8");
        expect(source, `${dir}/${name}`).not.toMatch(/Date\.now\(|new Date\(\)|performance\.now\(/);
      }
    }
  });
});

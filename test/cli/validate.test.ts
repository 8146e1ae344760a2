// `exempt validate`: exit codes, output formats, colour, and every bad input through the CLI.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BAD_INPUTS, snapshot, tempDir, validYaml, writeTree, removeTempDirs } from "../fixtures/exemptions/inputs.js";
import { ensureBuilt, runBin, runMain } from "./helpers.js";

afterAll(removeTempDirs);

const ESC = "\u001b[";

describe("exempt validate (real bin)", () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it("validates the bundled example set: exit 0", () => {
    const r = runBin(["validate", "exemptions/"], process.cwd());
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^valid: 12 files checked, 0 errors, 1 warning$/m);
    expect(r.out).not.toContain(ESC); // not a terminal: no colour
  });

  it("defaults to exemptions/ in the working directory", () => {
    const dir = writeTree(tempDir(), { "exemptions/a.yaml": validYaml("a") });
    const r = runBin(["validate"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/valid: 1 file checked/);
  });

  it("exits 1 with file:line:col for a bad file, and leaves it unchanged", () => {
    const dir = writeTree(tempDir(), { "exemptions/bad.yaml": validYaml("bad", { expiresOn: "2027-02-30" }) });
    const before = snapshot(dir);
    const r = runBin(["validate"], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain("exemptions/bad.yaml:9:12  error");
    expect(r.out).toMatch(/February 2027 has 28 days/);
    expect(snapshot(dir)).toEqual(before);
  });

  it("--help works on every command, exit 0", () => {
    for (const argv of [["--help"], ["validate", "--help"], ["new", "--help"], ["help", "validate"]]) {
      const r = runBin(argv, process.cwd());
      expect(r.code, argv.join(" ")).toBe(0);
      expect(r.out, argv.join(" ")).toMatch(/Usage: exempt/);
    }
  });

  it("usage errors exit 2", () => {
    expect(runBin(["validate", "--bogus"], process.cwd()).code).toBe(2);
    expect(runBin(["frobnicate"], process.cwd()).code).toBe(2);
    expect(runBin([], process.cwd()).code).toBe(2);
  });
});

describe("exempt validate (in process)", () => {
  it("every bad input exits 1 and names file:line:col", async () => {
    for (const bad of BAD_INPUTS) {
      const dir = writeTree(tempDir(), { [`exemptions/${bad.file}`]: bad.content });
      const before = snapshot(dir);
      const r = await runMain(["validate"], { cwd: dir });
      expect(r.code, bad.title).toBe(1);
      expect(r.out, bad.title).toContain(`exemptions/${bad.file}:${bad.line}:${bad.col}  error`);
      expect(r.out, bad.title).toContain(`[${bad.code}]`);
      expect(snapshot(dir), bad.title).toEqual(before);
    }
  });

  it("groups findings by file", async () => {
    const dir = writeTree(tempDir(), {
      "exemptions/a.yaml": validYaml("a", { category: "nope", owner: "" }),
      "exemptions/b.yaml": validYaml("wrong-name"),
    });
    const r = await runMain(["validate"], { cwd: dir });
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("exemptions/a.yaml");
    expect(lines.filter((l) => l.startsWith("  exemptions/a.yaml:"))).toHaveLength(2);
    const bHeader = lines.indexOf("exemptions/b.yaml");
    expect(bHeader).toBeGreaterThan(2);
    expect(lines[bHeader + 1]).toMatch(/^ {2}exemptions\/b\.yaml:1:7 {2}error/);
    expect(r.out).toMatch(/invalid: 2 files checked, 3 errors, 0 warnings/);
  });

  it("--format json gives the findings as data", async () => {
    const dir = writeTree(tempDir(), {
      "exemptions/good.yaml": validYaml("good"),
      "exemptions/bad.yaml": validYaml("bad", { scopes: "[/tenants/x]" }),
    });
    const r = await runMain(["validate", "--format", "json"], { cwd: dir });
    expect(r.code).toBe(1);
    const body = JSON.parse(r.out) as {
      valid: boolean;
      at: string;
      summary: { files: number; errors: number; warnings: number };
      files: Array<{ file: string; name: string | null; valid: boolean; diagnostics: Array<Record<string, unknown>> }>;
    };
    expect(body.valid).toBe(false);
    expect(body.at).toBe("2026-11-22T12:00:00.000Z");
    expect(body.summary).toEqual({ files: 2, errors: 1, warnings: 0 });
    expect(body.files.map((f) => [f.file, f.name, f.valid])).toEqual([
      ["exemptions/bad.yaml", null, false],
      ["exemptions/good.yaml", "good", true],
    ]);
    expect(body.files[0]!.diagnostics[0]).toMatchObject({ severity: "error", line: 5, col: 11, field: "scopes[0]", pointer: "/scopes/0", code: "scope.malformed" });
  });

  it("--at moves the clock for expiry", async () => {
    const dir = writeTree(tempDir(), { "exemptions/x.yaml": validYaml("x", { expiresOn: "2027-03-01" }) });
    const before = await runMain(["validate", "--at", "2027-02-28T23:00:00Z"], { cwd: dir });
    const after = await runMain(["validate", "--at", "2027-03-01"], { cwd: dir });
    expect(before.out).toMatch(/0 warnings/);
    expect(after.out).toMatch(/exemptions\/x\.yaml:9:12 {2}warning {2}expired on 2027-03-01/);
    expect(after.code).toBe(0);
  });

  it("bad --at, bad --format and missing paths are usage errors (2)", async () => {
    const dir = tempDir();
    const badAt = await runMain(["validate", "--at", "tomorrow"], { cwd: dir });
    expect(badAt.code).toBe(2);
    expect(badAt.err).toMatch(/--at: 'tomorrow' is not a date or time/);
    const badFormat = await runMain(["validate", "--format", "xml"], { cwd: dir });
    expect(badFormat.code).toBe(2);
    expect(badFormat.err).toMatch(/Allowed choices are human, json/);
    const missing = await runMain(["validate", "nowhere"], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no such file or folder: nowhere/);
  });

  it("uses colour only on a terminal, and never with NO_COLOR", async () => {
    const dir = writeTree(tempDir(), { "exemptions/x.yaml": validYaml("y") });
    expect((await runMain(["validate"], { cwd: dir, isTTY: true })).out).toContain(ESC);
    expect((await runMain(["validate"], { cwd: dir, isTTY: false })).out).not.toContain(ESC);
    expect((await runMain(["validate"], { cwd: dir, isTTY: true, env: { NO_COLOR: "1" } })).out).not.toContain(ESC);
  });

  it("does not let file contents put control characters on the terminal", async () => {
    const dir = writeTree(tempDir(), { "exemptions/x.yaml": `${validYaml("x")}"evil\\e[31mkey": 1\n` });
    const r = await runMain(["validate"], { cwd: dir, isTTY: false });
    expect(r.code).toBe(1);
    expect(r.out).not.toContain("\u001b");
    expect(r.out).toContain("evil\\u001b[31mkey");
  });

  it("an empty folder is valid, and says so", async () => {
    const dir = writeTree(tempDir(), { "exemptions/README.md": "nothing" });
    const r = await runMain(["validate"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/no exemption files/);
  });
});

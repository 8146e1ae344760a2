// Every bad input of issue 2: a clear error at file:line:col, no crash, no changed file.
import { symlinkSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isValid, loadExemptions } from "../../engine/exemptions/index.js";
import { BAD_INPUTS, aliasBomb, snapshot, tempDir, validYaml, writeTree, removeTempDirs } from "../fixtures/exemptions/inputs.js";

afterAll(removeTempDirs);

const AT = new Date("2026-11-22T00:00:00Z");

describe("bad inputs", () => {
  for (const bad of BAD_INPUTS) {
    it(`${bad.title}: ${bad.code} at ${bad.line}:${bad.col}`, async () => {
      const dir = writeTree(tempDir(), { [bad.file]: bad.content });
      const before = snapshot(dir);
      const result = await loadExemptions([dir], { at: AT, cwd: dir });
      expect(snapshot(dir)).toEqual(before);
      expect(isValid(result)).toBe(false);
      const found = result.diagnostics.find((d) => d.code === bad.code);
      expect(found, JSON.stringify(result.diagnostics, null, 1)).toBeDefined();
      expect(found!.severity).toBe("error");
      expect(found!.file).toBe(bad.file);
      expect(`${found!.line}:${found!.col}`).toBe(`${bad.line}:${bad.col}`);
      expect(found!.message).toMatch(bad.message);
      expect(result.exemptions).toHaveLength(0);
    });
  }

  it("the alias bomb fails fast (well under a second)", async () => {
    const dir = writeTree(tempDir(), { "bomb.yaml": aliasBomb(20) });
    const started = performance.now();
    const result = await loadExemptions([dir], { at: AT, cwd: dir });
    const elapsed = performance.now() - started;
    expect(result.diagnostics.map((d) => d.code)).toEqual(["yaml.alias"]);
    expect(elapsed).toBeLessThan(500);
  });

  it("__proto__ and constructor keys do not pollute prototypes", async () => {
    const dir = writeTree(tempDir(), {
      "a.yaml": "__proto__:\n  polluted: yes\n",
      "b.yaml": "metadata:\n  constructor:\n    prototype:\n      polluted: yes\n",
      "c.yaml": '{"__proto__": {"polluted": true}}\n',
    });
    const result = await loadExemptions([dir], { at: AT, cwd: dir });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["yaml.forbidden-key", "yaml.forbidden-key", "yaml.forbidden-key"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("a symlink that leaves the repository is refused, and its target is not read", async () => {
    const outside = writeTree(tempDir(), { "secret.yaml": validYaml("secret") });
    const repo = tempDir();
    mkdirSync(join(repo, ".git"));
    writeTree(repo, { "exemptions/ok.yaml": validYaml("ok") });
    symlinkSync(join(outside, "secret.yaml"), join(repo, "exemptions", "secret.yaml"));
    const result = await loadExemptions(["exemptions"], { at: AT, cwd: repo });
    expect(result.diagnostics).toHaveLength(1);
    const d = result.diagnostics[0]!;
    expect(d).toMatchObject({ code: "file.outside-repository", file: "exemptions/secret.yaml", line: 1, col: 1, severity: "error" });
    expect(d.message).toMatch(/is a symlink to .*secret\.yaml, which is outside the repository/);
    expect(result.exemptions.map((e) => e.name)).toEqual(["ok"]);
  });

  it("with --root, a path outside the root is refused", async () => {
    const repo = tempDir();
    const elsewhere = writeTree(tempDir(), { "x.yaml": validYaml("x") });
    const result = await loadExemptions([join(elsewhere, "x.yaml")], { at: AT, cwd: repo, root: repo });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["file.outside-repository"]);
    expect(result.diagnostics[0]!.message).toMatch(/^is outside the repository/);
  });

  it("a symlinked folder leaving the repository is refused too", async () => {
    const outside = writeTree(tempDir(), { "x.yaml": validYaml("x") });
    const repo = tempDir();
    mkdirSync(join(repo, ".git"));
    mkdirSync(join(repo, "exemptions"));
    symlinkSync(outside, join(repo, "exemptions", "linked"));
    const result = await loadExemptions(["exemptions"], { at: AT, cwd: repo });
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([["file.outside-repository", "exemptions/linked"]]);
  });

  it("symlinks inside the repository are followed, and a symlink loop ends", async () => {
    const repo = tempDir();
    mkdirSync(join(repo, ".git"));
    writeTree(repo, { "shared/inner.yaml": validYaml("inner"), "exemptions/keep.txt": "not yaml" });
    symlinkSync(join(repo, "shared"), join(repo, "exemptions", "shared"));
    symlinkSync(join(repo, "exemptions"), join(repo, "exemptions", "loop"));
    const result = await loadExemptions(["exemptions"], { at: AT, cwd: repo });
    expect(result.diagnostics).toEqual([]);
    expect(result.exemptions.map((e) => e.name)).toEqual(["inner"]);
  });

  it("a broken symlink is reported, not thrown", async () => {
    const dir = tempDir();
    symlinkSync(join(dir, "nowhere.yaml"), join(dir, "broken.yaml"));
    const result = await loadExemptions([dir], { at: AT, cwd: dir });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["file.broken-symlink"]);
  });

  it("one run reports every problem of a file, not only the first", async () => {
    const text = [
      "name: many",
      "description: x",
      "recommendations: [ not-a-guid ]",
      "scopes: [ /subscriptions/nope ]",
      "category: mitigate",
      "justification: third_party_control",
      "expiresOn: 2027-02-30",
      "owner: me",
      "tciket: SEC-1",
      "",
    ].join("\n");
    const dir = writeTree(tempDir(), { "many.yaml": text });
    const result = await loadExemptions([dir], { at: AT, cwd: dir });
    expect(result.diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual([
      "3:20 schema.pattern",
      "4:26 scope.malformed",
      "5:11 schema.enum",
      "7:12 expiry.malformed",
      "9:1 schema.unknown-field",
    ]);
    expect(result.diagnostics[4]!.message).toMatch(/did you mean `ticket`/);
  });

  it("reading a file never writes it (mode and bytes unchanged)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "ok.yaml"), validYaml("ok"), { mode: 0o444 });
    const before = snapshot(dir);
    const result = await loadExemptions([dir], { at: AT, cwd: dir });
    expect(result.diagnostics).toEqual([]);
    expect(snapshot(dir)).toEqual(before);
  });
});

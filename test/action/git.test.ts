// Exemption changes and trees read from real git repositories.
import { afterAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { changedExemptionFiles, materialize, mergeBase } from "../../action/git/changes.js";
import { tempRepo } from "./support/git-repo.js";

describe("git changes", () => {
  const repo = tempRepo();
  const out = mkdtempSync(join(tmpdir(), "exemptions-tree-"));
  afterAll(() => { repo.cleanup(); rmSync(out, { recursive: true, force: true }); });

  repo.write({
    "exemptions/a.yaml": "name: a\ndescription: the same long text so git sees a rename\n".repeat(5),
    "exemptions/b.yml": "name: b\n",
    "exemptions/notes.md": "not an exemption\n",
    "other/x.yaml": "name: x\n",
  });
  const base = repo.commit("base");
  repo.git("checkout", "-q", "-b", "pr");
  mkdirSync(join(repo.dir, "exemptions/sub"));
  repo.git("mv", "exemptions/a.yaml", "exemptions/sub/renamed a.yaml");
  repo.remove("exemptions/b.yml");
  repo.write({ "exemptions/new `file`.yaml": "name: new\n", "other/x.yaml": "name: changed\n" });
  symlinkSync("/etc/passwd", join(repo.dir, "exemptions/link.yaml"));
  const head = repo.commit("pr");
  repo.git("checkout", "-q", "main");
  repo.write({ "exemptions/main-only.yaml": "name: m\n" });
  const mainTip = repo.commit("main moves");

  it("lists the pull request's exemption files only, between the merge base and the head", async () => {
    const mb = await mergeBase(repo.dir, mainTip, head);
    expect(mb).toEqual({ ok: true, value: base });
    const changed = await changedExemptionFiles(repo.dir, base, head, "exemptions");
    expect(changed.ok && changed.value).toEqual([
      { kind: "deleted", path: "exemptions/b.yml" },
      { kind: "added", path: "exemptions/link.yaml" },
      { kind: "added", path: "exemptions/new `file`.yaml" },
      { kind: "renamed", path: "exemptions/sub/renamed a.yaml", oldPath: "exemptions/a.yaml" },
    ]);
  });

  it("writes a commit's exemption tree, without following symbolic links", async () => {
    const r = await materialize(repo.dir, head, "exemptions", out);
    expect(r.ok && r.value.sort()).toEqual(["exemptions/new `file`.yaml", "exemptions/notes.md", "exemptions/sub/renamed a.yaml"]);
    expect(readFileSync(join(out, "exemptions/new `file`.yaml"), "utf8")).toBe("name: new\n");
    expect(existsSync(join(out, "exemptions/link.yaml"))).toBe(false);
    expect(existsSync(join(out, "other"))).toBe(false);
  });

  it("explains a missing commit (shallow clone) instead of failing obscurely", async () => {
    const r = await mergeBase(repo.dir, "0".repeat(40), head);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/fetch-depth: 0/);
  });
});

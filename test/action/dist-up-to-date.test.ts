// dist/ is what GitHub runs (action.yml: main dist/index.js), so once it is committed it must be
// rebuilt from the sources in the same commit. Skipped while dist/ is not tracked yet.
import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const tracked = execFileSync("git", ["ls-files", "dist/index.js"], { cwd: root, encoding: "utf8" }).trim() !== "";

describe.runIf(tracked)("dist/", () => {
  it("is up to date with the sources (npm run bundle:check)", () => {
    const r = spawnSync(process.execPath, [join(root, "action/bundle.mjs"), "--check"], { cwd: root, encoding: "utf8" });
    expect(r.stderr + r.stdout).toContain("dist/ is up to date");
    expect(r.status).toBe(0);
  }, 240_000);
});

// `exempt validate` runs the organisation's Rego validation policy (policies/validation.rego,
// compiled to Wasm) after the schema and cross-file checks, with limits from --config.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runMain } from "./helpers.js";

const EXAMPLE = join(process.cwd(), "exemptions", "demo-clusters-access-review.yaml");
const NOW = new Date("2026-11-22T12:00:00Z");

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function repoWithWaiver(): { root: string; file: string } {
  const root = mkdtempSync(join(tmpdir(), "validate-policy-"));
  dirs.push(root);
  mkdirSync(join(root, ".git"));
  mkdirSync(join(root, "exemptions"));
  const file = join(root, "exemptions", "demo-clusters-access-review.yaml");
  copyFileSync(EXAMPLE, file);
  return { root, file };
}

describe("exempt validate with the Rego validation policy", () => {
  it("denies a waiver longer than the configured maximum, at the expiresOn line", async () => {
    const { root, file } = repoWithWaiver();
    writeFileSync(join(root, "config.yaml"), "categories:\n  waiver:\n    max_days: 30\n");
    const before = readFileSync(file);
    const run = await runMain(["validate", "exemptions", "--config", "config.yaml"], { cwd: root, now: NOW });
    expect(run.code).toBe(1);
    const line = readFileSync(file, "utf8").split("\n").findIndex((l) => l.startsWith("expiresOn:")) + 1;
    expect(run.out).toMatch(new RegExp(`demo-clusters-access-review\\.yaml:${line}:\\d+\\s+error\\s+a waiver may last at most 30 days`));
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("accepts the same file under the default limits, and skips the policy with --no-policy", async () => {
    const { root } = repoWithWaiver();
    writeFileSync(join(root, "config.yaml"), "categories:\n  waiver:\n    max_days: 30\n");
    const defaults = await runMain(["validate", "exemptions"], { cwd: root, now: NOW });
    expect(defaults.code).toBe(0);
    const skipped = await runMain(["validate", "exemptions", "--config", "config.yaml", "--no-policy"], { cwd: root, now: NOW });
    expect(skipped.code).toBe(0);
    expect(skipped.out).not.toContain("[policy]");
  });

  it("is a usage error (exit 2) when the config file is malformed", async () => {
    const { root } = repoWithWaiver();
    writeFileSync(join(root, "config.yaml"), "categories: [not, a, map\n");
    const run = await runMain(["validate", "exemptions", "--config", "config.yaml"], { cwd: root, now: NOW });
    expect(run.code).toBe(2);
    expect(run.err).toContain("config");
  });
});

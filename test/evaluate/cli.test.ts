// `exempt evaluate` as the CLI runs it (the command module registered on a program, output
// captured), on the example tenant.
import { join } from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { createEvaluateCommand, evaluateCommand, progressBar, progressWanted, type ProgressStream } from "../../engine/cli/commands/evaluate.js";
import type { CliIO } from "../../engine/cli/io.js";
import { UsageError } from "../../engine/cli/io.js";

const REPO = join(import.meta.dirname, "../..");

async function run(args: string[], command = evaluateCommand, env: Record<string, string> = {}) {
  let out = "";
  let err = "";
  let code = 0;
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), cwd: REPO, isTTY: false, env, now: () => new Date("2026-11-22T12:00:00Z") };
  const program = new Command("exempt").exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  command.register(program, { io, setExitCode: (c) => (code = c) });
  try {
    await program.parseAsync(["evaluate", ...args], { from: "user" });
  } catch (e) {
    if (e instanceof UsageError) return { out, err: e.message, code: 2 };
    throw e;
  }
  return { out, err, code };
}

const TENANT = ["--assessments", "engine/examples/tenant/assessments", "--tree", "engine/examples/tenant/tree.json", "--controls", "engine/examples/tenant/controls.json"];

describe("exempt evaluate", () => {
  it("prints the score delta first and the not-applicable resources, exit 0", async () => {
    const r = await run([...TENANT, "--config", "policies/config.example.yaml"]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toMatch(/^Secure score: .* → .* points\)$/);
    expect(r.out).toMatch(/Not applicable resources \(\d+\):/);
    expect(r.out).toContain("virtualMachineScaleSets/vmss1");
  });

  it("writes CSV and JSON", async () => {
    const csv = await run([...TENANT, "--format", "csv"]);
    expect(csv.out.split("\r\n")[0]).toBe("resourceId,assessmentKey,exemption,category,justification,scope,before");
    const json = JSON.parse((await run([...TENANT, "--format", "json", "--at", "2026-11-22"])).out);
    expect(json.at).toBe("2026-11-22T00:00:00.000Z");
  });

  it("exits 1 and lists the denial when the organisation's config forbids a waiver", async () => {
    const { mkdtemp, writeFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const dir = await mkdtemp(join(tmpdir(), "cli-config-"));
    const config = join(dir, "config.yaml");
    await writeFile(config, "categories:\n  waiver:\n    max_days: 30\n");
    const r = await run([...TENANT, "--config", config]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Denied:\n.*exemptions\/ddos-standard-devorg\.yaml:\d+:\d+: expiresOn: a waiver may last at most 30 days/);
  });

  it("a missing input is a usage error", async () => {
    const r = await run(["--assessments", "nope.json", "--tree", "x", "--controls", "y"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--assessments: no such file or folder: nope\.json/);
  });
});

/** A stand-in for standard error that records what is drawn on it. */
function fakeStderr(isTTY: boolean): ProgressStream & { text: string } {
  return { isTTY, columns: 100, text: "", write(t: string) { this.text += t; return true; } };
}

describe("exempt evaluate: progress bar", () => {
  it("draws nothing on a standard error that is not a terminal (a pipe or CI log)", async () => {
    const stderr = fakeStderr(false);
    const r = await run([...TENANT, "--format", "json", "--at", "2026-11-22"], createEvaluateCommand(stderr));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).at).toBe("2026-11-22T00:00:00.000Z");
    expect(stderr.text).toBe("");
  });

  it("is wanted only on a terminal, and not under CI or NO_COLOR", () => {
    expect(progressWanted(fakeStderr(true), {})).toBe(true);
    expect(progressWanted(fakeStderr(false), {})).toBe(false);
    expect(progressWanted(null, {})).toBe(false);
    expect(progressWanted(fakeStderr(true), { CI: "true" })).toBe(false);
    expect(progressWanted(fakeStderr(true), { CI: "false" })).toBe(true);
    expect(progressWanted(fakeStderr(true), { NO_COLOR: "1" })).toBe(false);
  });

  it("stays hidden during the first second, then draws the share of bytes read, and clears on stop", () => {
    const stderr = fakeStderr(true);
    let now = 0;
    const bar = progressBar(stderr, { delayMs: 1000, now: () => now });
    bar.onProgress({ bytesRead: 0, totalBytes: 4 * 1024 * 1024 });
    now = 999;
    bar.onProgress({ bytesRead: 1024 * 1024, totalBytes: 4 * 1024 * 1024 });
    expect(stderr.text).toBe("");
    now = 1500;
    bar.onProgress({ bytesRead: 2 * 1024 * 1024, totalBytes: 4 * 1024 * 1024 });
    expect(stderr.text).toContain("50%");
    expect(stderr.text).toContain("2/4 MB");
    bar.stop();
    // clearOnComplete: the last thing written erases the line, so the report starts clean.
    expect(stderr.text.endsWith("\x1b[2K") || /\x1b\[2K[^\n]*$/.test(stderr.text)).toBe(true);
  });

  it("the command draws the bar on a terminal's standard error when the run outlasts the delay", async () => {
    const stderr = fakeStderr(true);
    const r = await run([...TENANT, "--format", "json", "--at", "2026-11-22"], createEvaluateCommand(stderr, { delayMs: 0, now: () => Date.now() }));
    expect(r.code).toBe(0);
    expect(stderr.text).toMatch(/assessments \[.*\] \d+%/);
    // Under CI the same terminal gets nothing.
    const quiet = fakeStderr(true);
    await run([...TENANT, "--format", "json", "--at", "2026-11-22"], createEvaluateCommand(quiet, { delayMs: 0, now: () => Date.now() }), { CI: "1" });
    expect(quiet.text).toBe("");
  });
});

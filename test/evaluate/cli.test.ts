// `exempt evaluate` as the CLI runs it (the command module registered on a program, output
// captured), on the example tenant.
import { join } from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { evaluateCommand } from "../../engine/cli/commands/evaluate.js";
import type { CliIO } from "../../engine/cli/io.js";
import { UsageError } from "../../engine/cli/io.js";

const REPO = join(import.meta.dirname, "../..");

async function run(args: string[]) {
  let out = "";
  let err = "";
  let code = 0;
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), cwd: REPO, isTTY: false, env: {}, now: () => new Date("2026-11-22T12:00:00Z") };
  const program = new Command("exempt").exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  evaluateCommand.register(program, { io, setExitCode: (c) => (code = c) });
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

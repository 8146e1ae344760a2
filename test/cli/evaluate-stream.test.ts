// `exempt evaluate --format json|csv` writes its report in chunks: the bytes are the same as the
// whole-string formatter's, and a slow output stream is waited for instead of buffered into.
import { EventEmitter } from "node:events";
import { join } from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { createEvaluateCommand } from "../../engine/cli/commands/evaluate.js";
import type { CliIO } from "../../engine/cli/io.js";
import { evaluate } from "../../engine/evaluate/pipeline.js";
import { formatReport } from "../../engine/report/format.js";
import { validateReport } from "../../engine/report/schema.js";

const REPO = join(import.meta.dirname, "../..");
const AT = new Date("2026-11-22T12:00:00Z");
const TENANT = { assessments: "engine/examples/tenant/assessments", tree: "engine/examples/tenant/tree.json", controls: "engine/examples/tenant/controls.json", config: "policies/config.example.yaml" };
const ARGS = ["--assessments", TENANT.assessments, "--tree", TENANT.tree, "--controls", TENANT.controls, "--config", TENANT.config, "--at", AT.toISOString()];

/** Stands in for a pipe read slowly: after `limit` characters it needs draining; drains on a timer. */
class SlowStdout extends EventEmitter {
  queued = 0;
  writableNeedDrain = false;
  destroyed = false;
  waits = 0;
  maxQueued = 0;
  constructor(private readonly limit: number) {
    super();
  }
  write(text: string): void {
    this.queued += text.length;
    this.maxQueued = Math.max(this.maxQueued, this.queued);
    if (this.queued >= this.limit && !this.writableNeedDrain) {
      this.writableNeedDrain = true;
      this.waits++;
      setImmediate(() => {
        this.queued = 0;
        this.writableNeedDrain = false;
        this.emit("drain");
      });
    }
  }
}

async function runCli(format: string, stdout: SlowStdout) {
  const chunks: string[] = [];
  let code = -1;
  const io: CliIO = { out: (t) => (chunks.push(t), stdout.write(t)), err: () => {}, cwd: REPO, isTTY: false, env: {}, now: () => AT };
  const program = new Command("exempt").exitOverride();
  createEvaluateCommand(null, undefined, stdout).register(program, { io, setExitCode: (c) => (code = c) });
  await program.parseAsync(["evaluate", ...ARGS, "--format", format], { from: "user" });
  return { chunks, code };
}

describe("exempt evaluate, streamed report", () => {
  it("json: byte-identical to formatReport of the same evaluation, schema-valid, written with backpressure", async () => {
    const reference = formatReport(await evaluate({ exemptions: ["exemptions"], ...TENANT, at: AT, cwd: REPO }), "json");
    const stdout = new SlowStdout(4096);
    const { chunks, code } = await runCli("json", stdout);
    expect(code).toBe(0);
    const text = chunks.join("");
    expect(text).toBe(reference);
    expect(validateReport(JSON.parse(text))).toEqual({ ok: true });
    // The writer paused for the slow stream, which never held more than one chunk beyond its limit.
    expect(stdout.waits).toBeGreaterThan(0);
    expect(stdout.maxQueued).toBeLessThan(4096 + (1 << 16) + 4096);
  });

  it("csv: byte-identical to formatReport of the same evaluation", async () => {
    const reference = formatReport(await evaluate({ exemptions: ["exemptions"], ...TENANT, at: AT, cwd: REPO }), "csv");
    const { chunks, code } = await runCli("csv", new SlowStdout(1 << 20));
    expect(code).toBe(0);
    expect(chunks.join("")).toBe(reference);
    expect(reference.split("\r\n").length).toBeGreaterThan(2);
  });
});

// `exempt evaluate`: the main job. Loads the exemption files and the Defender for Cloud data,
// runs the compiled Rego policies, and prints the secure score before/after, the resources the
// exemptions make not applicable, exemption statuses, drift and input problems.
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { Option } from "commander";
import type { Command } from "commander";
import { evaluate, EvaluateError } from "../../evaluate/pipeline.js";
import { PolicyLoadError } from "../../evaluate/wasm-runner.js";
import { formatReport, type ReportFormat } from "../../report/format.js";
import type { CommandContext, CommandModule } from "../command.js";
import { EXIT, UsageError } from "../io.js";
import { parseAtOption } from "../options.js";

interface EvaluateOptions {
  exemptions: string[];
  assessments: string;
  tree: string;
  controls: string;
  metadata?: string;
  config?: string;
  policies?: string;
  at?: string;
  format: ReportFormat;
  maxRows: string;
}

async function mustExist(path: string | undefined, option: string, cwd: string): Promise<void> {
  if (path === undefined) return;
  try {
    await stat(resolve(cwd, path));
  } catch {
    throw new UsageError(`${option}: no such file or folder: ${path}`);
  }
}

async function run(options: EvaluateOptions, { io, setExitCode }: CommandContext): Promise<void> {
  const at = parseAtOption(options.at, io.now);
  const maxRows = Number(options.maxRows);
  if (!Number.isInteger(maxRows) || maxRows < 0) throw new UsageError(`--max-rows: expected a whole number, got ${options.maxRows}`);
  for (const [p, o] of [[options.assessments, "--assessments"], [options.tree, "--tree"], [options.controls, "--controls"], [options.metadata, "--metadata"], [options.config, "--config"], [options.policies, "--policies"]] as const) {
    await mustExist(p, o, io.cwd);
  }
  // Paths as the user wrote them when they are relative to the process's own directory, so that
  // reports name files the way the user knows them.
  const abs = (p: string) => (io.cwd === process.cwd() ? p : resolve(io.cwd, p));
  let report;
  try {
    report = await evaluate({
      exemptions: options.exemptions,
      assessments: abs(options.assessments),
      tree: abs(options.tree),
      controls: abs(options.controls),
      ...(options.metadata ? { metadata: abs(options.metadata) } : {}),
      ...(options.config ? { config: abs(options.config) } : {}),
      ...(options.policies ? { policies: abs(options.policies) } : {}),
      at,
      cwd: io.cwd,
    });
  } catch (e) {
    if (e instanceof EvaluateError || e instanceof PolicyLoadError) throw new UsageError(e.message);
    throw e;
  }
  io.out(formatReport(report, options.format, { maxRows }));
  const failed = report.validation.deny.length > 0 || report.issueCounts.errors > 0;
  setExitCode(failed ? EXIT.invalid : EXIT.ok);
}

export const evaluateCommand: CommandModule = {
  register(program: Command, ctx: CommandContext): void {
    program
      .command("evaluate")
      .description("secure score before/after the exemption files, and the resources they make not applicable")
      .option("--exemptions <paths...>", "exemption files or folders", ["exemptions"])
      .requiredOption("--assessments <path>", "assessments: Resource Graph or REST export (.json or .jsonl), or a folder of pages")
      .requiredOption("--tree <path>", "management group tree: Resource Graph resourcecontainers export")
      .requiredOption("--controls <path>", "secure score controls list fetched with $expand=definition")
      .option("--metadata <path>", "assessment metadata list (enables the built-in-only rule)")
      .option("--config <path>", "organisation rules (see policies/config.example.yaml)")
      .option("--policies <dir>", "folder of Rego policies (default: the bundled policies/)")
      .option("--at <time>", "evaluate at this date or RFC 3339 time instead of now")
      .addOption(new Option("--format <format>", "output format").choices(["text", "json", "markdown", "csv"]).default("text"))
      .option("--max-rows <n>", "rows listed per section in text and markdown", "50")
      .addHelpText(
        "after",
        `
Exit codes: 0 ok, 1 an exemption is denied or an input row/file could not be used, 2 usage error.

Example (the bundled example tenant):
  $ exempt evaluate --exemptions exemptions --assessments engine/examples/tenant/assessments \\
      --tree engine/examples/tenant/tree.json --controls engine/examples/tenant/controls.json`,
      )
      .action(async (options: EvaluateOptions) => run(options, ctx));
  },
};

/** For main.ts's command list (same as evaluateCommand.register). */
export function register(program: Command, ctx: CommandContext): void {
  evaluateCommand.register(program, ctx);
}

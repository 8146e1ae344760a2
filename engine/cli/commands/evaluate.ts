// `exempt evaluate`: the main job. Loads the exemption files and the Defender for Cloud data,
// runs the compiled Rego policies, and prints the secure score before/after, the resources the
// exemptions make not applicable, exemption statuses, drift and input problems.
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import cliProgress from "cli-progress";
import { Option } from "commander";
import type { Command } from "commander";
import { evaluate, EvaluateError, type EvaluateProgress } from "../../evaluate/pipeline.js";
import { PolicyLoadError } from "../../evaluate/wasm-runner.js";
import type { ReportFormat } from "../../report/format.js";
import { reportChunks } from "../../report/stream.js";
import { writeChunks, type DrainableStream } from "../../report/write.js";
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

/** Where the progress bar may be drawn: standard error, or a stand-in in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): boolean;
}

export interface ProgressSettings {
  /** Show nothing before the run has lasted this long: short runs stay quiet. */
  readonly delayMs: number;
  readonly now: () => number;
}

const DEFAULT_PROGRESS: ProgressSettings = { delayMs: 1000, now: () => Date.now() };

/**
 * Whether a progress bar belongs on this stream: only a terminal, and never under CI (logs would
 * fill with redraws) or when the user asked for plain output with NO_COLOR.
 */
export function progressWanted(stream: ProgressStream | null, env: Readonly<Record<string, string | undefined>>): boolean {
  if (!stream || stream.isTTY !== true) return false;
  const set = (name: string) => env[name] !== undefined && env[name] !== "" && env[name] !== "0" && env[name]!.toLowerCase() !== "false";
  return !set("CI") && (env.NO_COLOR === undefined || env.NO_COLOR === "");
}

const MB = 1024 * 1024;
const payload = (p: EvaluateProgress) => ({ done: (p.bytesRead / MB).toFixed(0), size: (p.totalBytes / MB).toFixed(0) });

/**
 * A progress callback drawing a bar of megabytes read, once the run has lasted `delayMs`; `stop`
 * clears it before the report is printed.
 */
export function progressBar(stream: ProgressStream, settings: ProgressSettings = DEFAULT_PROGRESS): { onProgress: (p: EvaluateProgress) => void; stop: () => void } {
  const started = settings.now();
  let bar: cliProgress.SingleBar | null = null;
  return {
    onProgress(p) {
      if (!bar) {
        if (settings.now() - started < settings.delayMs || p.totalBytes === 0) return;
        bar = new cliProgress.SingleBar(
          {
            stream: stream as unknown as NodeJS.WritableStream,
            format: "assessments [{bar}] {percentage}% | {done}/{size} MB | ETA {eta_formatted}",
            clearOnComplete: true,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        // Started at the current count: the bar draws at once; later updates are throttled.
        bar.start(p.totalBytes, p.bytesRead, payload(p));
        return;
      }
      bar.update(p.bytesRead, payload(p));
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

async function run(options: EvaluateOptions, { io, setExitCode }: CommandContext, stderr: ProgressStream | null, settings: ProgressSettings, stdout: DrainableStream | null): Promise<void> {
  const at = parseAtOption(options.at, io.now);
  const maxRows = Number(options.maxRows);
  if (!Number.isInteger(maxRows) || maxRows < 0) throw new UsageError(`--max-rows: expected a whole number, got ${options.maxRows}`);
  for (const [p, o] of [[options.assessments, "--assessments"], [options.tree, "--tree"], [options.controls, "--controls"], [options.metadata, "--metadata"], [options.config, "--config"], [options.policies, "--policies"]] as const) {
    await mustExist(p, o, io.cwd);
  }
  // Paths as the user wrote them when they are relative to the process's own directory, so that
  // reports name files the way the user knows them.
  const abs = (p: string) => (io.cwd === process.cwd() ? p : resolve(io.cwd, p));
  const progress = progressWanted(stderr, io.env) ? progressBar(stderr!, settings) : null;
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
      ...(progress ? { onProgress: progress.onProgress } : {}),
    });
  } catch (e) {
    if (e instanceof EvaluateError || e instanceof PolicyLoadError) throw new UsageError(e.message);
    throw e;
  } finally {
    progress?.stop();
  }
  // In chunks, never as one string: the JSON of 1 M assessments is ~180 MB. The chunks go through
  // io.out (captured in tests); backpressure is read from the stream io.out writes to.
  await writeChunks(reportChunks(report, options.format, { maxRows }), io.out, stdout);
  const failed = report.validation.deny.length > 0 || report.issueCounts.errors > 0;
  setExitCode(failed ? EXIT.invalid : EXIT.ok);
}

/**
 * The command, drawing its progress bar on `stderr` when that is a terminal (CliIO tells only
 * whether standard output is one, and the bar is most useful when stdout goes to a file). `stdout`
 * is the stream io.out ends up in, watched only for backpressure while the report is written;
 * when io.out writes elsewhere (tests) it never needs draining and is never waited for.
 */
export function createEvaluateCommand(stderr: ProgressStream | null, settings: ProgressSettings = DEFAULT_PROGRESS, stdout: DrainableStream | null = null): CommandModule {
  return {
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
        .action(async (options: EvaluateOptions) => run(options, ctx, stderr, settings, stdout));
    },
  };
}

export const evaluateCommand: CommandModule = createEvaluateCommand(process.stderr, DEFAULT_PROGRESS, process.stdout);

/** For main.ts's command list (same as evaluateCommand.register). */
export function register(program: Command, ctx: CommandContext): void {
  evaluateCommand.register(program, ctx);
}

// `exempt validate [PATH…]`: check exemption files and report every problem with file:line:col.
import { Option } from "commander";
import type { Command } from "commander";
import { isValid, loadExemptions } from "../../exemptions/index.js";
import type { CommandContext, CommandModule } from "../command.js";
import { EXIT, UsageError } from "../io.js";
import { parseAtOption } from "../options.js";
import { colorsFor, formatHuman, formatJson, safeText, summarize } from "../report.js";

interface ValidateOptions {
  format: "human" | "json";
  at?: string;
  root?: string;
}

export const DEFAULT_EXEMPTIONS_DIR = "exemptions";

async function run(paths: string[], options: ValidateOptions, { io, setExitCode }: CommandContext): Promise<void> {
  const at = parseAtOption(options.at, io.now);
  const given = paths.length > 0 ? paths : [DEFAULT_EXEMPTIONS_DIR];
  const result = await loadExemptions(given, {
    at,
    cwd: io.cwd,
    ...(options.root !== undefined ? { root: options.root } : {}),
  });
  if (result.missing.length > 0) {
    throw new UsageError(`no such file or folder: ${result.missing.map(safeText).join(", ")}`);
  }
  if (options.format === "json") {
    io.out(formatJson(result, at));
  } else {
    const c = colorsFor(io.isTTY, io.env);
    if (result.files.length === 0 && result.diagnostics.length === 0) {
      io.out(`no exemption files (*.yaml, *.yml) found in ${given.map(safeText).join(", ")}\n`);
    } else {
      io.out(formatHuman(result.diagnostics, summarize(result), c));
    }
  }
  setExitCode(isValid(result) ? EXIT.ok : EXIT.invalid);
}

export const validateCommand: CommandModule = {
  register(program: Command, ctx: CommandContext): void {
    program
      .command("validate")
      .description("check exemption files: YAML, schema, scopes, expiry, and the rules across files")
      .argument("[paths...]", `exemption files or folders (searched for *.yaml and *.yml)`, [])
      .addOption(new Option("--format <format>", "output format").choices(["human", "json"]).default("human"))
      .option("--at <time>", "judge expiry at this date or RFC 3339 time instead of now")
      .option("--root <dir>", "repository root: files may not resolve (through symlinks) outside it; default: the folder holding .git")
      .addHelpText(
        "after",
        `
Exit codes: 0 valid (warnings allowed), 1 invalid, 2 usage error.
Default path: ${DEFAULT_EXEMPTIONS_DIR}/

Examples:
  $ exempt validate
  $ exempt validate exemptions/prod --format json
  $ exempt validate --at 2027-01-01`,
      )
      .action(async (paths: string[], options: ValidateOptions) => run(paths, options, ctx));
  },
};

// `exempt validate [PATH…]`: check exemption files and report every problem with file:line:col.
import { resolve } from "node:path";
import { Option } from "commander";
import type { Command } from "commander";
import { DEFAULT_CHECKS, isValid, loadExemptions } from "../../exemptions/index.js";
import type { ExemptionCheck } from "../../exemptions/index.js";
import { loadPolicies, policyValidationCheck, PolicyLoadError } from "../../evaluate/index.js";
import { IssueLog, formatIssue } from "../../inputs/issues.js";
import { loadMetadata } from "../../inputs/metadata.js";
import { loadTree } from "../../inputs/tree.js";
import type { CommandContext, CommandModule } from "../command.js";
import { EXIT, UsageError } from "../io.js";
import { parseAtOption } from "../options.js";
import { colorsFor, formatHuman, formatJson, safeText, summarize } from "../report.js";

interface ValidateOptions {
  format: "human" | "json";
  at?: string;
  root?: string;
  /** commander turns --no-policy into policy: false */
  policy: boolean;
  policies?: string;
  config?: string;
  tree?: string;
  metadata?: string;
}

/**
 * The organisation's Rego validation policy as the last check of the pipeline (DESIGN.md §3), with
 * the optional tree and metadata it uses to judge scopes and built-in recommendations.
 */
async function policyCheck(options: ValidateOptions, io: CommandContext["io"]): Promise<ExemptionCheck> {
  const log = new IssueLog();
  const at = (p: string) => resolve(io.cwd, p);
  const tree = options.tree ? await loadTree(at(options.tree), log) : null;
  const metadata = options.metadata ? await loadMetadata(at(options.metadata), log) : null;
  if (log.errors > 0) {
    throw new UsageError(log.kept.filter((i) => i.severity === "error").map(formatIssue).join("\n"));
  }
  for (const w of log.kept) io.err(`warning: ${safeText(formatIssue(w))}\n`);
  try {
    const engine = await loadPolicies({
      ...(options.config ? { config: at(options.config) } : {}),
      ...(options.policies ? { policies: at(options.policies) } : {}),
      entrypoints: ["validation"],
    });
    return policyValidationCheck(engine, { metadata, tree });
  } catch (e) {
    if (e instanceof PolicyLoadError) throw new UsageError(e.message);
    throw e;
  }
}

export const DEFAULT_EXEMPTIONS_DIR = "exemptions";

async function run(paths: string[], options: ValidateOptions, { io, setExitCode }: CommandContext): Promise<void> {
  const at = parseAtOption(options.at, io.now);
  const given = paths.length > 0 ? paths : [DEFAULT_EXEMPTIONS_DIR];
  const checks = options.policy ? [...DEFAULT_CHECKS, await policyCheck(options, io)] : DEFAULT_CHECKS;
  const result = await loadExemptions(given, {
    at,
    cwd: io.cwd,
    checks,
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
      .option("--config <path>", "organisation rules for the validation policy (see policies/config.example.yaml)")
      .option("--policies <dir>", "folder of Rego policies (default: the bundled policies/)")
      .option("--tree <path>", "management group tree (Resource Graph resourcecontainers export): scopes must lie inside it")
      .option("--metadata <path>", "assessment metadata list: only built-in recommendations may be exempted")
      .option("--no-policy", "skip the Rego validation policy (schema and cross-file checks only)")
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

// `exempt new`: scaffold a valid exemption file from flags, check it against the existing set,
// write it without overwriting anything, then validate what was written.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { Option } from "commander";
import type { Command } from "commander";
import {
  CATEGORIES,
  CATEGORY_OF_JUSTIFICATION,
  JUSTIFICATIONS,
  discoverExemptionFiles,
  displayPath,
  expiryFromFlag,
  isValid,
  loadExemptionFile,
  loadExemptionFiles,
  parseExemptionText,
  renderExemption,
  validateParsed,
} from "../../exemptions/index.js";
import type { Category, Diagnostic, ExemptionDraft, Justification, ParsedFile } from "../../exemptions/index.js";
import { formatScopeError, isGuid, parseScope } from "../../scope/index.js";
import type { CommandContext, CommandModule } from "../command.js";
import { EXIT, UsageError } from "../io.js";
import { parseAtOption } from "../options.js";
import { colorsFor, formatHuman, safeText, summarize } from "../report.js";
import { DEFAULT_EXEMPTIONS_DIR } from "./validate.js";

interface NewOptions {
  name: string;
  recommendation: string[];
  scope: string[];
  category?: Category;
  justification: Justification;
  expires?: string;
  owner: string;
  description: string;
  displayName?: string;
  ticket?: string;
  dir: string;
  at?: string;
  schema?: string;
  stdout?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The package's own schema file, found from this module's place (works from build/ and source). */
function packageSchemaPath(): string | null {
  for (let d = dirname(fileURLToPath(import.meta.url)); dirname(d) !== d; d = dirname(d)) {
    const pkg = join(d, "package.json");
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "exemptions-as-code") {
          const schema = join(d, "engine", "schema", "exemption.schema.json");
          return existsSync(schema) ? schema : null;
        }
      } catch {
        // not our package.json; keep looking upwards
      }
    }
  }
  return null;
}

function schemaRefFor(targetDir: string, explicit: string | undefined): string {
  if (explicit !== undefined) return explicit;
  const schema = packageSchemaPath();
  if (schema === null) throw new UsageError("cannot find engine/schema/exemption.schema.json of this package; pass --schema <path or URL>");
  return relative(targetDir, schema).split(sep).join("/");
}

/** Check each flag on its own, so a mistake is reported against the flag, not a file line. */
function draftFromFlags(o: NewOptions, at: Date): ExemptionDraft {
  const problems: string[] = [];
  if (!/^[a-z0-9-]{1,64}$/.test(o.name)) problems.push(`--name '${o.name}': expected 1-64 characters of a-z, 0-9 and '-'`);
  if (o.recommendation.length === 0) problems.push("--recommendation: give at least one assessment key");
  for (const r of o.recommendation) if (!isGuid(r)) problems.push(`--recommendation '${r}': expected an assessment key GUID`);
  if (o.scope.length === 0) problems.push("--scope: give at least one scope (an Azure ID or global)");
  const scopes: string[] = [];
  for (const s of o.scope) {
    const r = parseScope(s);
    if (r.ok) scopes.push(r.scope.id);
    else problems.push(`--scope '${s}': ${formatScopeError(r.error)}`);
  }
  const category = o.category ?? CATEGORY_OF_JUSTIFICATION[o.justification];
  if (CATEGORY_OF_JUSTIFICATION[o.justification] !== category) {
    problems.push(`--category ${category} does not go with --justification ${o.justification} (which is ${CATEGORY_OF_JUSTIFICATION[o.justification]})`);
  }
  let expiresOn: string | undefined;
  if (o.expires !== undefined) {
    const e = expiryFromFlag(o.expires, at);
    if (e.ok) expiresOn = e.text;
    else problems.push(`--expires: ${e.message}`);
  }
  if (problems.length > 0) throw new UsageError(problems.map(safeText).join("\n"));
  return {
    name: o.name,
    displayName: o.displayName,
    description: o.description,
    recommendations: o.recommendation.map((r) => r.toLowerCase()),
    scopes,
    category,
    justification: o.justification,
    expiresOn,
    owner: o.owner,
    ticket: o.ticket,
  };
}

function newFileErrors(diagnostics: readonly Diagnostic[], display: string): Diagnostic[] {
  return diagnostics.filter((d) => d.file === display && d.severity === "error");
}

async function run(o: NewOptions, { io, setExitCode }: CommandContext): Promise<void> {
  const at = parseAtOption(o.at, io.now);
  const draft = draftFromFlags(o, at);
  const dir = resolve(io.cwd, o.dir);
  const target = join(dir, `${draft.name}.yaml`);
  const display = displayPath(target, io.cwd);
  const text = renderExemption(draft, schemaRefFor(dir, o.schema));
  const c = colorsFor(io.isTTY, io.env);

  if (!o.stdout && existsSync(target)) {
    io.err(`${safeText(display)} already exists; refusing to overwrite it (choose another --name)\n`);
    setExitCode(EXIT.invalid);
    return;
  }

  // Validate the new file together with the files already there (unique names, duplicates).
  const existing: ParsedFile[] = existsSync(dir) ? await loadExemptionFiles((await discoverExemptionFiles([dir], { cwd: io.cwd })).files) : [];
  const before = await validateParsed([...existing, parseExemptionText(text, display)], at);
  const blocking = newFileErrors(before.diagnostics, display);
  const explain = (): void => io.err(formatHuman(blocking, { files: 1, errors: blocking.length, warnings: 0 }, c));

  if (o.stdout) {
    io.out(text);
    if (blocking.length > 0) {
      io.err(`this file would be invalid as ${safeText(display)}:\n`);
      explain();
    }
    setExitCode(blocking.length > 0 ? EXIT.invalid : EXIT.ok);
    return;
  }
  if (blocking.length > 0) {
    io.err(`not written: ${safeText(display)} would be invalid\n`);
    explain();
    setExitCode(EXIT.invalid);
    return;
  }

  await mkdir(dir, { recursive: true });
  try {
    // 'wx' fails if the file appeared meanwhile: never overwrite.
    await writeFile(target, text, { encoding: "utf8", flag: "wx" });
  } catch (e) {
    io.err(`${safeText(display)} could not be written: ${safeText((e as Error).message)}\n`);
    setExitCode(EXIT.invalid);
    return;
  }

  const written = loadExemptionFile(target, display);
  const after = await validateParsed([...existing, written], at);
  const own = after.diagnostics.filter((d) => d.file === display);
  io.out(`created ${safeText(display)}\n`);
  if (own.length > 0) io.out(formatHuman(own, { ...summarize({ ...after, files: [written] }) }, c));
  setExitCode(isValid({ diagnostics: own }) ? EXIT.ok : EXIT.invalid);
}

export const newCommand: CommandModule = {
  register(program: Command, ctx: CommandContext): void {
    program
      .command("new")
      .description("write a new, valid exemption file to <dir>/<name>.yaml (never overwrites)")
      .requiredOption("--name <name>", "unique name, also the file name: 1-64 of a-z, 0-9, '-'")
      .requiredOption("-r, --recommendation <guid>", "assessment key to exempt (repeat for several)", collect)
      .requiredOption("-s, --scope <id>", "Azure scope ID or global (repeat for several)", collect)
      .addOption(new Option("--justification <justification>", "why").choices([...JUSTIFICATIONS]).makeOptionMandatory())
      .addOption(new Option("--category <category>", "default: the one that goes with --justification").choices([...CATEGORIES]))
      .option("--expires <date|duration>", "expiry: YYYY-MM-DD, an RFC 3339 time, or a duration from now such as 90d or 12w")
      .requiredOption("--owner <owner>", "who answers for the exemption (e-mail or team)")
      .requiredOption("--description <text>", "why the exemption is needed and what mitigates the risk (≤ 512 characters)")
      .option("--display-name <text>", "short title (≤ 128 characters)")
      .option("--ticket <id>", "tracking ticket, e.g. SEC-1234")
      .option("--dir <folder>", "folder to write to", DEFAULT_EXEMPTIONS_DIR)
      .option("--at <time>", "the time durations count from and validation uses (default: now)")
      .option("--schema <ref>", "value for the $schema line (default: relative path to this package's schema)")
      .option("--stdout", "print the file instead of writing it (still checked against the set)")
      .addHelpText(
        "after",
        `
Justifications and their categories:
  third_party_control, alternate_mitigation, false_positive  -> mitigated
  risk_accepted, planned_remediation, business_need           -> waiver

Example:
  $ exempt new --name vmss-edr-crowdstrike \\
      -r 21300918-b2e3-0346-785f-c77ff57d243b \\
      -s /subscriptions/20ff7fc3-e762-44dd-bd96-b71116dcdc23/resourceGroups/myRg \\
      --justification third_party_control --expires 180d \\
      --owner secops@contoso.com --description "Endpoint protection is CrowdStrike Falcon."`,
      )
      .action(async (options: NewOptions) => run(options, ctx));
  },
};

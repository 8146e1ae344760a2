// `npm run bench [-- --sizes 10000,100000,1000000] [--exemptions 5000] [--formats jsonl,json]
//   [--validate-files 50000] [--data DIR] [--seed S] [--regenerate] [--profile] [--policies DIR]
//   [--timeout SECONDS]`
//
// For each size: the raw-parse baseline (read the same files, JSON.parse every row, nothing else)
// and `exempt evaluate` on the same files, each in its own child process so its peak RSS is its
// own; then validating N exemption files against loading them with js-yaml alone. Figures are
// printed as tables, never asserted. Generated data is cached under build/bench-data (git-ignored).

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { DEFAULT_AT, DEFAULT_SEED, generate } from "./gen-main.js";
import { runMeasured, type Measurement } from "./measure.js";
import { defaultControlsPath, defaultDataDir, repoRoot } from "./paths.js";
import { formatProfile, summarizeProfile, type CpuProfile } from "./profile.js";
import { evaluateTable, growthLines, targetLines, validateTable, type EvaluateRow, type ValidateRow } from "./table.js";
import { MANIFEST, type Manifest } from "./write.js";

type Format = "json" | "jsonl";

export interface BenchArgs {
  sizes: number[];
  exemptions: number;
  formats: Format[];
  validateFiles: number;
  data: string;
  seed: number;
  regenerate: boolean;
  profile: boolean;
  /** Policy folder for evaluate (default: the CLI's own, policies/): to measure a proposal. */
  policies?: string;
  /** Per child process, in seconds. */
  timeoutS: number;
}

function numberList(name: string, v: string): number[] {
  return v.split(",").map((s) => {
    const n = Number(s.trim().replace(/_/g, "").replace(/k$/i, "000").replace(/m$/i, "000000"));
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name}: expected whole numbers ≥ 1, got ${JSON.stringify(s)}`);
    return n;
  });
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: "string" },
      exemptions: { type: "string" },
      formats: { type: "string" },
      "validate-files": { type: "string" },
      data: { type: "string" },
      seed: { type: "string" },
      regenerate: { type: "boolean" },
      profile: { type: "boolean" },
      policies: { type: "string" },
      timeout: { type: "string" },
    },
    strict: true,
  });
  const formats = (values.formats ?? "jsonl,json").split(",").map((f) => f.trim());
  for (const f of formats) if (f !== "json" && f !== "jsonl") throw new Error(`--formats: expected json and/or jsonl, got ${f}`);
  const vf = values["validate-files"] === undefined ? 50_000 : values["validate-files"] === "0" ? 0 : numberList("validate-files", values["validate-files"])[0]!;
  return {
    sizes: values.sizes ? numberList("sizes", values.sizes) : [10_000, 100_000, 1_000_000],
    exemptions: values.exemptions ? numberList("exemptions", values.exemptions)[0]! : 5000,
    formats: formats as Format[],
    validateFiles: vf,
    data: resolve(values.data ?? defaultDataDir()),
    seed: values.seed ? numberList("seed", values.seed)[0]! : DEFAULT_SEED,
    regenerate: values.regenerate ?? false,
    profile: values.profile ?? false,
    ...(values.policies ? { policies: resolve(values.policies) } : {}),
    timeoutS: values.timeout ? numberList("timeout", values.timeout)[0]! : 1800,
  };
}

/** The tenant for a size, generated unless a complete one (manifest written last) is there. */
function ensureTenant(dir: string, a: { assessments: number; exemptions: number; seed: number; formats: Format[] }, regenerate: boolean, label: string): Manifest {
  const mf = join(dir, MANIFEST);
  if (!regenerate && existsSync(mf)) {
    const m = JSON.parse(readFileSync(mf, "utf8")) as Manifest;
    if (m.assessments === a.assessments && m.exemptions === a.exemptions && m.seed === a.seed && a.formats.every((f) => m.formats.includes(f))) return m;
  }
  return generate(
    { assessments: a.assessments, exemptions: a.exemptions, seed: a.seed, out: dir, at: new Date(DEFAULT_AT), pageSize: 1000, formats: a.formats, controls: defaultControlsPath() },
    label,
  );
}

/** Whether this build's CLI has `evaluate` (it is being added while the bench is written). */
function cliHasEvaluate(root: string): boolean {
  const r = spawnSync(process.execPath, [join(root, "bin", "exempt.js"), "evaluate", "--help"], { encoding: "utf8" });
  return r.status === 0 && r.stdout.includes("--assessments");
}

interface ReportSummary {
  accepted: number;
  rejected: number;
  policyCalls: number | null;
  policyQuestions: number | null;
  notApplicable: number;
  deny: number;
  errors: number;
}

function readReport(file: string): ReportSummary | null {
  try {
    const r = JSON.parse(readFileSync(file, "utf8")) as {
      inputs: { assessmentsAccepted: number; assessmentsRejected: number; policyCalls?: number; policyQuestions?: number };
      notApplicable: unknown[];
      validation: { deny: unknown[] };
      issueCounts: { errors: number };
    };
    return {
      accepted: r.inputs.assessmentsAccepted,
      rejected: r.inputs.assessmentsRejected,
      policyCalls: r.inputs.policyCalls ?? null,
      policyQuestions: r.inputs.policyQuestions ?? null,
      notApplicable: r.notApplicable.length,
      deny: r.validation.deny.length,
      errors: r.issueCounts.errors,
    };
  } catch {
    return null;
  }
}

function failure(m: Measurement): string {
  if (m.timedOut) return `killed after ${(m.wallMs / 1000).toFixed(0)} s (--timeout)`;
  const last = m.stderr.trim().split("\n").slice(-1)[0] ?? "";
  return `exit ${m.exitCode}${last ? `: ${last.slice(0, 120)}` : ""}`;
}

export async function runBench(args: BenchArgs): Promise<{ evaluate: EvaluateRow[]; validate: ValidateRow[]; text: string }> {
  const root = repoRoot();
  // Children always run the compiled build (also when this module is imported from its source).
  const built = join(root, "build", "engine", "bench");
  const hook = pathToFileURL(join(built, "usage-hook.js")).href;
  const childScript = join(built, "child.js");
  if (!existsSync(childScript) || !existsSync(join(root, "build", "engine", "cli", "main.js"))) {
    throw new Error("build/ is missing the compiled engine: run `npm run build` (npm run bench does)");
  }
  const work = join(args.data, "runs");
  const profiles = join(args.data, "profiles");
  mkdirSync(work, { recursive: true });
  const useCli = cliHasEvaluate(root);
  const at = DEFAULT_AT;

  const steps = args.sizes.length * args.formats.length * 2 + (args.validateFiles > 0 ? 3 : 0);
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: "bench [{bar}] {value}/{total} {step} ({duration_formatted})", hideCursor: true, clearOnComplete: true, fps: 2 }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(steps, 0, { step: "starting" });
  const step = (name: string) => bar?.update({ step: name });
  const done = () => bar?.increment();

  const evals: EvaluateRow[] = [];
  const validates: ValidateRow[] = [];
  const notes: string[] = [];
  try {
    for (const size of args.sizes) {
      const dir = join(args.data, `tenant-${size}-${args.exemptions}-${args.seed}`);
      step(`generate ${size}`);
      bar?.stop();
      const m = ensureTenant(dir, { assessments: size, exemptions: args.exemptions, seed: args.seed, formats: args.formats }, args.regenerate, `generate ${size}`);
      bar?.start(steps, evals.length * 2, { step: `${size}` });
      for (const format of args.formats) {
        const input = format === "jsonl" ? join(dir, "assessments.jsonl") : join(dir, "assessments");
        step(`${size} ${format}: baseline`);
        const base = await runMeasured({ label: `baseline-${size}-${format}`, script: childScript, args: [format === "jsonl" ? "parse-jsonl" : "parse-json", input], cwd: root, workDir: work, hook, timeoutMs: args.timeoutS * 1000 });
        done();
        step(`${size} ${format}: evaluate`);
        const evalArgs = ["--exemptions", join(dir, "exemptions"), "--assessments", input, "--tree", join(dir, "tree.json"), "--controls", join(dir, "controls.json"), "--config", join(dir, "config.yaml"), "--at", at, "--format", "json", ...(args.policies ? ["--policies", args.policies] : [])];
        const profDir = join(profiles, `${size}-${format}`);
        const ev = await runMeasured({
          label: `evaluate-${size}-${format}`,
          nodeArgs: args.profile ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : [],
          script: useCli ? join(root, "bin", "exempt.js") : childScript,
          args: useCli ? ["evaluate", ...evalArgs] : ["evaluate", ...evalArgs],
          cwd: root,
          workDir: work,
          hook,
          timeoutMs: args.timeoutS * 1000,
        });
        done();
        const baseRows = (() => {
          try {
            return (JSON.parse(readFileSync(base.stdoutFile, "utf8")) as { rows: number }).rows;
          } catch {
            return -1;
          }
        })();
        const rep = ev.exitCode === 0 || ev.exitCode === 1 ? readReport(ev.stdoutFile) : null;
        const problems: string[] = [];
        if (base.exitCode !== 0) problems.push(`baseline ${failure(base)}`);
        if (baseRows !== m.assessments) problems.push(`baseline read ${baseRows} rows`);
        if (!rep) problems.push(`evaluate ${failure(ev)}`);
        else {
          if (rep.accepted !== m.assessments) problems.push(`evaluate accepted ${rep.accepted}/${m.assessments}`);
          if (rep.deny > 0) problems.push(`${rep.deny} denied`);
          if (rep.errors > 0) problems.push(`${rep.errors} input errors`);
        }
        evals.push({
          size,
          format,
          rows: m.assessments,
          baselineMs: base.wallMs,
          baselineRssKB: base.maxRssKB,
          evaluateMs: ev.wallMs,
          evaluateRssKB: ev.maxRssKB,
          policyCalls: rep?.policyCalls ?? null,
          policyQuestions: rep?.policyQuestions ?? null,
          notApplicable: rep?.notApplicable ?? null,
          ok: rep !== null && base.exitCode === 0,
          note: problems.join("; ") || (useCli ? "cli" : "library"),
        });
        if (args.profile && existsSync(profDir)) {
          const f = readdirSync(profDir).filter((n) => n.endsWith(".cpuprofile")).sort().pop();
          if (f) notes.push(formatProfile(`profile of evaluate ${size} ${format} (${join(profDir, f)})`, summarizeProfile(JSON.parse(readFileSync(join(profDir, f), "utf8")) as CpuProfile)));
        }
      }
    }

    if (args.validateFiles > 0) {
      // Exemption files only, placed in a tenant large enough to hold that many distinct scopes.
      const tenantSize = Math.max(200_000, args.validateFiles * 20);
      const dir = join(args.data, `exemptions-${args.validateFiles}-${args.seed}`);
      bar?.stop();
      const m = ensureTenant(dir, { assessments: tenantSize, exemptions: args.validateFiles, seed: args.seed, formats: [] }, args.regenerate, `generate ${args.validateFiles} files`);
      bar?.start(steps, steps - 3, { step: "validate" });
      step(`${args.validateFiles} files: js-yaml load`);
      const y = await runMeasured({ label: `yaml-${args.validateFiles}`, script: childScript, args: ["yaml-load", join(dir, "exemptions")], cwd: root, workDir: work, hook, timeoutMs: args.timeoutS * 1000 });
      done();
      const variants: [string, string[]][] = [
        ["cli", ["--config", join(dir, "config.yaml"), "--tree", join(dir, "tree.json"), ...(args.policies ? ["--policies", args.policies] : [])]],
        ["cli --no-policy", ["--no-policy"]],
      ];
      for (const [note, extra] of variants) {
        step(`${args.validateFiles} files: exempt validate ${extra[0]}`);
        const v = await runMeasured({
          label: `validate-${args.validateFiles}-${note.replace(/\W+/g, "_")}`,
          script: join(root, "bin", "exempt.js"),
          args: ["validate", join(dir, "exemptions"), "--at", at, "--format", "json", ...extra],
          cwd: root,
          workDir: work,
          hook,
          timeoutMs: args.timeoutS * 1000,
        });
        done();
        const problems: string[] = [];
        if (y.exitCode !== 0) problems.push(`js-yaml ${failure(y)}`);
        // Exit 1 means the set was judged invalid: a result, but not the one expected here.
        if (v.exitCode !== 0) problems.push(`validate ${failure(v)}`);
        validates.push({ files: m.exemptions, yamlMs: y.wallMs, yamlRssKB: y.maxRssKB, validateMs: v.wallMs, validateRssKB: v.maxRssKB, ok: y.exitCode === 0 && v.exitCode === 0, note: problems.length > 0 ? `${note}: ${problems.join("; ")}` : note });
      }
    }
  } finally {
    bar?.stop();
  }

  const text = [
    `exempt evaluate vs raw JSON.parse baseline, ${args.exemptions} exemptions (wall time per child process, peak RSS of that process; ${useCli ? "the CLI" : "the library entry the CLI uses"}):`,
    "",
    evaluateTable(evals),
    ...(evals.length > 1 ? ["growth:", ...growthLines(evals).map((l) => `  ${l}`), ""] : []),
    ...(validates.length > 0 ? ["exempt validate vs js-yaml load alone:", "", validateTable(validates)] : []),
    "targets (issue 6):",
    ...targetLines(evals, validates).map((l) => `  ${l}`),
    "",
    ...notes,
  ].join("\n");
  writeFileSync(join(args.data, "results.json"), JSON.stringify({ at: new Date().toISOString(), args, evaluate: evals, validate: validates }, null, 2) + "\n");
  return { evaluate: evals, validate: validates, text };
}

async function main(): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const r = await runBench(args);
  process.stdout.write(r.text);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]).replace(/\.(js|ts)$/, "") === fileURLToPath(import.meta.url).replace(/\.(js|ts)$/, "")) {
  process.exitCode = await main();
}

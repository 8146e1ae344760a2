// `npm run bench:gen -- --assessments N --exemptions M [--out DIR] [--seed S] [--at TIME]
//   [--subscriptions K] [--page-size P] [--formats json,jsonl] [--controls PATH]`
// Writes a realistic tenant (see write.ts for the layout). Progress on stderr when it is a TTY.

import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { controlsList } from "./tenant.js";
import { defaultControlsPath, defaultDataDir, schemaPath } from "./paths.js";
import { generateTenantFiles, type Manifest } from "./write.js";

export const DEFAULT_SEED = 20261122;
export const DEFAULT_AT = "2026-11-22T00:00:00Z";

export interface GenArgs {
  assessments: number;
  exemptions: number;
  out: string;
  seed: number;
  at: Date;
  subscriptions?: number;
  pageSize: number;
  formats: ("json" | "jsonl")[];
  controls: string;
}

function whole(name: string, v: string | undefined, min: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v.replace(/_/g, ""));
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name}: expected a whole number ≥ ${min}, got ${JSON.stringify(v)}`);
  return n;
}

export function parseGenArgs(argv: string[]): GenArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      assessments: { type: "string" },
      exemptions: { type: "string" },
      out: { type: "string" },
      seed: { type: "string" },
      at: { type: "string" },
      subscriptions: { type: "string" },
      "page-size": { type: "string" },
      formats: { type: "string" },
      controls: { type: "string" },
    },
    strict: true,
  });
  const assessments = whole("assessments", values.assessments, 1) ?? 10_000;
  const exemptions = whole("exemptions", values.exemptions, 0) ?? 100;
  const seed = whole("seed", values.seed, 0) ?? DEFAULT_SEED;
  const at = new Date(values.at ?? DEFAULT_AT);
  if (Number.isNaN(at.getTime())) throw new Error(`--at: not a date or RFC 3339 time: ${values.at}`);
  const formats = (values.formats ?? "json,jsonl").split(",").map((f) => f.trim());
  for (const f of formats) if (f !== "json" && f !== "jsonl") throw new Error(`--formats: expected json and/or jsonl, got ${f}`);
  const subscriptions = whole("subscriptions", values.subscriptions, 1);
  return {
    assessments,
    exemptions,
    out: resolve(values.out ?? join(defaultDataDir(), `tenant-${assessments}-${exemptions}-${seed}`)),
    seed,
    at,
    ...(subscriptions !== undefined ? { subscriptions } : {}),
    pageSize: whole("page-size", values["page-size"], 1) ?? 1000,
    formats: formats as ("json" | "jsonl")[],
    controls: values.controls ?? defaultControlsPath(),
  };
}

/** Generate with a progress bar on stderr (shown only on a TTY). */
export function generate(args: GenArgs, label = "generate"): Manifest {
  const controls = controlsList(JSON.parse(readFileSync(args.controls, "utf8")));
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: `${label} [{bar}] {percentage}% {value}/{total} rows`, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic)
    : null;
  let started = false;
  try {
    return generateTenantFiles({
      out: args.out,
      assessments: args.assessments,
      exemptions: args.exemptions,
      seed: args.seed,
      at: args.at,
      controls,
      pageSize: args.pageSize,
      formats: args.formats,
      schemaPath: schemaPath(),
      ...(args.subscriptions ? { subscriptions: args.subscriptions } : {}),
      onProgress: (n, total) => {
        if (!bar) return;
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(n);
      },
    });
  } finally {
    bar?.stop();
  }
}

async function main(): Promise<number> {
  let args: GenArgs;
  try {
    args = parseGenArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`bench:gen: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const t0 = performance.now();
  const m = generate(args);
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  const mb = (b: number) => (b / 1e6).toFixed(1);
  process.stdout.write(
    `wrote ${args.out} in ${s} s: ${m.assessments} assessments on ${m.resources} resources in ${m.subscriptions} subscriptions ` +
      `(${m.resourceGroups} resource groups, ${m.managementGroups} management groups); ${m.pages} JSON pages (${mb(m.bytes.json)} MB), ` +
      `JSON Lines ${mb(m.bytes.jsonl)} MB; ${m.exemptions} exemptions (${Object.entries(m.exemptionsByLevel).map(([k, v]) => `${k} ${v}`).join(", ")})\n`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]).replace(/\.(js|ts)$/, "") === new URL(import.meta.url).pathname.replace(/\.(js|ts)$/, "")) {
  process.exitCode = await main();
}

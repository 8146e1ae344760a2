// `npm run conformance -- [DIR] [--json] [--jobs N] [--timeout MS] [--filter TEXT] [--verbose]`
// Runs OPA's YAML conformance cases found below DIR (default ../shared/opa-conformance) against the
// project's compiler, each case isolated in a worker thread with a time limit.

import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadCases, type ConformanceCase } from "./cases.js";
import { runInPool, type PoolResult } from "./pool.js";
import { formatJson, formatText, summarize } from "./report.js";
import type { Outcome } from "./run-case.js";

export interface RunOptions {
  dir: string;
  jobs: number;
  timeoutMs: number;
  filter?: string;
  /** The worker script; default: worker.js next to this file. */
  workerScript?: URL | string;
  onCase?: (c: ConformanceCase, o: Outcome) => void;
}

export function outcomeOf(r: PoolResult<Outcome> | undefined): Outcome {
  if (!r) return { status: "fail", cause: "not run" };
  if (r.kind === "done") return r.value;
  if (r.kind === "timeout") return { status: "fail", cause: `timeout after ${r.ms} ms` };
  return { status: "fail", cause: `crash: ${r.message}` };
}

export async function runConformance(options: RunOptions) {
  const { cases: all, problems } = await loadCases(options.dir);
  const cases = options.filter ? all.filter((c) => `${c.file} ${c.note}`.includes(options.filter as string)) : all;
  const results = await runInPool<ConformanceCase, Outcome>(
    cases,
    {
      script: options.workerScript ?? new URL("./worker.js", import.meta.url),
      jobs: options.jobs,
      timeoutMs: options.timeoutMs,
      resourceLimits: { maxOldGenerationSizeMb: 768 },
      waitReady: true,
    },
    (i, r) => options.onCase?.(cases[i] as ConformanceCase, outcomeOf(r)),
  );
  const outcomes = results.map(outcomeOf);
  return { cases, outcomes, problems, summary: summarize(cases, outcomes) };
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      jobs: { type: "string", default: "1" },
      timeout: { type: "string", default: "10000" },
      filter: { type: "string" },
      verbose: { type: "boolean", default: false },
    },
  });
  const dir = resolve(positionals[0] ?? "../shared/opa-conformance");
  if (!existsSync(dir)) {
    process.stderr.write(`conformance: no such folder: ${dir}\n`);
    return 2;
  }
  try {
    const { defaultRuntime } = await import("../compiler/compile.js");
    defaultRuntime();
  } catch (e) {
    process.stderr.write(`conformance: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const jobs = Math.max(1, Number(values.jobs) || 1);
  const timeoutMs = Math.max(100, Number(values.timeout) || 10000);
  const run = await runConformance({
    dir,
    jobs,
    timeoutMs,
    ...(values.filter !== undefined ? { filter: values.filter } : {}),
    onCase: values.verbose
      ? (c, o) => {
          if (o.status === "fail") process.stderr.write(`FAIL ${c.file} ${c.note}: ${o.cause}${o.detail ? `\n     ${o.detail.replace(/\n/g, "\n     ")}` : ""}\n`);
        }
      : undefined,
  });
  for (const p of run.problems) process.stderr.write(`conformance: ${p.file}: ${p.message}\n`);
  process.stdout.write(values.json ? formatJson(run.summary) : formatText(run.summary));
  return 0;
}

// Run when executed directly (the bundled build/conformance/main.js), not when imported by tests.
if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) {
  process.exitCode = await main(process.argv.slice(2));
}

// `npm run bench:compile -- [DIR] [-e ENTRYPOINT]… [--cold N] [--warm N] [--json]`
// How long compiling a folder of Rego takes (default: the project's policies/ with the engine's
// three entrypoints), per stage:
//
// - cold: N fresh Node processes, each importing the compiler and compiling once, so the figure
//   includes Node's start, loading the compiler's modules and loading binaryen (its Wasm is
//   compiled by V8 at every process start). The wall time is measured by the parent, from spawn
//   until the child has printed its result.
// - warm: N compilations in one process after a first one, as the conformance runner and a
//   long-running evaluator see them.
//
// Issue 3 asks for under 2 s cold on policies/.

import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import type { StageTimings } from "./compile.js";

/** The engine's entrypoints (engine/evaluate/types.ts ENTRYPOINTS), as `npm run build` compiles them. */
const DEFAULT_ENTRYPOINTS = ["exemptions/decision/result", "exemptions/validation/result", "exemptions/approval/result"];

interface ChildReport {
  /** Milliseconds from process start until this module ran (Node start and module loading). */
  boot: number;
  /** Loading the compiler's modules (binaryen is loaded later, by the first compile). */
  importCompiler: number;
  timings: StageTimings;
  bytes: number;
}

interface ColdRun extends ChildReport {
  /** Spawn to the child's result line, measured by the parent. */
  wall: number;
}

type Row = [string, number[]];

async function compileOnce(dir: string, entrypoints: string[]): Promise<{ timings: StageTimings; bytes: number }> {
  const { compileDirectory } = await import("./compile.js");
  const out = await compileDirectory(dir, entrypoints);
  if (!out.result.ok) {
    throw new Error(`compile failed: ${out.result.errors.map((e) => `${e.location?.file ?? ""}:${e.location?.line ?? ""}: ${e.code}: ${e.message}`).join("; ")}`);
  }
  return { timings: out.timings, bytes: out.result.value.length };
}

/** The child: one cold compile, reported as one JSON line. */
async function child(dir: string, entrypoints: string[]): Promise<void> {
  const boot = performance.now();
  const t = performance.now();
  await import("./compile.js");
  const importCompiler = performance.now() - t;
  const { timings, bytes } = await compileOnce(dir, entrypoints);
  const report: ChildReport = { boot, importCompiler, timings, bytes };
  process.stdout.write(JSON.stringify(report) + "\n");
}

function runChild(script: string, dir: string, entrypoints: string[]): Promise<ColdRun> {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const args = [script, "--child", dir, ...entrypoints.flatMap((e) => ["-e", e])];
    const p = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    let settled = false;
    p.stdout.setEncoding("utf8");
    p.stdout.on("data", (chunk: string) => {
      out += chunk;
      const nl = out.indexOf("\n");
      if (nl >= 0 && !settled) {
        settled = true;
        const wall = performance.now() - start;
        try {
          resolvePromise({ ...(JSON.parse(out.slice(0, nl)) as ChildReport), wall });
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      }
    });
    p.on("error", reject);
    p.on("exit", (code) => {
      if (!settled) reject(new Error(`cold compile process exited with ${code} before reporting`));
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function stageRows(runs: StageTimings[]): Row[] {
  const d = (f: (x: NonNullable<StageTimings["emitDetail"]>) => number) => runs.map((r) => (r.emitDetail ? f(r.emitDetail) : 0));
  return [
    ["parse", runs.map((r) => r.parse)],
    ["check", runs.map((r) => r.check)],
    ["plan", runs.map((r) => r.plan)],
    ["emit", runs.map((r) => r.emit)],
    ["  waiting for binaryen", d((x) => x.binaryenLoad)],
    ["  read runtime", d((x) => x.readRuntime)],
    ["  generate + link", d((x) => x.link)],
    ["  validate", d((x) => x.validate)],
    ["  write binary", d((x) => x.write)],
    ["compile() total", runs.map((r) => r.total)],
  ];
}

function table(title: string, rows: Row[]): string {
  const lines = [`${title}`, `  ${"stage".padEnd(26)}${"median".padStart(9)}${"min".padStart(9)}${"max".padStart(9)}  (ms)`];
  for (const [name, xs] of rows) {
    lines.push(`  ${name.padEnd(26)}${median(xs).toFixed(1).padStart(9)}${Math.min(...xs).toFixed(1).padStart(9)}${Math.max(...xs).toFixed(1).padStart(9)}`);
  }
  return lines.join("\n") + "\n";
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      entrypoint: { type: "string", short: "e", multiple: true },
      cold: { type: "string", default: "5" },
      warm: { type: "string", default: "10" },
      json: { type: "boolean", default: false },
      child: { type: "boolean", default: false },
    },
  });
  const dir = resolve(positionals[0] ?? "policies");
  const entrypoints = values.entrypoint && values.entrypoint.length > 0 ? values.entrypoint : DEFAULT_ENTRYPOINTS;
  if (values.child) {
    await child(dir, entrypoints);
    return 0;
  }
  const coldN = Math.max(1, Number(values.cold) || 1);
  const warmN = Math.max(1, Number(values.warm) || 1);
  const script = fileURLToPath(import.meta.url);

  // Cold runs one after another: in parallel they would compete for the machine's cores.
  const cold: ColdRun[] = [];
  for (let i = 0; i < coldN; i++) cold.push(await runChild(script, dir, entrypoints));

  await compileOnce(dir, entrypoints); // loads binaryen and warms the JIT
  const warm: StageTimings[] = [];
  let bytes = 0;
  for (let i = 0; i < warmN; i++) {
    const r = await compileOnce(dir, entrypoints);
    warm.push(r.timings);
    bytes = r.bytes;
  }

  if (values.json) {
    const med = (rows: Row[]) => Object.fromEntries(rows.map(([k, xs]) => [k.trim(), median(xs)]));
    const coldRows: Row[] = [
      ["process start to wall", cold.map((c) => c.wall)],
      ["node start", cold.map((c) => c.boot)],
      ["import compiler", cold.map((c) => c.importCompiler)],
      ...stageRows(cold.map((c) => c.timings)),
    ];
    process.stdout.write(JSON.stringify({ dir, entrypoints, bytes, cold: med(coldRows), warm: med(stageRows(warm)) }, null, 2) + "\n");
    return 0;
  }
  process.stdout.write(`compiling ${dir} (${entrypoints.join(", ")}) → ${bytes} bytes\n\n`);
  process.stdout.write(
    table(`cold: ${coldN} new processes`, [
      ["spawn → result (wall)", cold.map((c) => c.wall)],
      ["node start + this script", cold.map((c) => c.boot)],
      ["import compiler", cold.map((c) => c.importCompiler)],
      ...stageRows(cold.map((c) => c.timings)),
    ]),
  );
  process.stdout.write("\n");
  process.stdout.write(table(`warm: ${warmN} compiles in one process`, stageRows(warm)));
  return 0;
}

// Run when executed directly (the bundled build/bench-compile/bench-compile.js), not when imported.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}

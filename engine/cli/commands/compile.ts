// `exempt compile DIR -e pkg/rule [-e …] -o out.wasm [--compiler builtin|opa]`: compile the Rego
// files of a folder to one Wasm module that @open-policy-agent/opa-wasm loads. The built-in
// compiler is the project's own; `--compiler opa` runs `opa build -t wasm` when opa is on PATH.

import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { Option, type Command } from "commander";
import { compileDirectory, formatCompileError } from "../../compiler/index.js";
import type { CommandContext, CommandModule } from "../command.js";
import { EXIT, UsageError } from "../io.js";
import { safeText } from "../report.js";

interface CompileOptions {
  entrypoint: string[];
  output: string;
  compiler: "builtin" | "opa";
  optimize?: boolean;
  strictBuiltinErrors?: boolean;
  verbose?: boolean;
}

/** The file named `name` in an uncompressed tar archive, or null. */
export function tarEntry(tar: Uint8Array, name: string): Uint8Array | null {
  const wanted = name.replace(/^\/+/, "");
  let at = 0;
  while (at + 512 <= tar.length) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const text = (from: number, len: number) => new TextDecoder().decode(header.subarray(from, from + len)).replace(/\0.*$/s, "");
    const prefix = text(345, 155);
    const entry = (prefix ? `${prefix}/` : "") + text(0, 100);
    const size = parseInt(text(124, 12).trim() || "0", 8);
    const type = text(156, 1);
    const start = at + 512;
    if ((type === "0" || type === "") && entry.replace(/^\.?\/+/, "") === wanted) return tar.slice(start, start + size);
    at = start + Math.ceil(size / 512) * 512;
  }
  return null;
}

async function compileWithOpa(dir: string, entrypoints: string[]): Promise<Uint8Array> {
  const probe = spawnSync("opa", ["version"], { encoding: "utf8" });
  if (probe.error) throw new UsageError("--compiler opa: no `opa` executable on PATH (use --compiler builtin, the default)");
  const tmp = await mkdtemp(join(tmpdir(), "exempt-opa-"));
  try {
    const bundle = join(tmp, "bundle.tar.gz");
    const args = ["build", "-t", "wasm", ...entrypoints.flatMap((e) => ["-e", e]), "-o", bundle, dir];
    const run = spawnSync("opa", args, { encoding: "utf8" });
    if (run.status !== 0) throw new CompileFailure(`opa build failed:\n${run.stderr || run.stdout}`);
    const wasm = tarEntry(gunzipSync(await readFile(bundle)), "policy.wasm");
    if (!wasm) throw new CompileFailure("opa build produced no policy.wasm in its bundle");
    return wasm;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

class CompileFailure extends Error {}

async function run(dir: string, options: CompileOptions, { io, setExitCode }: CommandContext): Promise<void> {
  const folder = resolve(io.cwd, dir);
  const output = resolve(io.cwd, options.output);
  if (options.entrypoint.length === 0) throw new UsageError("give at least one entrypoint with -e pkg/rule");
  if (options.compiler === "opa" && options.strictBuiltinErrors) {
    throw new UsageError("--strict-builtin-errors works with --compiler builtin only (opa build -t wasm has no such option)");
  }
  let wasm: Uint8Array;
  try {
    if (options.compiler === "opa") {
      wasm = await compileWithOpa(folder, options.entrypoint);
    } else {
      const out = await compileDirectory(folder, options.entrypoint, {
        optimize: options.optimize ?? false,
        strictBuiltinErrors: options.strictBuiltinErrors ?? false,
      });
      if (options.verbose) {
        const t = out.timings;
        io.err(`parse ${t.parse.toFixed(1)} ms, check ${t.check.toFixed(1)} ms, plan ${t.plan.toFixed(1)} ms, emit ${t.emit.toFixed(1)} ms, total ${t.total.toFixed(1)} ms\n`);
      }
      if (!out.result.ok) {
        for (const e of out.result.errors) io.err(`${safeText(formatCompileError(e))}\n`);
        io.err(`${out.result.errors.length} error${out.result.errors.length === 1 ? "" : "s"}\n`);
        setExitCode(EXIT.invalid);
        return;
      }
      wasm = out.result.value;
    }
  } catch (e) {
    if (e instanceof CompileFailure) {
      io.err(`${safeText(e.message).replace(/\\n/g, "\n")}\n`);
      setExitCode(EXIT.invalid);
      return;
    }
    throw e;
  }
  await writeFile(output, wasm);
  io.out(`wrote ${safeText(options.output)} (${wasm.length} bytes, entrypoints: ${options.entrypoint.map(safeText).join(", ")})\n`);
  setExitCode(EXIT.ok);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function register(program: Command, ctx: CommandContext): void {
  program
    .command("compile")
    .description("compile the Rego files of a folder to a Wasm module for @open-policy-agent/opa-wasm")
    .argument("<dir>", "folder of .rego files (*_test.rego are left out)")
    .option("-e, --entrypoint <path>", "entrypoint, e.g. exemptions/decision or data.exemptions.decision (repeatable)", collect, [])
    .requiredOption("-o, --output <file>", "where to write the .wasm module")
    .addOption(new Option("--compiler <which>", "the project's own compiler, or `opa build -t wasm`").choices(["builtin", "opa"]).default("builtin"))
    .option("--optimize", "run binaryen's optimiser on the generated code (slower compile; little effect measured)")
    .option("--strict-builtin-errors", "a failing built-in aborts evaluation with OPA's error instead of being undefined")
    .option("--verbose", "print the time of each compiler stage")
    .addHelpText(
      "after",
      `
Exit codes: 0 written, 1 compile errors (printed as file:line:col: code: message), 2 usage error.

Examples:
  $ exempt compile policies -e exemptions/decision -e exemptions/validation -o build/policy.wasm
  $ exempt compile policies -e exemptions/decision -o policy.wasm --compiler opa`,
    )
    .action(async (dir: string, options: CompileOptions) => run(dir, options, ctx));
}

export const compileCommand: CommandModule = { register };

// The compiler driver: Rego source → parse → check → plan → Wasm. Each stage reports problems as
// CompileError values; the first stage that fails ends the compilation. Stage times are returned
// for `--verbose` and benchmarks.
//
// The Wasm stage loads binaryen (about half a second) on first use, so compile() is async.
// `npm run bench:compile` measures each stage, cold and warm.

import { readdir, readFile, stat } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import type { CompileError, Result } from "./errors.js";
import type * as ir from "./ir/ir.js";
import type { Module } from "./syntax/ast.js";
import type { EmitTimings } from "./wasm/emit.js";
import { check } from "./check/index.js";
import { plan } from "./plan/index.js";
import { parseModule } from "./syntax/index.js";

export interface SourceModule {
  file: string;
  /** The Rego text (`source` is accepted as a synonym). */
  text?: string;
  source?: string;
}

export interface CompileRequest {
  modules: SourceModule[];
  /** "test/p" or "data.test.p". */
  entrypoints: string[];
  /** The runtime module; default: build/opa-runtime.wasm of this checkout. */
  runtime?: Uint8Array;
  /**
   * Run binaryen's optimiser on the generated code (default false). Measured: evaluation time is
   * dominated by the runtime's functions, and the optimiser changed it by under 10% while adding
   * 0.1–0.7 s of compile time, so it is off unless asked for.
   */
  optimize?: boolean;
  /**
   * OPA's strict built-in errors (`opa eval --strict-builtin-errors`): a built-in that fails (type
   * error, division by zero, bad regex, …) aborts evaluation with OPA's error instead of making the
   * expression undefined (the default). Native and host built-ins both follow it.
   */
  strictBuiltinErrors?: boolean;
  /**
   * Run binaryen's validator on the linked module (default false). It turns a code generator bug
   * into a compile error rather than a module the SDK refuses to load; tests and the conformance
   * runner turn it on. Measured on policies/: 4–50 ms of a 150–1300 ms compile.
   */
  validate?: boolean;
  /**
   * Compile binaryen's own Wasm with V8's baseline compiler only (default true). Only the first
   * compile of a process loads binaryen, so only its value counts. See loadEmitter.
   */
  baselineBinaryen?: boolean;
}

export interface StageTimings {
  parse: number;
  check: number;
  plan: number;
  /** Includes loading binaryen the first time. */
  emit: number;
  total: number;
  /** The parts of `emit`, when it ran (milliseconds). */
  emitDetail?: EmitTimings & {
    /** Waiting for binaryen to load (first compile of a process only; overlaps the front end). */
    binaryenLoad: number;
  };
}

export interface CompileOutput {
  result: Result<Uint8Array>;
  timings: StageTimings;
  /** The planner's output, when planning succeeded (for debugging and tests). */
  policy?: ir.Policy;
}

/** "data.a.b" → "a/b"; "a/b" stays. */
export function normalizeEntrypoint(ep: string): string {
  const t = ep.trim();
  if (t === "data" || t.startsWith("data.")) return t.split(".").slice(1).join("/");
  return t.replace(/^\/+|\/+$/g, "");
}

export async function compile(req: CompileRequest): Promise<Result<Uint8Array>> {
  return (await compileWithTimings(req)).result;
}

function unsupported(message: string): CompileError {
  return { code: "rego_unsupported_error", message, location: null };
}

export async function compileWithTimings(req: CompileRequest): Promise<CompileOutput> {
  const t0 = performance.now();
  const timings: StageTimings = { parse: 0, check: 0, plan: 0, emit: 0, total: 0 };
  const done = (result: Result<Uint8Array>, policy?: ir.Policy): CompileOutput => {
    timings.total = performance.now() - t0;
    return policy ? { result, timings, policy } : { result, timings };
  };

  // Start loading binaryen now, so that the compilation of its Wasm (done by V8 off the main thread)
  // can overlap with the front end.
  const emitModule = loadEmitter(req.baselineBinaryen ?? true);

  const modules: Module[] = [];
  const errors: CompileError[] = [];
  for (const m of req.modules) {
    const r = parseModule(m.file, m.text ?? m.source ?? "");
    if (r.ok) modules.push(r.value);
    else errors.push(...r.errors);
  }
  timings.parse = performance.now() - t0;
  if (errors.length > 0) return done({ ok: false, errors });
  if (req.entrypoints.length === 0) return done({ ok: false, errors: [unsupported("no entrypoint given")] });

  let t = performance.now();
  const entrypoints = req.entrypoints.map(normalizeEntrypoint);
  const checked = check(modules, { entrypoints });
  timings.check = performance.now() - t;
  if (!checked.ok) return done(checked);

  t = performance.now();
  const planned = plan(checked.value, entrypoints);
  timings.plan = performance.now() - t;
  if (!planned.ok) return done(planned);

  t = performance.now();
  try {
    const { emitWasmWithInfo } = await emitModule;
    const binaryenLoad = performance.now() - t;
    const runtime = req.runtime ?? defaultRuntime();
    const { wasm, info } = emitWasmWithInfo(planned.value, runtime, {
      optimize: req.optimize ?? false,
      validate: req.validate ?? false,
      strictBuiltinErrors: req.strictBuiltinErrors ?? false,
    });
    timings.emit = performance.now() - t;
    timings.emitDetail = { binaryenLoad, ...info.timings };
    return done({ ok: true, value: wasm }, planned.value);
  } catch (e) {
    timings.emit = performance.now() - t;
    const message = e instanceof Error ? e.message : String(e);
    return done({ ok: false, errors: [{ code: "rego_compile_error", message: `wasm: ${message}`, location: null }] }, planned.value);
  }
}

let emitter: Promise<typeof import("./wasm/emit.js")> | null = null;

/**
 * The Wasm stage, loading binaryen on first use. binaryen.js is about 10 MB of Wasm that a compile
 * runs for a fraction of a second; by default V8 also recompiles its hot functions with its
 * optimising tier, which on a busy 2-core machine made a cold compile of policies/ take 1.1–1.2 s
 * of which 0.5 s were binaryen reading, linking and writing. With `--liftoff-only` while binaryen's
 * module is compiled (the flag is read when a Wasm module is compiled, so it is switched back
 * right after), the same compile took 0.7–0.8 s; warm compiles change little (read and write of
 * the runtime stay 20–40 ms). Modules compiled by others during that window (none in this
 * project: policies are loaded after compiling) would be baseline-only too. A flag already given to
 * node is left as it is.
 */
function loadEmitter(baseline: boolean): Promise<typeof import("./wasm/emit.js")> {
  if (emitter) return emitter;
  const switchFlag = baseline && !process.execArgv.some((a) => /^--(no-)?liftoff-only$/.test(a));
  if (switchFlag) setFlagsFromString("--liftoff-only");
  const loading = import("./wasm/emit.js");
  emitter = loading;
  const restore = () => {
    if (switchFlag) setFlagsFromString("--no-liftoff-only");
  };
  loading.then(restore, () => {
    restore();
    emitter = null; // a later compile may try again
  });
  return loading;
}

let runtimeCache: Uint8Array | null = null;

/** build/opa-runtime.wasm, found from this file upwards (works from engine/ and from build/). */
export function defaultRuntime(): Uint8Array {
  if (runtimeCache) return runtimeCache;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "build", "opa-runtime.wasm");
    if (existsSync(candidate) && existsSync(join(dir, "package.json"))) {
      runtimeCache = new Uint8Array(readFileSync(candidate));
      return runtimeCache;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error("build/opa-runtime.wasm not found: run `npm run build:runtime`");
    dir = up;
  }
}

/** Every .rego file below dir (tests excluded), sorted, with paths relative to the cwd. */
export async function readRegoDirectory(dir: string): Promise<SourceModule[]> {
  const out: SourceModule[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith(".rego") && !e.name.endsWith("_test.rego")) {
        out.push({ file: relative(process.cwd(), p) || p, text: await readFile(p, "utf8") });
      }
    }
  };
  if (!(await stat(dir)).isDirectory()) throw new Error(`${dir} is not a directory`);
  await walk(resolve(dir));
  return out;
}

export async function compileDirectory(
  dir: string,
  entrypoints: string[],
  options: Omit<CompileRequest, "modules" | "entrypoints"> = {},
): Promise<CompileOutput> {
  const modules = await readRegoDirectory(dir);
  return compileWithTimings({ ...options, modules, entrypoints });
}

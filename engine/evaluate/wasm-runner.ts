// The production PolicyRunner: compile the Rego files of a policy folder with the project's own
// Rego→Wasm compiler (engine/compiler) and run them with the unmodified
// @open-policy-agent/opa-wasm SDK. The organisation's config goes in as data.config.
//
// The compiler is looked up at run time so the rest of the engine builds and runs its tests while
// the compiler is being written; compilerAvailable() says whether it is there.

import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { PolicyRunner } from "./types.js";
import { ENTRYPOINTS } from "./types.js";

/** What this module needs of engine/compiler/index.js. */
export interface CompilerApi {
  compile(request: { modules: { file: string; source: string }[]; entrypoints: string[] }): unknown;
  loadCompiledPolicy(wasm: Uint8Array): Promise<LoadedPolicyLike>;
}

/** The parts of @open-policy-agent/opa-wasm's LoadedPolicy used here. */
export interface LoadedPolicyLike {
  setData(data: unknown): void;
  evaluate(input: unknown, entrypoint?: string | number): { result: unknown }[];
}

/** The repository's policies/ folder (engine/evaluate → ../../policies, also from build/). */
export function defaultPolicyDir(): string {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const up = here.includes("/build/engine/") ? "../../../policies" : "../../policies";
  return join(here, up);
}

// A variable specifier keeps TypeScript from resolving a module that may not exist yet.
const COMPILER_MODULE = "../compiler/index.js";

/** Why the compiler could not be loaded, when it could not (for error messages). */
let compilerLoadError = "";

export async function loadCompilerApi(): Promise<CompilerApi | null> {
  try {
    const m = (await import(COMPILER_MODULE)) as Partial<CompilerApi>;
    if (typeof m.compile === "function" && typeof m.loadCompiledPolicy === "function") return m as CompilerApi;
    compilerLoadError = "engine/compiler/index.js does not export compile and loadCompiledPolicy";
    return null;
  } catch (e) {
    compilerLoadError = e instanceof Error ? e.message : String(e);
    return null;
  }
}

export async function compilerAvailable(): Promise<boolean> {
  return (await loadCompilerApi()) !== null;
}

export class PolicyLoadError extends Error {}

export async function readPolicyModules(dir: string): Promise<{ file: string; source: string }[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".rego") && !n.endsWith("_test.rego")).sort();
  if (names.length === 0) throw new PolicyLoadError(`no .rego files in ${dir}`);
  return Promise.all(names.map(async (n) => ({ file: relative(process.cwd(), join(dir, n)) || n, source: await readFile(join(dir, n), "utf8") })));
}

/** The compiler may return the bytes, or a Result {ok, value | errors}: accept both. */
function wasmOf(out: unknown): Uint8Array {
  if (out instanceof Uint8Array) return out;
  type Err = { message?: string; code?: string; location?: { file?: string; line?: number; col?: number } | null; rule?: string };
  const r = out as { ok?: boolean; value?: unknown; errors?: Err[] } | null;
  if (r && r.ok === true && r.value instanceof Uint8Array) return r.value;
  if (r && r.ok === false) {
    const msgs = (r.errors ?? []).map((e) => {
      const where = e.location ? `${e.location.file}:${e.location.line}:${e.location.col}: ` : "";
      return `${where}${e.code ? e.code + ": " : ""}${e.message ?? String(e)}${e.rule ? ` (rule ${e.rule})` : ""}`;
    });
    throw new PolicyLoadError(`policy compilation failed:\n${msgs.join("\n")}`);
  }
  throw new PolicyLoadError("the compiler returned neither bytes nor a result");
}

export interface RunnerOptions {
  policyDir?: string;
  /** data.config for the validation and approval policies. */
  config?: unknown;
  entrypoints?: string[];
}

export async function loadPolicyRunner(options: RunnerOptions = {}): Promise<PolicyRunner> {
  const api = await loadCompilerApi();
  if (!api) throw new PolicyLoadError(`the Rego compiler (engine/compiler/index.js) cannot be loaded: ${compilerLoadError}`);
  const modules = await readPolicyModules(options.policyDir ?? defaultPolicyDir());
  const entrypoints = options.entrypoints ?? Object.values(ENTRYPOINTS);
  const wasm = wasmOf(await api.compile({ modules, entrypoints }));
  const policy = await api.loadCompiledPolicy(wasm);
  policy.setData({ config: options.config ?? {} });
  return {
    async evaluate(entrypoint: string, input: unknown): Promise<unknown> {
      const rs = policy.evaluate(input, entrypoint);
      // An undefined result (empty set) means the entrypoint's rule did not fire.
      return Array.isArray(rs) && rs.length > 0 ? rs[0]!.result : undefined;
    },
  };
}

// The production PolicyRunner: compile the Rego files of a policy folder with the project's own
// Rego→Wasm compiler (engine/compiler) and run them with the unmodified
// @open-policy-agent/opa-wasm SDK. The organisation's config goes in as data.config.
//

import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PolicyRunner } from "./types.js";
import { ENTRYPOINTS } from "./types.js";
import * as compiler from "../compiler/index.js";
import { findPrebuilt, type PolicySource } from "./precompiled.js";

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

/**
 * The repository's policies/ folder: the nearest `policies/decision.rego` above this module, so
 * it is found from the sources, from build/ and from a bundle in dist/ alike.
 */
export function defaultPolicyDir(): string {
  let dir = fileURLToPath(new URL(".", import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "policies");
    if (existsSync(join(candidate, "decision.rego"))) return candidate;
    dir = join(dir, "..");
  }
  return join(process.cwd(), "policies");
}

/** The compiler's API (a static import, so bundlers such as esbuild include it). */
export async function loadCompilerApi(): Promise<CompilerApi | null> {
  return { compile: compiler.compile as CompilerApi["compile"], loadCompiledPolicy: compiler.loadCompiledPolicy as unknown as CompilerApi["loadCompiledPolicy"] };
}

export async function compilerAvailable(): Promise<boolean> {
  return typeof compiler.compile === "function" && typeof compiler.loadCompiledPolicy === "function";
}

export class PolicyLoadError extends Error {}

/** The policy folder's modules, read by the compiler's own reader; a folder without any is refused. */
export async function readPolicyModules(dir: string): Promise<PolicySource[]> {
  const modules = await compiler.readRegoDirectory(dir);
  if (modules.length === 0) throw new PolicyLoadError(`no .rego files in ${dir}`);
  return modules.map((m) => ({ file: m.file, source: m.text ?? m.source ?? "" }));
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
  if (!api) throw new PolicyLoadError("the Rego compiler (engine/compiler/index.js) is not available");
  const modules = await readPolicyModules(options.policyDir ?? defaultPolicyDir());
  const entrypoints = options.entrypoints ?? Object.values(ENTRYPOINTS);
  // The module `npm run build` wrote, when it was built from exactly these sources.
  const wasm = (await findPrebuilt(modules, entrypoints)) ?? wasmOf(await api.compile({ modules, entrypoints }));
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

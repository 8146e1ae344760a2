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

export class PolicyLoadError extends Error {}

/** The policy folder's modules, read by the compiler's own reader; a folder without any is refused. */
export async function readPolicyModules(dir: string): Promise<PolicySource[]> {
  const modules = await compiler.readRegoDirectory(dir);
  if (modules.length === 0) throw new PolicyLoadError(`no .rego files in ${dir}`);
  return modules.map((m) => ({ file: m.file, source: m.text ?? m.source ?? "" }));
}

async function compilePolicies(modules: PolicySource[], entrypoints: string[]): Promise<Uint8Array> {
  const result = await compiler.compile({ modules, entrypoints });
  if (result.ok) return result.value;
  throw new PolicyLoadError(`policy compilation failed:\n${result.errors.map(compiler.formatCompileError).join("\n")}`);
}

export interface RunnerOptions {
  policyDir?: string;
  /** data.config for the validation and approval policies. */
  config?: unknown;
  entrypoints?: string[];
}

export async function loadPolicyRunner(options: RunnerOptions = {}): Promise<PolicyRunner> {
  const modules = await readPolicyModules(options.policyDir ?? defaultPolicyDir());
  const entrypoints = options.entrypoints ?? Object.values(ENTRYPOINTS);
  // The module `npm run build` wrote, when it was built from exactly these sources.
  const wasm = (await findPrebuilt(modules, entrypoints)) ?? (await compilePolicies(modules, entrypoints));
  const policy = await compiler.loadCompiledPolicy(wasm);
  policy.setData({ config: options.config ?? {} });
  return {
    async evaluate(entrypoint: string, input: unknown): Promise<unknown> {
      const rs = policy.evaluate(input, entrypoint);
      // An undefined result (empty set) means the entrypoint's rule did not fire.
      return Array.isArray(rs) && rs.length > 0 ? rs[0]!.result : undefined;
    },
  };
}

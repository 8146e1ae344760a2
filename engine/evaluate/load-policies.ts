// The compiled policies, ready to run: config file (optional) → data.config, policies folder
// (default: the bundled policies/). Used by `exempt evaluate` (the pipeline), `exempt validate`
// (with policyValidationCheck) and the Action's approval step (engine.approve).

import { loadConfig } from "./config.js";
import { PolicyEngine } from "./engine.js";
import { ENTRYPOINTS } from "./types.js";
import { loadPolicyRunner, PolicyLoadError } from "./wasm-runner.js";

export interface LoadPoliciesOptions {
  /** The organisation's config file. */
  config?: string;
  /** Folder of .rego files; default: the repository's policies/. */
  policies?: string;
  /** Only these entrypoints (compiling fewer is faster); default: all three. */
  entrypoints?: (keyof typeof ENTRYPOINTS)[];
}

/** A config or policy that cannot be loaded throws PolicyLoadError (a config one starts "config:"). */
export async function loadPolicies(options: LoadPoliciesOptions = {}): Promise<PolicyEngine> {
  const config = await loadConfig(options.config);
  if (!config.ok) throw new PolicyLoadError(`config: ${config.message}`);
  return new PolicyEngine(
    await loadPolicyRunner({
      ...(options.policies ? { policyDir: options.policies } : {}),
      config: config.config,
      entrypoints: (options.entrypoints ?? (Object.keys(ENTRYPOINTS) as (keyof typeof ENTRYPOINTS)[])).map((k) => ENTRYPOINTS[k]),
    }),
  );
}

// Public entry point of the evaluation library (used by the CLI and the GitHub Action).
export { evaluate, EvaluateError, type EvaluateRequest, type Policies } from "./pipeline.js";
export { PolicyEngine, PolicyOutputError, checkDecisionResult, checkValidationResult, checkApprovalResult } from "./engine.js";
export { loadPolicyRunner, defaultPolicyDir, readPolicyModules, PolicyLoadError, type RunnerOptions } from "./wasm-runner.js";
export { loadConfig, parseConfig, type ConfigResult } from "./config.js";
export { policyValidationCheck, type Validator } from "./validation-check.js";
export { toPolicyExemption, toDecisionExemption, toValidationExemption, toPolicyScope, validationInput, resourceChain } from "./policy-input.js";
export { BatchDecider, type DeciderStats } from "./decider.js";
export * from "./types.js";

import { PolicyEngine } from "./engine.js";
import { loadConfig } from "./config.js";
import { loadPolicyRunner } from "./wasm-runner.js";
import { ENTRYPOINTS } from "./types.js";

/**
 * The compiled policies, ready to run: config file (optional) → data.config, policies folder
 * (default: the bundled policies/). For `exempt validate` (add policyValidationCheck(engine, …)
 * to the loader's checks) and the Action's approval step (engine.approve).
 */
export async function loadPolicies(options: { config?: string; policies?: string; entrypoints?: (keyof typeof ENTRYPOINTS)[] } = {}): Promise<PolicyEngine> {
  const config = await loadConfig(options.config);
  if (!config.ok) throw new Error(`config: ${config.message}`);
  return new PolicyEngine(
    await loadPolicyRunner({
      ...(options.policies ? { policyDir: options.policies } : {}),
      config: config.config,
      entrypoints: (options.entrypoints ?? (Object.keys(ENTRYPOINTS) as (keyof typeof ENTRYPOINTS)[])).map((k) => ENTRYPOINTS[k]),
    }),
  );
}

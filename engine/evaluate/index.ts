// Public entry point of the evaluation library (used by the CLI and the GitHub Action).
export { evaluate, EvaluateError, type EvaluateRequest, type Policies } from "./pipeline.js";
export { PolicyEngine, PolicyOutputError, checkDecisionResult, checkValidationResult, checkApprovalResult } from "./engine.js";
export { loadPolicyRunner, defaultPolicyDir, readPolicyModules, PolicyLoadError, type RunnerOptions } from "./wasm-runner.js";
export { loadConfig, parseConfig, type ConfigResult } from "./config.js";
export { policyValidationCheck, type Validator } from "./validation-check.js";
export { toPolicyExemption, toDecisionExemption, toValidationExemption, toPolicyScope, validationInput, resourceChain } from "./policy-input.js";
export { BatchDecider, type DeciderStats } from "./decider.js";
export * from "./types.js";
export { loadPolicies, type LoadPoliciesOptions } from "./load-policies.js";

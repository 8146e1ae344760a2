// The checker's public surface.
export { check, type CheckOptions } from "./check.js";
export type { CheckedProgram, RuleInfo } from "./program.js";

// The checker's public surface: check(modules) → Result<CheckedProgram>.
// Input: parsed modules (engine/compiler/syntax); output: rewritten copies with absolute refs,
// renamed locals and bodies in a safe evaluation order, plus rule, package and built-in indexes
// for the planner (program.ts states the guarantees). Errors carry OPA's codes and messages.
export { check, type CheckOptions } from "./check.js";
export type { CheckedProgram, RuleInfo } from "./program.js";

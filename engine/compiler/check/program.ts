// The checker's output, as agreed with the planner (engine/compiler/plan/): the rewritten modules
// plus indexes of rules, packages and built-ins, so the planner needs no name resolution of its own.

import type { Module, Rule, Term } from "../syntax/ast.js";

export interface CheckedProgram {
  /** The rewritten modules (copies; the input ASTs are not mutated). */
  modules: Module[];
  /** Every rule by the full path of its ref below data, e.g. "test.p" or "a.b.c" (for ref heads
   *  with variable parts, the path up to the first variable part: `a.b[x] := …` → "a.b"),
   *  in source order across modules; default rules included (isDefault). */
  rules: Map<string, RuleInfo[]>;
  /** Package paths (e.g. "test", "a.b") of all modules. */
  packages: string[];
  /** Built-in functions called anywhere (OPA names, e.g. "count", "strings.replace_n"). */
  builtins: Map<string, { arity: number }>;
}
export interface RuleInfo {
  rule: Rule;
  module: Module;
  /** Absolute path of the rule's ref as terms: [ "a", "b", <Term x> ] (strings for constant parts). */
  path: Array<string | Term>;
}

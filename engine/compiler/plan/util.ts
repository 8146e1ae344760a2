// Small helpers shared by the planner modules: names of operators, errors.

import type * as ir from "../ir/ir.js";
import type { Location, Term } from "../syntax/ast.js";
import { operatorName } from "../syntax/terms.js";

export type Operand = ir.Operand;
export type Local = ir.Local;
/** A continuation: plans the rest of a body at the current point. */
export type Cont = () => void;

/** A construct the planner cannot lower; reported as rego_unsupported_error. */
export class PlanError extends Error {
  /** The rule (path below data) whose planning failed, once known. */
  rule: string | undefined;

  constructor(
    message: string,
    readonly location: Location | null,
  ) {
    super(message);
  }
}

export const nowhere: Location = { file: "", line: 0, col: 0, offset: 0 };

export function trueTerm(loc: Location): Term {
  return { type: "boolean", value: true, loc };
}

/** `count` → "count", `strings.replace_n` → "strings.replace_n", `data.a.f` → "data.a.f". */
export function refName(t: Term): string {
  const n = refNameOrNull(t);
  if (n === null) throw new PlanError("operator is not a name", t.loc);
  return n;
}

export function refNameOrNull(t: Term): string | null {
  if (t.type === "var") return t.name;
  return t.type === "ref" ? operatorName(t) : null;
}


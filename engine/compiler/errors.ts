// Compile errors as values. Every stage (parse, check, plan, emit) reports problems as
// CompileError values; the driver collects them and the CLI prints them like OPA does:
//   policy.rego:12:5: rego_unsafe_var_error: var x is unsafe (rule allow)

import type { Location } from "./syntax/ast.js";

/** OPA's error codes, so that tools and tests can match on them. */
export type CompileErrorCode =
  | "rego_parse_error"
  | "rego_compile_error"
  | "rego_unsafe_var_error"
  | "rego_recursion_error"
  | "rego_type_error"
  | "rego_unsupported_error";

export interface CompileError {
  code: CompileErrorCode;
  message: string;
  location: Location | null;
  /** The rule the error is in, when there is one (its path below data, e.g. "test.p"). */
  rule?: string;
}

export type Result<T, E = CompileError[]> = { ok: true; value: T } | { ok: false; errors: E };

export function formatCompileError(e: CompileError): string {
  const where = e.location ? `${e.location.file}:${e.location.line}:${e.location.col}: ` : "";
  const rule = e.rule ? ` (rule ${e.rule})` : "";
  return `${where}${e.code}: ${e.message}${rule}`;
}

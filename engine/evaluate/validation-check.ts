// The Rego validation policy as one more check in the exemption loader's pipeline, so that
// `exempt validate` and `exempt evaluate` report policy denials exactly like schema errors:
// file:line:col of the field at fault.

import { diagnosticAt, type ExemptionCheck } from "../exemptions/checks.js";
import { childPointer } from "../exemptions/positions.js";
import type { Diagnostic } from "../exemptions/types.js";
import type { AssessmentMetadata } from "../inputs/metadata.js";
import type { ManagementTree } from "../inputs/tree.js";
import { validationInput } from "./policy-input.js";
import type { ValidationInput, ValidationResult } from "./types.js";

export interface Validator {
  validate(input: ValidationInput): Promise<ValidationResult>;
}

export function policyValidationCheck(
  validator: Validator,
  context: { metadata: ReadonlyMap<string, AssessmentMetadata> | null; tree: ManagementTree | null },
): ExemptionCheck {
  return {
    id: "policy",
    description: "the organisation's rules in policies/validation.rego",
    async run({ files, at }) {
      const input = validationInput(files.map((f) => f.exemption), at, context.metadata, context.tree);
      const result = await validator.validate(input);
      const byFile = new Map(files.map((f) => [f.file, f]));
      const out: Diagnostic[] = [];
      const place = (severity: "error" | "warning", finding: ValidationResult["deny"][number]) => {
        const f = byFile.get(finding.file);
        const pointer = finding.field ? childPointer("", finding.field) : "";
        if (f) out.push(diagnosticAt(f, pointer, severity, "policy", finding.message));
        else out.push({ severity, file: finding.file, line: 1, col: 1, field: finding.field, pointer, message: finding.message, code: "policy" });
      };
      for (const d of result.deny) place("error", d);
      for (const w of result.warn) place("warning", w);
      return out;
    },
  };
}

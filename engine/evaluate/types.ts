// The documents exchanged with the Rego policies (policies/*.rego). These are the policies'
// public input and output contracts: policies/README.md describes them for policy authors.

/** An exemption as the decision policy sees it: lower-cased keys and scope keys, times in ms. */
export interface PolicyExemption {
  name: string;
  recommendations: string[];
  /** Scope keys (lower-cased Azure IDs) or "global". */
  scopes: string[];
  category: string;
  justification: string;
  /** Expiry instant in ms since the epoch (UTC); null when the file sets none. */
  expires_ms: number | null;
  status: "active" | "canceled";
  /**
   * The assessment metadata's `assessmentType` of each recommendation the metadata knows (only
   * when metadata was given). The decision policy lets only BuiltIn (or unknown) ones be exempted.
   */
  assessment_types?: Record<string, string>;
}

export interface PolicyAssessment {
  /** Batch-local identifier; decisions are keyed by it. */
  id: string;
  key: string;
  /** Scope keys from the resource itself upwards (see policies/decision.rego). */
  chain: string[];
}

export interface DecisionBatch {
  at_ms: number;
  exemptions: PolicyExemption[];
  assessments: PolicyAssessment[];
}

export interface Decision {
  exemption: string;
  scope: string;
  rank: number;
  status: "NotApplicable";
  cause: "Exempt";
  reason: string;
  /** Other exemptions that also cover the assessment but lost on precedence. */
  others: string[];
}

export type ExemptionStatus = "in_effect" | "expired" | "canceled" | "suspended" | "not_yet_effective";

export interface ExemptionStatusEntry {
  status: ExemptionStatus;
  suspended_on: string[];
  suspended_by: string[];
}

export interface DecisionResult {
  decisions: Record<string, Decision>;
  exemption_status: Record<string, ExemptionStatusEntry>;
}

/** The decision policy, however it is run (compiled Wasm in production). */
export interface DecisionEngine {
  decide(batch: DecisionBatch): Promise<DecisionResult>;
}

/** A scope as the validation and approval policies see it. */
export interface PolicyScope {
  key: string;
  level: "global" | "managementGroup" | "subscription" | "resourceGroup" | "resource";
  /** Scope keys above this one, nearest first, as far as the ID and the tree tell. */
  ancestors: string[];
  subscription: string | null;
  management_group: string | null;
}

export interface ValidationExemption extends Omit<PolicyExemption, "scopes"> {
  file: string;
  scopes: PolicyScope[];
}

export interface ValidationInput {
  at_ms: number;
  exemptions: ValidationExemption[];
  metadata: Record<string, { assessment_type: string; display_name: string | null }> | null;
  tree: { subscriptions: Record<string, true>; management_groups: Record<string, true> } | null;
}

export interface PolicyFinding {
  name: string;
  file: string;
  field: string;
  message: string;
}

export interface ValidationResult {
  deny: PolicyFinding[];
  warn: PolicyFinding[];
}

export interface ApprovalChange {
  kind: "added" | "modified" | "removed";
  name: string;
  before: ValidationExemption | null;
  after: ValidationExemption | null;
}

export interface ApprovalResult {
  required: { group: string; name: string; reason: string }[];
  groups: string[];
}

/** Runs a compiled policy entrypoint. */
export interface PolicyRunner {
  evaluate(entrypoint: string, input: unknown): Promise<unknown>;
}

export const ENTRYPOINTS = {
  decision: "exemptions/decision/result",
  validation: "exemptions/validation/result",
  approval: "exemptions/approval/result",
} as const;

// What the action needs from the engine, as an interface. The action is a thin adapter
// (inputs -> engine -> GitHub); this file is the seam. `engine-adapter.ts` implements it with the
// engine library; tests may pass their own implementation to exercise GitHub-facing behaviour.
// Shapes follow the engine's public JSON report contract (issue 4).

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  /** Repository-relative path ('/' separators). */
  file: string;
  line?: number;
  column?: number;
  field?: string;
  severity: Severity;
  code?: string;
  message: string;
}

/** One exemption as read from a file, in the form the approval policy and the report need. */
export interface ExemptionInfo {
  name: string;
  file: string;
  displayName?: string;
  description?: string;
  category?: string;
  justification?: string;
  scopes: string[];
  recommendations: string[];
  expiresOn?: string;
  status?: string;
  /** The policy input form (normalised by the engine), passed to the approval policy as is. */
  normalised?: unknown;
}

export interface ScoreValue { current: number; max: number; percentage: number }
export interface ControlCounts { current: number; max: number; healthy: number; unhealthy: number; notApplicable: number }

export interface EvaluationReport {
  at: string;
  secureScore: { before: ScoreValue; after: ScoreValue };
  controls: { id: string; displayName: string; before: ControlCounts; after: ControlCounts }[];
  notApplicable: { resourceId: string; assessmentKey: string; exemption: string; category: string; justification: string }[];
  exemptions: { name: string; status: string; matched: number }[];
  /** Input problems (rows skipped, files unreadable), as the engine reports them. */
  issues?: { file?: string; line?: number; message: string }[];
}

export interface EvaluationInputs {
  exemptionsDir: string;
  assessments: string;
  tree: string;
  controls: string;
  metadata?: string;
  config?: string;
  policies?: string;
  at: Date;
}

export interface ApprovalChange {
  kind: "added" | "modified" | "removed";
  name: string;
  before: ExemptionInfo | null;
  after: ExemptionInfo | null;
}

export interface ApprovalRequired { group: string; name: string; reason: string }

export interface Engine {
  /** Schema + policy validation of the exemption tree at `dir` (paths relative to `root`). */
  validate(dir: string, root: string, inputs: Omit<EvaluationInputs, "exemptionsDir">): Promise<{ diagnostics: Diagnostic[]; exemptions: ExemptionInfo[] }>;
  evaluate(inputs: EvaluationInputs): Promise<EvaluationReport>;
  /** The approval policy: which groups must approve these changes. */
  approvals(changes: ApprovalChange[], inputs: { config?: string; policies?: string; at: Date }): Promise<ApprovalRequired[]>;
}

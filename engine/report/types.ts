// The JSON report of `exempt evaluate`: a public contract, described by report.schema.json
// (JSON Schema 2020-12) next to this file. Add fields freely; never rename or remove one without
// bumping schemaVersion.

import type { ControlScore, ScoreSummary } from "../score/formula.js";
import type { RecommendationState } from "../score/recommendations.js";
import type { ExemptionStatus } from "../evaluate/types.js";
import type { AssessmentStatus } from "../inputs/assessments.js";

export const REPORT_SCHEMA_VERSION = 1;

export interface ReportScore extends ScoreSummary {}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  /** The evaluation time (RFC 3339, UTC). */
  at: string;
  secureScore: {
    before: ReportScore;
    after: ReportScore;
    /** after − before, for current and percentage. */
    delta: { current: number; percentage: number };
  };
  controls: { id: string; displayName: string; before: ControlScore; after: ControlScore }[];
  subscriptions: {
    id: string;
    displayName: string | null;
    /** Management group names above the subscription, nearest first (from the tree). */
    managementGroups: string[];
    before: ReportScore;
    after: ReportScore;
  }[];
  /** Assessments this exemption set makes not applicable (or keeps so, for rows already exempt). */
  notApplicable: {
    resourceId: string;
    assessmentKey: string;
    exemption: string;
    category: string;
    justification: string;
    scope: string;
    /** The assessment's status in the data, before the exemptions. */
    before: AssessmentStatus;
    reason: string;
  }[];
  exemptions: {
    name: string;
    file: string;
    status: ExemptionStatus;
    /** Assessments the exemption is the reported exemption for. */
    matched: number;
    category: string;
    justification: string;
    expiresOn: string | null;
    suspendedOn: string[];
    suspendedBy: string[];
  }[];
  recommendations: {
    assessmentKey: string;
    displayName: string | null;
    state: RecommendationState;
    assessments: number;
    excepted: number;
    unhealthy: number;
    exposedAfter: number;
  }[];
  /** Unhealthy assessments before, and those still exposed after mitigation-like exceptions. */
  exposure: { unhealthy: number; exposedAfter: number };
  /** Rows NotApplicable with cause Exempt in the data that no exemption file covers. */
  drift: { resourceId: string; assessmentKey: string; cause: string; file: string; line: number }[];
  validation: {
    deny: { file: string; line: number; col: number; field: string; message: string; code: string }[];
    warn: { file: string; line: number; col: number; field: string; message: string; code: string }[];
  };
  inputs: {
    exemptionFiles: number;
    exemptionsLoaded: number;
    assessmentRows: number;
    assessmentsAccepted: number;
    assessmentsRejected: number;
    /** Assessments whose key belongs to no control (they do not count in the score). */
    unscoredAssessments: number;
    subscriptions: number;
    controls: number;
    policyCalls: number;
    policyQuestions: number;
  };
  /** Problems with input files and rows, with their location (at most the first 1000). */
  issues: { source: string; severity: "error" | "warning"; file: string; line?: number; index?: number; field?: string; message: string }[];
  issueCounts: { errors: number; warnings: number; listed: number };
}

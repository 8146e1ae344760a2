// Recommendation state and exposure after exceptions, per assessment key (the devices product's
// views applied to Defender for Cloud assessments).
//
// state: active (nothing excepted), partial_exception (some applicable assessments excepted),
// full_exception (all of them). "Applicable" means Healthy, Unhealthy, or already NotApplicable
// because of an exemption; assessments not applicable for another reason (OffByPolicy…) are not
// counted, since no exemption is needed for them.
//
// Exposure: of the unhealthy assessments, those still exposed after exceptions. Only
// mitigation-like justifications remove exposure; a waiver (risk accepted, planned remediation,
// business need) changes the score but the resource stays exposed.

import { CATEGORY_OF_JUSTIFICATION } from "../exemptions/types.js";
import { isExemptedRow, type AssessmentStatus } from "../inputs/assessments.js";

/** The justifications of the "mitigated" category (DESIGN.md §2), the one list of them. */
export const MITIGATION_LIKE: ReadonlySet<string> = new Set(
  Object.entries(CATEGORY_OF_JUSTIFICATION).filter(([, category]) => category === "mitigated").map(([justification]) => justification),
);

export type RecommendationState = "active" | "partial_exception" | "full_exception";

export interface RecommendationResult {
  assessmentKey: string;
  state: RecommendationState;
  /** Applicable assessments (see above). */
  assessments: number;
  /** Of those, covered by an exemption in effect. */
  excepted: number;
  unhealthy: number;
  /** Unhealthy assessments not covered by a mitigation-like exemption. */
  exposedAfter: number;
}

interface Tally {
  assessments: number;
  excepted: number;
  unhealthy: number;
  mitigated: number;
}

export function stateOf(applicable: number, excepted: number): RecommendationState {
  if (excepted === 0) return "active";
  return excepted >= applicable ? "full_exception" : "partial_exception";
}

export class RecommendationTally {
  private readonly byKey = new Map<string, Tally>();

  /** Count a key even without assessments (an exemption names it): it then reads as active. */
  touch(key: string): void {
    if (!this.byKey.has(key)) this.byKey.set(key, { assessments: 0, excepted: 0, unhealthy: 0, mitigated: 0 });
  }

  add(key: string, status: AssessmentStatus, cause: string | null, exemption: { justification: string } | null): void {
    this.touch(key);
    const t = this.byKey.get(key)!;
    // A row not applicable for a reason of its own (OffByPolicy, no cause…) needs no exemption: an
    // exemption covering it makes nothing not applicable (the pipeline lists no resource for it and
    // counts no match), so it must not turn an active recommendation into a partial exception.
    const applicable = status !== "NotApplicable" || isExemptedRow({ status, cause });
    if (!applicable) return;
    t.assessments++;
    if (exemption) t.excepted++;
    if (status === "Unhealthy") {
      t.unhealthy++;
      if (exemption && MITIGATION_LIKE.has(exemption.justification)) t.mitigated++;
    }
  }

  result(): RecommendationResult[] {
    return [...this.byKey.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([assessmentKey, t]) => ({
        assessmentKey,
        state: stateOf(t.assessments, t.excepted),
        assessments: t.assessments,
        excepted: t.excepted,
        unhealthy: t.unhealthy,
        exposedAfter: t.unhealthy - t.mitigated,
      }));
  }
}

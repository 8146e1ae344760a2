// Recommendation state and exposure: rows that are not applicable for a reason of their own.
import { describe, expect, it } from "vitest";
import { RecommendationTally } from "../../engine/score/index.js";

const K1 = "aaaaaaaa-0000-0000-0000-000000000001";
const waiver = { justification: "risk_accepted" };

describe("recommendation state", () => {
  it("an exemption covering a row already not applicable for another reason (OffByPolicy) excepts nothing", () => {
    // The exemption makes nothing not applicable here (the pipeline lists no resource for it and
    // counts it as matching nothing), so the recommendation is still fully active.
    const t = new RecommendationTally();
    t.add(K1, "Unhealthy", null, null);
    t.add(K1, "NotApplicable", "OffByPolicy", waiver);
    t.add(K1, "NotApplicable", null, waiver);
    expect(t.result()).toEqual([{ assessmentKey: K1, state: "active", assessments: 1, excepted: 0, unhealthy: 1, exposedAfter: 1 }]);
  });

  it("a row exempt in the data and covered by a file counts as excepted; one covered by no file (drift) does not", () => {
    const t = new RecommendationTally();
    t.add(K1, "NotApplicable", "Exempt", waiver);
    t.add(K1, "NotApplicable", "exempt", null);
    t.add(K1, "Healthy", null, null);
    expect(t.result()).toEqual([{ assessmentKey: K1, state: "partial_exception", assessments: 3, excepted: 1, unhealthy: 0, exposedAfter: 0 }]);
  });
});

import { describe, expect, it } from "vitest";
import { computeImpact, exemptionChanges, pointsDelta } from "../../action/report/impact.js";
import { renderReport } from "../../action/report/comment.js";
import type { EvaluationReport, ExemptionInfo } from "../../action/engine-port.js";

const info = (name: string, file: string, extra: Partial<ExemptionInfo> = {}): ExemptionInfo => ({ name, file, scopes: ["/subscriptions/s1"], recommendations: ["k1"], category: "waiver", justification: "risk_accepted", ...extra });
const counts = (current: number, max: number, healthy: number, unhealthy: number) => ({ current, max, healthy, unhealthy, notApplicable: 0 });
function report(pct: number, na: [string, string, string][], mfa: number): EvaluationReport {
  return {
    at: "2026-11-22T00:00:00Z",
    secureScore: { before: { current: 1, max: 10, percentage: 0.1 }, after: { current: pct * 10, max: 10, percentage: pct } },
    controls: [
      { id: "mfa", displayName: "Enable MFA", before: counts(0, 10, 0, 4), after: counts(mfa, 10, 1, 3) },
      { id: "tls", displayName: "Encrypt data in transit", before: counts(2, 4, 1, 1), after: counts(2, 4, 1, 1) },
    ],
    notApplicable: na.map(([resourceId, assessmentKey, exemption]) => ({ resourceId, assessmentKey, exemption, category: "waiver", justification: "risk_accepted" })),
    exemptions: [],
  };
}

describe("impact of a pull request", () => {
  it("maps file changes (add, modify, rename, delete) to exemptions on each side", () => {
    const base = [info("kept", "exemptions/kept.yaml"), info("old-name", "exemptions/old.yaml"), info("gone", "exemptions/gone.yaml")];
    const head = [info("kept", "exemptions/kept.yaml", { expiresOn: "2027-01-01" }), info("old-name", "exemptions/new.yaml"), info("fresh", "exemptions/fresh.yaml")];
    const changes = exemptionChanges([
      { kind: "modified", path: "exemptions/kept.yaml" },
      { kind: "renamed", path: "exemptions/new.yaml", oldPath: "exemptions/old.yaml" },
      { kind: "deleted", path: "exemptions/gone.yaml" },
      { kind: "added", path: "exemptions/fresh.yaml" },
      { kind: "added", path: "exemptions/broken.yaml" },
    ], base, head);
    expect(changes.map((c) => [c.kind, c.name, c.before?.name ?? null, c.after?.name ?? null])).toEqual([
      ["modified", "kept", "kept", "kept"],
      ["modified", "old-name", "old-name", "old-name"],
      ["removed", "gone", "gone", null],
      ["added", "fresh", null, "fresh"],
      ["added", "broken", null, null], // a file that does not parse keeps its file name
    ]);
  });

  it("compares base and head: score delta, changed controls, newly and no longer not applicable (IDs case-insensitive), expiring soon", () => {
    const base = report(0.4, [["/subscriptions/S1/rg/a", "K1", "gone"], ["/subscriptions/s1/rg/b", "k1", "kept"]], 0);
    const head = report(0.4523, [["/subscriptions/s1/RG/B", "K1", "kept"], ["/subscriptions/s2", "k2", "fresh"]], 2.5);
    const impact = computeImpact({
      base, head, changes: [], diagnostics: [{ file: "f.yaml", line: 2, severity: "error", message: "x" }, { file: "f.yaml", severity: "warning", message: "w" }],
      headExemptions: [info("soon", "a.yaml", { expiresOn: "2026-12-01" }), info("later", "b.yaml", { expiresOn: "2027-06-01" }), info("past", "c.yaml", { expiresOn: "2026-01-01" })],
      at: new Date("2026-11-22T00:00:00Z"), expiringWithinDays: 30,
    });
    expect(impact.score.deltaPoints).toBe(5.23);
    expect(impact.controls.map((c) => [c.displayName, c.delta])).toEqual([["Enable MFA", 2.5]]);
    expect(impact.newlyNotApplicable.map((e) => e.exemption)).toEqual(["fresh"]);
    expect(impact.noLongerNotApplicable.map((e) => e.exemption)).toEqual(["gone"]);
    expect(impact.expiring).toEqual([{ name: "soon", file: "a.yaml", expiresOn: "2026-12-01", days: 9 }]);
    expect([impact.denied.length, impact.warnings.length]).toEqual([1, 1]);
    expect(pointsDelta({ current: 0, max: 1, percentage: 0.5 }, { current: 0, max: 1, percentage: 0.4 })).toBe(-10);

    const md = renderReport(impact, { prNumber: 7, headSha: "abcdef1234567", rowLimit: 1 });
    expect(md).toContain("**Secure score:** 40.00 % → 45.23 % (**+5.23 pts**)");
    expect(md).toContain("| Enable MFA | 0.00 / 10 | 2.50 / 10 | +2.50 | 3 → 3 |");
    expect(md).toContain("Resources no longer not applicable (1)");
    expect(md).toContain("soon expires on 2026-12-01 (in 9 days)");
  });

  it("limits rows per table and says how many more", () => {
    const many: [string, string, string][] = Array.from({ length: 120 }, (_, i) => [`/subscriptions/s${i}`, "k", "e"]);
    const impact = computeImpact({ base: report(0.1, [], 0), head: report(0.2, many, 0), changes: [], diagnostics: [], headExemptions: [], at: new Date(), expiringWithinDays: 0 });
    const md = renderReport(impact, { prNumber: 1, headSha: "0".repeat(40), rowLimit: 50 });
    expect(md.match(/^\| \/subscriptions\//gm)).toHaveLength(50);
    expect(md).toContain("… and 70 more resources (full list in the job summary).");
  });
});

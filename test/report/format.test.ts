import { describe, expect, it } from "vitest";
import { csvField, mdText, termText } from "../../engine/report/escape.js";
import { formatReport } from "../../engine/report/format.js";
import { validateReport } from "../../engine/report/schema.js";
import { REPORT_SCHEMA_VERSION, type Report } from "../../engine/report/types.js";

const KEY = "0a0a0a0a-0000-4000-8000-0000000000a1";
const HOSTILE = "x | y `code` <img src=x onerror=alert(1)> @octocat #12 [link](http://evil) **bold**\n# heading";

function sample(overrides: Partial<Report> = {}): Report {
  const score = { current: 5, max: 10, percentage: 0.5 };
  const cs = { ...score, healthy: 1, unhealthy: 1, notApplicable: 0 };
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    at: "2026-11-22T12:00:00.000Z",
    secureScore: { before: score, after: { current: 10, max: 10, percentage: 1 }, delta: { current: 5, percentage: 0.5 } },
    controls: [{ id: "c1", displayName: HOSTILE, before: cs, after: { ...cs, current: 10, percentage: 1, unhealthy: 0, notApplicable: 1 } }],
    subscriptions: [{ id: "s1", displayName: "prod", managementGroups: ["team", "root"], before: score, after: score }],
    notApplicable: [{ resourceId: "=HYPERLINK(\"http://evil\")", assessmentKey: KEY, exemption: HOSTILE, category: "waiver", justification: "risk_accepted", scope: "global", before: "Unhealthy", reason: "r" }],
    exemptions: [{ name: "e1", file: "exemptions/e1.yaml", status: "in_effect", matched: 1, category: "waiver", justification: "risk_accepted", expiresOn: "2027-01-01T00:00:00.000Z", suspendedOn: [], suspendedBy: [] }],
    recommendations: [{ assessmentKey: KEY, displayName: null, state: "full_exception", assessments: 1, excepted: 1, unhealthy: 1, exposedAfter: 1 }],
    exposure: { unhealthy: 1, exposedAfter: 1 },
    drift: [],
    validation: { deny: [], warn: [] },
    inputs: { exemptionFiles: 1, exemptionsLoaded: 1, assessmentRows: 2, assessmentsAccepted: 2, assessmentsRejected: 0, unscoredAssessments: 0, subscriptions: 1, controls: 1, policyCalls: 2, policyQuestions: 1 },
    issues: [],
    issueCounts: { errors: 0, warnings: 0, listed: 0 },
    ...overrides,
  };
}

describe("escaping", () => {
  it("markdown: no live HTML, mentions, references, links, code or table breaks survive", () => {
    const out = mdText(HOSTILE);
    expect(out).not.toMatch(/<|>|\n|@octocat|#12|http:\/\//);
    // Every markdown character is backslash-escaped: pipes, backticks, stars, brackets.
    expect(out).not.toMatch(/(^|[^\\])[|`*[\]]/);
    expect(out).toContain("&lt;img");
    expect(out).toContain("&#64;octocat");
  });

  it("terminal: control characters and escape sequences are replaced", () => {
    expect(termText("a\u001b[31mred\u0007b\nc")).toBe("a\uFFFD[31mred\uFFFDb c");
  });

  it("csv: quotes fields and defuses formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("=1+1")).toBe(`"'=1+1"`);
    expect(csvField("-2")).toBe(`"'-2"`);
    expect(csvField("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvField(3)).toBe("3");
  });
});

describe("formats", () => {
  it("the sample report is valid against the published schema, and a broken one is not", () => {
    expect(validateReport(sample())).toEqual({ ok: true });
    const broken = sample() as unknown as Record<string, unknown>;
    delete broken.drift;
    const r = validateReport(broken);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.join()).toMatch(/drift/);
  });

  it("text starts with the score delta", () => {
    const lines = formatReport(sample(), "text").split("\n");
    expect(lines[0]).toBe("Secure score: 50.00% → 100.00% (+50.00 points)");
  });

  it("markdown shows hostile names escaped inside tables", () => {
    const md = formatReport(sample(), "markdown");
    expect(md.split("\n")[0]).toBe("### Secure score: 50.00% → 100.00% (**+50.00** points)");
    expect(md).not.toContain("<img");
    expect(md).not.toContain("@octocat");
    // Each table row keeps its column count: escaped pipes do not split cells.
    const row = md.split("\n").find((l) => l.includes("=HYPERLINK"))!;
    expect(row.split(/(?<!\\)\|/).length).toBe(7);
  });

  it("csv lists every not-applicable resource, injection-safe", () => {
    const csv = formatReport(sample(), "csv");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("resourceId,assessmentKey,exemption,category,justification,scope,before");
    expect(lines[1]!.startsWith(`"'=HYPERLINK(""http://evil"")"`)).toBe(true);
  });

  it("json round-trips the report", () => {
    expect(JSON.parse(formatReport(sample(), "json"))).toEqual(sample());
  });
});

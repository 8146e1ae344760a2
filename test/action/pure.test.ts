import { describe, expect, it } from "vitest";
import { md } from "../../action/report/escape.js";
import { fitComment, COMMENT_LIMIT } from "../../action/report/truncate.js";
import { annotationCommand, escapeData, escapeProperty } from "../../action/checks/workflow-commands.js";
import { foldReviews, currentApprovers } from "../../action/approval/fold.js";
import { decideApproval, qualifyGroup } from "../../action/approval/requirements.js";
import { parseNameStatus, isUnder } from "../../action/git/changes.js";
import { chunk } from "../../action/checks/check-runs.js";

describe("md escaping of untrusted text", () => {
  it("neutralises HTML, markdown, mentions and line breaks", () => {
    const out = md("<img src=x onerror=alert(1)> **bold** [link](http://x) `code` @octocat | cell\n# heading");
    expect(out).not.toMatch(/<img/);
    expect(out).toContain("&lt;img");
    expect(out).not.toMatch(/(^|[^\\])\*\*/);
    expect(out).not.toMatch(/(^|[^\\])`/);
    expect(out).not.toMatch(/(^|[^\\])\|/);
    expect(out).not.toMatch(/@octocat/);
    expect(out).toContain("@\u200boctocat");
    expect(out).not.toContain("\n");
  });
  it("escapes backslashes first so an escape cannot be cancelled", () => {
    expect(md("\\`")).toBe("\\\\\\`");
  });
});

describe("fitComment", () => {
  it("leaves short bodies alone and keeps the tail", () => {
    expect(fitComment("hi", "see summary", "<!-- m -->")).toEqual({ body: "hi<!-- m -->", truncated: false });
  });
  it("cuts long bodies under the limit at a line, closes fences and details, keeps the marker", () => {
    const body = "<details>\n```\n" + Array.from({ length: 20000 }, (_, i) => `line ${i}`).join("\n");
    const { body: out, truncated } = fitComment(body, "Truncated: see the job summary.", "\n<!-- m -->");
    expect(truncated).toBe(true);
    expect(out.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(out.endsWith("\n<!-- m -->")).toBe(true);
    expect(out).toContain("Truncated: see the job summary.");
    expect((out.match(/^```/gm) ?? []).length % 2).toBe(0);
    expect(out).toContain("</details>");
    expect(out).toMatch(/line \d+\n```/);
  });
});

describe("workflow-command annotations", () => {
  it("escapes data and properties per the runner's rules", () => {
    expect(escapeData("50% done\r\nnext")).toBe("50%25 done%0D%0Anext");
    expect(escapeProperty("a:b,c%")).toBe("a%3Ab%2Cc%25");
    expect(annotationCommand({ level: "error", file: "exemptions/x,y::z.yaml", line: 4, endLine: 4, title: "deny: waiver", message: "line1\n::warning::injected" }))
      .toBe("::error file=exemptions/x%2Cy%3A%3Az.yaml,line=4,endLine=4,title=deny%3A waiver::line1%0A::warning::injected");
  });
});

describe("foldReviews", () => {
  const head = "h".repeat(40);
  it("keeps the latest decisive review per reviewer; comments do not undo approvals", () => {
    const states = foldReviews([
      { login: "alice", state: "CHANGES_REQUESTED", commitId: head, submittedAt: "2026-01-01T00:00:00Z" },
      { login: "alice", state: "APPROVED", commitId: head, submittedAt: "2026-01-02T00:00:00Z" },
      { login: "alice", state: "COMMENTED", commitId: head, submittedAt: "2026-01-03T00:00:00Z" },
      { login: "bob", state: "APPROVED", commitId: head, submittedAt: "2026-01-01T00:00:00Z" },
      { login: "bob", state: "DISMISSED", commitId: head, submittedAt: "2026-01-02T00:00:00Z" },
      { login: "carol", state: "APPROVED", commitId: "old", submittedAt: "2026-01-02T00:00:00Z" },
      { login: "Author", state: "APPROVED", commitId: head, submittedAt: "2026-01-02T00:00:00Z" },
    ], head, "author");
    expect(currentApprovers(states)).toEqual(["alice"]);
    expect(states.find((s) => s.login === "carol")).toMatchObject({ state: "APPROVED", current: false });
  });
  it("orders by submission time, not list order", () => {
    const states = foldReviews([
      { login: "dan", state: "APPROVED", commitId: head, submittedAt: "2026-01-02T00:00:00Z" },
      { login: "dan", state: "CHANGES_REQUESTED", commitId: head, submittedAt: "2026-01-01T00:00:00Z" },
    ], head);
    expect(currentApprovers(states)).toEqual(["dan"]);
  });
});

describe("decideApproval", () => {
  const members: Record<string, string[]> = { "org/security-leads": ["alice"], "org/risk-owners": ["bob"] };
  const lookup = async (g: string, login: string) => ({ member: (members[g] ?? []).includes(login) });
  const reqs = [
    { group: "security-leads", reason: "management-group scope", exemptions: ["a"] },
    { group: "@org/Security-Leads", reason: "global scope", exemptions: ["b"] },
    { group: "risk-owners", reason: "waiver over 90 days", exemptions: ["a"] },
  ];
  it("is pending with the groups still needed", async () => {
    const out = await decideApproval(reqs, ["alice", "mallory"], "org", lookup);
    expect(out.state).toBe("pending");
    expect(out.missing.map((g) => g.group)).toEqual(["org/risk-owners"]);
    expect(out.groups[0]).toMatchObject({ group: "org/security-leads", reasons: ["management-group scope", "global scope"], exemptions: ["a", "b"], approvedBy: ["alice"] });
  });
  it("succeeds when every group has an approver, and when nothing is required", async () => {
    expect((await decideApproval(reqs, ["alice", "bob"], "org", lookup)).state).toBe("success");
    expect((await decideApproval([], [], "org", lookup)).state).toBe("success");
  });
  it("qualifies groups", () => {
    expect(qualifyGroup("@Other/Team", "org")).toBe("other/team");
  });
});

describe("git name-status parsing", () => {
  it("reads adds, modifications, deletions and renames with odd names", () => {
    const raw = ["A", "exemptions/new file.yaml", "M", "exemptions/m.yaml", "D", "exemptions/gone.yml", "R087", "exemptions/old.yaml", "exemptions/`evil` @x.yaml", ""].join("\0");
    expect(parseNameStatus(raw)).toEqual([
      { kind: "added", path: "exemptions/new file.yaml" },
      { kind: "modified", path: "exemptions/m.yaml" },
      { kind: "deleted", path: "exemptions/gone.yml" },
      { kind: "renamed", path: "exemptions/`evil` @x.yaml", oldPath: "exemptions/old.yaml" },
    ]);
  });
  it("matches folders by whole segments", () => {
    expect(isUnder("exemptions/a.yaml", "./exemptions/")).toBe(true);
    expect(isUnder("exemptions-old/a.yaml", "exemptions")).toBe(false);
  });
  it("chunks", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});

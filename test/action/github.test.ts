import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeGitHub } from "../support/github/server.js";
import { createClient, type GitHubClient } from "../../action/github/client.js";
import { stickyMarker, updateStickyComment, upsertStickyComment } from "../../action/github/sticky-comment.js";
import { publishCheckRun } from "../../action/checks/check-runs.js";
import { runApprovalCheck, APPROVAL_CHECK } from "../../action/approval/github.js";
import { describeFailure } from "../../action/github/errors.js";

const owner = "contoso";
const repo = "exemptions";
const head = "c".repeat(40);

describe("action against the local GitHub server", () => {
  const gh = new FakeGitHub();
  let client: GitHubClient;
  let readOnly: GitHubClient;
  beforeAll(async () => {
    const baseUrl = await gh.start();
    gh.addToken("w").addToken("r", "github-actions[bot]", "read");
    client = createClient({ token: "w", baseUrl, retryAfterBaseMs: 5 });
    readOnly = createClient({ token: "r", baseUrl, retryAfterBaseMs: 5 });
  });
  afterAll(async () => {
    expect(gh.violations).toEqual([]);
    await gh.stop();
  });

  it("finds the sticky comment across pages and updates it in place", async () => {
    const marker = stickyMarker();
    for (let i = 0; i < 150; i++) gh.addComment(1, `noise ${i} ${i === 20 ? "<!-- exemptions-as-code:other -->" : ""}`);
    const first = await upsertStickyComment(client, { owner, repo, issueNumber: 1 }, "report v1", "update", marker);
    expect(first.action).toBe("created");
    for (let i = 0; i < 120; i++) gh.addComment(1, `more noise ${i}`);
    const second = await upsertStickyComment(client, { owner, repo, issueNumber: 1 }, "report v2", "update", marker);
    expect(second).toMatchObject({ action: "updated", commentId: first.commentId });
    const mine = gh.commentsOn(1).filter((c) => c.body.includes(marker));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toContain("report v2");
    // The list was read with several pages of 100.
    const pages = gh.requests.filter((r) => r.operationId === "issues/list-comments" && r.query["page"] === "3");
    expect(pages.length).toBeGreaterThan(0);
  });

  it("mode new always adds a comment; mode off never calls the API", async () => {
    const marker = stickyMarker();
    const before = gh.requests.length;
    expect((await upsertStickyComment(client, { owner, repo, issueNumber: 2 }, "x", "off", marker)).action).toBe("skipped");
    expect(gh.requests.length).toBe(before);
    await upsertStickyComment(client, { owner, repo, issueNumber: 2 }, "x", "new", marker);
    await upsertStickyComment(client, { owner, repo, issueNumber: 2 }, "y", "new", marker);
    expect(gh.commentsOn(2)).toHaveLength(2);
  });

  it("updateStickyComment creates nothing without a sticky comment and lists the comments once", async () => {
    const marker = stickyMarker();
    gh.addComment(4, "unrelated");
    const lists = () => gh.requests.filter((r) => r.operationId === "issues/list-comments").length;
    const before = lists();
    expect(await updateStickyComment(client, { owner, repo, issueNumber: 4 }, "none yet", marker)).toBeUndefined();
    expect(gh.commentsOn(4).map((c) => c.body)).toEqual(["unrelated"]);
    expect(lists()).toBe(before + 1);
    const created = await upsertStickyComment(client, { owner, repo, issueNumber: 4 }, "v1", "new", marker);
    const updated = await updateStickyComment(client, { owner, repo, issueNumber: 4 }, "v2", marker);
    expect(updated).toMatchObject({ action: "updated", commentId: created.commentId });
    expect(gh.commentsOn(4).map((c) => c.body)).toEqual(["unrelated", `v2\n${marker}`]);
    expect(lists()).toBe(before + 2);
  });

  it("sends at most 50 annotations per request and completes with the last batch", async () => {
    const annotations = Array.from({ length: 123 }, (_, i) => ({ path: "exemptions/a.yaml", startLine: i + 1, endLine: i + 1, level: "failure" as const, message: `deny ${i}` }));
    const { id, requests } = await publishCheckRun(client, { owner, repo, name: "exemptions / validate", headSha: head, title: "t", summary: "s", conclusion: "failure", annotations });
    expect(requests).toBe(3);
    const run = gh.checkRuns.find((r) => r.id === id)!;
    expect(run.annotations).toHaveLength(123);
    expect(run.annotations.map((a) => a.start_line)).toEqual(annotations.map((a) => a.startLine));
    expect(run.history.map((h) => h["conclusion"] ?? h["status"])).toEqual(["in_progress", "in_progress", "failure"]);
    expect(run).toMatchObject({ status: "completed", conclusion: "failure" });
  });

  it("retries a secondary rate limit (429, Retry-After) and a 502, but not a permission 403", async () => {
    gh.fail({ operationId: "issues/create-comment", status: 429, message: "You have exceeded a secondary rate limit.", headers: { "retry-after": "1" } });
    gh.fail({ operationId: "issues/create-comment", status: 502, message: "Bad gateway" });
    const res = await client.rest.issues.createComment({ owner, repo, issue_number: 3, body: "after retries" });
    expect(res.status).toBe(201);
    const attempts = gh.requests.filter((r) => r.operationId === "issues/create-comment" && r.pathParams["issue_number"] === "3");
    expect(attempts.map((a) => a.status)).toEqual([429, 502, 201]);

    gh.fail({ operationId: "issues/list-comments", status: 403, message: "API rate limit exceeded", headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.floor(Date.now() / 1000)) } });
    await expect(client.rest.issues.listComments({ owner, repo, issue_number: 3 })).resolves.toMatchObject({ status: 200 });

    const before = gh.requests.length;
    const err = await readOnly.rest.issues.createComment({ owner, repo, issue_number: 3, body: "x" }).catch((e: unknown) => e);
    expect(describeFailure(err)).toMatchObject({ status: 403, permission: true, message: "Resource not accessible by integration" });
    expect(gh.requests.length - before).toBe(1);
  });

  it("approval check: pending until a team member approves the head commit", async () => {
    gh.addTeamMember(owner, "security-leads", "lead-alice");
    const pr = { owner, repo, number: 9, headSha: head, author: "dev" };
    const reqs = [{ group: "security-leads", reason: "waiver at management-group scope", exemptions: ["mg-waiver"] }];
    gh.addReview(9, "lead-alice", "APPROVED", "0".repeat(40)); // an earlier commit
    gh.addReview(9, "random-dev", "APPROVED", head); // not in the team
    gh.addReview(9, "dev", "APPROVED", head); // the author
    const pending = await runApprovalCheck(client, pr, reqs);
    expect(pending.outcome.state).toBe("pending");
    let runs = gh.checkRunsNamed(APPROVAL_CHECK).filter((r) => r.headSha === head);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "in_progress", conclusion: null });
    expect(runs[0]!.title).toContain("contoso/security-leads");
    expect(runs[0]!.summary).toMatch(/earlier commit.*lead-alice/s);
    expect(runs[0]!.summary).toContain("not found as members: random-dev");

    gh.addReview(9, "lead-alice", "APPROVED", head);
    const ok = await runApprovalCheck(client, pr, reqs);
    expect(ok.outcome.state).toBe("success");
    runs = gh.checkRunsNamed(APPROVAL_CHECK).filter((r) => r.headSha === head);
    expect(runs).toHaveLength(1); // updated, not duplicated
    expect(runs[0]).toMatchObject({ status: "completed", conclusion: "success" });
    expect(runs[0]!.summary).toContain("approved by lead-alice");
  });
});

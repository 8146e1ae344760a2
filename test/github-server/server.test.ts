import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Octokit } from "octokit";
import { FakeGitHub } from "../support/github/server.js";
import { normaliseSchema } from "../support/github/openapi.js";

const owner = "octo-org";
const repo = "exemptions";

describe("normaliseSchema (OpenAPI 3.0 -> JSON Schema)", () => {
  it("widens a typed nullable and its enum", () => {
    expect(normaliseSchema({ type: "string", enum: ["a"], nullable: true })).toEqual({ type: ["string", "null"], enum: ["a", null] });
  });
  it("wraps a nullable without type in anyOf with null", () => {
    expect(normaliseSchema({ allOf: [{ $ref: "#/components/schemas/x" }], nullable: true })).toEqual({
      anyOf: [{ allOf: [{ $ref: "https://api.github.com/openapi.json#/components/schemas/x" }] }, { type: "null" }],
    });
  });
  it("leaves example data alone", () => {
    expect(normaliseSchema({ type: "object", example: { nullable: true, $ref: "#/x" } })).toEqual({ type: "object", example: { nullable: true, $ref: "#/x" } });
  });
});

describe("local GitHub server", () => {
  const gh = new FakeGitHub();
  let octokit: InstanceType<typeof Octokit>;
  let readOnly: InstanceType<typeof Octokit>;

  beforeAll(async () => {
    const baseUrl = await gh.start();
    gh.addToken("write-token").addToken("read-token", "github-actions[bot]", "read");
    const quiet = { debug() {}, info() {}, warn() {}, error() {} };
    octokit = new Octokit({ auth: "write-token", baseUrl, log: quiet, throttle: { enabled: false }, retry: { enabled: false } });
    readOnly = new Octokit({ auth: "read-token", baseUrl, log: quiet, throttle: { enabled: false }, retry: { enabled: false } });
  });
  afterAll(() => gh.stop());

  it("creates, lists across pages with Link headers, and updates comments", async () => {
    for (let i = 0; i < 64; i++) gh.addComment(7, `comment ${i}`);
    const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: 7, body: "hello" });
    expect(created.status).toBe(201);
    const first = await octokit.rest.issues.listComments({ owner, repo, issue_number: 7, per_page: 30 });
    expect(first.data).toHaveLength(30);
    expect(first.headers.link).toMatch(/page=2.*rel="next"/);
    const all = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: 7, per_page: 30 });
    expect(all).toHaveLength(65);
    expect(all.at(-1)?.body).toBe("hello");
    await octokit.rest.issues.updateComment({ owner, repo, comment_id: created.data.id, body: "changed" });
    expect(gh.comments.find((c) => c.id === created.data.id)?.body).toBe("changed");
    expect(gh.violations).toEqual([]);
  });

  it("records requests that break the description", async () => {
    const before = gh.violations.length;
    await expect(octokit.request("POST /repos/{owner}/{repo}/check-runs", { owner, repo, name: "x" } as never)).rejects.toMatchObject({ status: 422 });
    const annotations = Array.from({ length: 51 }, (_, i) => ({ path: "a.yaml", start_line: i + 1, end_line: i + 1, annotation_level: "failure", message: "m" }));
    await expect(octokit.rest.checks.create({ owner, repo, name: "n", head_sha: "abc", output: { title: "t", summary: "s", annotations: annotations as never } })).rejects.toMatchObject({ status: 422 });
    await expect(octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { owner, repo, issue_number: 7, bogus: 1 } as never)).rejects.toMatchObject({ status: 422 });
    await expect(octokit.request("GET /repos/{owner}/{repo}/no-such-endpoint", { owner, repo })).rejects.toMatchObject({ status: 404 });
    await expect(octokit.rest.repos.get({ owner, repo })).rejects.toMatchObject({ status: 501 });
    const added = gh.violations.splice(before);
    expect(added.join("\n")).toMatch(/no-such-endpoint: no operation in GitHub's description/);
    expect(added.join("\n")).toMatch(/repos\/get: valid request, but the test server does not implement it/);
    expect(added.join("\n")).toMatch(/head_sha/);
    expect(added.join("\n")).toMatch(/must NOT have more than 50 items/);
    expect(added.join("\n")).toMatch(/query parameter bogus/);
  });

  it("keeps check runs and appends annotations on update", async () => {
    const run = await octokit.rest.checks.create({ owner, repo, name: "exemptions / validate", head_sha: "a".repeat(40), status: "in_progress" });
    await octokit.rest.checks.update({ owner, repo, check_run_id: run.data.id, output: { title: "t", summary: "s", annotations: [{ path: "x.yaml", start_line: 3, end_line: 3, annotation_level: "failure", message: "bad" }] } });
    const done = await octokit.rest.checks.update({ owner, repo, check_run_id: run.data.id, conclusion: "failure", output: { title: "t", summary: "s", annotations: [{ path: "y.yaml", start_line: 1, end_line: 1, annotation_level: "failure", message: "bad" }] } });
    expect(done.data.status).toBe("completed");
    expect(done.data.output.annotations_count).toBe(2);
    expect(gh.violations).toEqual([]);
  });

  it("answers reviews and team membership", async () => {
    gh.addReview(7, "alice", "APPROVED", "b".repeat(40));
    gh.addTeamMember(owner, "security-leads", "alice");
    const reviews = await octokit.rest.pulls.listReviews({ owner, repo, pull_number: 7 });
    expect(reviews.data.map((r) => r.user?.login)).toEqual(["alice"]);
    const m = await octokit.rest.teams.getMembershipForUserInOrg({ org: owner, team_slug: "security-leads", username: "alice" });
    expect(m.data.state).toBe("active");
    await expect(octokit.rest.teams.getMembershipForUserInOrg({ org: owner, team_slug: "security-leads", username: "bob" })).rejects.toMatchObject({ status: 404 });
    expect(gh.violations).toEqual([]);
  });

  it("refuses writes with a read-only token, and injects faults with Retry-After", async () => {
    await expect(readOnly.rest.issues.createComment({ owner, repo, issue_number: 7, body: "x" })).rejects.toMatchObject({ status: 403 });
    await expect(readOnly.rest.issues.listComments({ owner, repo, issue_number: 7 })).resolves.toMatchObject({ status: 200 });
    gh.fail({ operationId: "issues/list-comments", status: 429, message: "You have exceeded a secondary rate limit", headers: { "retry-after": "1" } });
    const err = await readOnly.rest.issues.listComments({ owner, repo, issue_number: 7 }).catch((e: unknown) => e) as { status: number; response: { headers: Record<string, string> } };
    expect(err.status).toBe(429);
    expect(err.response.headers["retry-after"]).toBe("1");
    expect(gh.violations).toEqual([]);
  });
});

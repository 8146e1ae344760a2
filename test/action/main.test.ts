import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FakeGitHub } from "../support/github/server.js";
import { run } from "../../action/main.js";
import { fileRunner } from "../../action/runner/io.js";
import { createClient } from "../../action/github/client.js";
import { fakeEngine } from "./support/fake-engine.js";
import { buildScenario, FAKE_DATA, HOSTILE_FILE, SUB_PROD, type Scenario } from "./support/scenario.js";
import { pullRequestEvent, reviewEvent, workflowRunEvent, writeEvent } from "./support/events.js";

const REPO = "Codertocat/Hello-World";

describe("action run (engine stand-in, real git, local GitHub)", () => {
  const gh = new FakeGitHub();
  let s: Scenario;
  let tmp: string;
  beforeAll(async () => {
    await gh.start();
    gh.addToken("write-token").addToken("fork-token", "github-actions[bot]", "read");
    gh.addTeamMember("Codertocat", "security-leads", "lead-alice").addTeamMember("Codertocat", "security-reviewers", "rev-bob");
    s = buildScenario();
    tmp = mkdtempSync(join(tmpdir(), "exemptions-run-"));
  });
  afterAll(async () => {
    s.repo.cleanup();
    rmSync(tmp, { recursive: true, force: true });
    await gh.stop();
  });

  function invoke(event: string, payload: unknown, token = "write-token", extra: Record<string, string> = {}, engineOverride?: ReturnType<typeof fakeEngine>) {
    const n = Math.random().toString(36).slice(2);
    const out = join(tmp, `out-${n}`);
    const summary = join(tmp, `summary-${n}`);
    writeFileSync(out, "");
    writeFileSync(summary, "");
    const env = {
      GITHUB_EVENT_NAME: event, GITHUB_EVENT_PATH: writeEvent(tmp, `event-${n}`, payload), GITHUB_REPOSITORY: REPO,
      GITHUB_API_URL: gh.baseUrl, GITHUB_OUTPUT: out, GITHUB_STEP_SUMMARY: summary, GITHUB_RUN_ID: "42",
      GITHUB_SERVER_URL: "https://github.com", GITHUB_WORKSPACE: s.repo.dir,
      INPUT_TOKEN: token, INPUT_ASSESSMENTS: "data/assessments.json", INPUT_TREE: "data/tree.json", INPUT_CONTROLS: "data/controls.json",
      "INPUT_COMMENT-MODE": "update", ...extra,
    };
    const lines: string[] = [];
    const runner = fileRunner(env, (l) => lines.push(l));
    const engine = engineOverride ?? fakeEngine(FAKE_DATA);
    return {
      engine, lines, runner,
      result: run({ env, engine, runner, now: new Date("2026-11-22T10:00:00Z"), client: (t, u) => createClient({ token: t, ...(u ? { baseUrl: u } : {}), retryAfterBaseMs: 5 }) }),
      outputs: () => readFileSync(out, "utf8"),
      summary: () => readFileSync(summary, "utf8"),
    };
  }

  const pr = () => ({ headSha: s.headSha, baseSha: s.baseSha, number: 2, author: "dev-carol", title: "Add waivers `@octocat` <b>x</b>" });

  it("on pull_request: comment with score delta and newly not-applicable resources, annotations, pending approval", async () => {
    const r = invoke("pull_request", pullRequestEvent(pr()));
    const res = await r.result;
    expect(res.impact, r.summary() + r.lines.join("\n")).toBeDefined();
    expect(gh.violations).toEqual([]);
    expect(r.runner.failed).toBe(true); // one waiver without expiry is denied

    // Only the pull request's files, between merge base and head (not the later change on main).
    expect(res.impact!.changes.map((c) => c.file).sort()).toEqual(["exemptions/mg/mg-prod-mfa.yaml", "exemptions/no-expiry.yaml", HOSTILE_FILE].sort());

    const comments = gh.commentsOn(2);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    expect(body).toContain("<!-- exemptions-as-code:report -->");
    expect(body).toMatch(/\*\*Secure score:\*\* [\d.]+ % → [\d.]+ % \(\*\*\+[\d.]+ pts\*\*\)/);
    // The management-group waiver makes the production subscription's MFA assessment not applicable.
    expect(body).toContain(`/subscriptions/${SUB_PROD}`);
    expect(body).toMatch(/Resources newly not applicable \(3\)/);
    expect(body).toContain("no-expiry");

    // Hostile names and texts are escaped.
    for (const text of [body, r.summary()]) {
      expect(text).not.toMatch(/<img|<script|<b>/);
      expect(text).not.toMatch(/@octocat|@everyone|@security-team/);
      expect(text).toContain("&lt;img src=x onerror=alert\\(1\\)&gt;");
    }

    // Check run with the denial on the exact line of the file.
    const validate = gh.checkRunsNamed("exemptions / validate");
    expect(validate).toHaveLength(1);
    expect(validate[0]).toMatchObject({ conclusion: "failure", headSha: s.headSha });
    expect(validate[0]!.annotations).toEqual([expect.objectContaining({ path: "exemptions/no-expiry.yaml", start_line: categoryLine(), end_line: categoryLine(), annotation_level: "failure" })]);

    // Approval: pending, naming the groups still needed.
    const approval = gh.checkRunsNamed("exemptions / approval");
    expect(approval).toHaveLength(1);
    expect(approval[0]).toMatchObject({ status: "in_progress", conclusion: null });
    expect(approval[0]!.title).toMatch(/codertocat\/security-leads/);

    const outputs = r.outputs();
    expect(outputs).toMatch(/denied-count<<(\S+)\n1\n\1/);
    expect(outputs).toMatch(/newly-not-applicable-count<<(\S+)\n3\n\1/);
    expect(outputs).toMatch(/score-delta<<(\S+)\n[\d.]+\n\1/);
    expect(r.summary()).toContain("## Exemptions: ❌ 1 denied");
  });

  it("a second run updates the same comment in place", async () => {
    const r = invoke("pull_request", pullRequestEvent(pr(), "synchronize"));
    await r.result;
    expect(gh.commentsOn(2)).toHaveLength(1);
    expect(gh.requests.filter((q) => q.operationId === "issues/update-comment")).toHaveLength(0); // same body: nothing to change
  });

  const categoryLine = () => s.repo.git("show", `${s.headSha}:exemptions/no-expiry.yaml`).split("\n").findIndex((l) => l.startsWith("category:")) + 1;

  it("on pull_request_review: green only after a member of every required group approves the head commit", async () => {
    const validateRuns = gh.checkRunsNamed("exemptions / validate").length;
    gh.addReview(2, "lead-alice", "APPROVED", s.mergeBase); // an old commit: does not count
    gh.addReview(2, "rev-bob", "APPROVED", s.headSha);
    let r = invoke("pull_request_review", reviewEvent(pr(), "rev-bob", "approved"));
    let res = await r.result;
    expect(res.approval?.state).toBe("pending");
    expect(res.approval?.missing.map((g) => g.group)).toEqual(["codertocat/security-leads"]);
    let approval = gh.checkRunsNamed("exemptions / approval").filter((c) => c.headSha === s.headSha);
    expect(approval).toHaveLength(1);
    expect(approval[0]!.conclusion).toBeNull();

    gh.addReview(2, "lead-alice", "APPROVED", s.headSha);
    r = invoke("pull_request_review", reviewEvent(pr(), "lead-alice", "approved"));
    res = await r.result;
    expect(res.approval?.state).toBe("success");
    approval = gh.checkRunsNamed("exemptions / approval").filter((c) => c.headSha === s.headSha);
    expect(approval).toHaveLength(1);
    expect(approval[0]).toMatchObject({ status: "completed", conclusion: "success" });
    // Review events do not create another validation check run.
    expect(gh.checkRunsNamed("exemptions / validate")).toHaveLength(validateRuns);
    expect(gh.violations).toEqual([]);
  });

  it("with a read-only token (fork): no crash, workflow-command annotations, and the job summary says why", async () => {
    const before = gh.comments.length;
    const r = invoke("pull_request", pullRequestEvent({ ...pr(), number: 3, fork: true }), "fork-token");
    const res = await r.result;
    expect(res.impact).toBeDefined();
    expect(gh.comments.length).toBe(before);
    const summary = r.summary();
    expect(summary).toMatch(/may not write to this pull request/);
    expect(summary).toMatch(/check run was not created \(403/);
    expect(summary).toMatch(/comment was not written/);
    expect(r.lines, r.lines.join("\n")).toContain(`::error file=exemptions/no-expiry.yaml,line=${categoryLine()},endLine=${categoryLine()},col=1,title=waiver_without_expiry%3A expiresOn::waiver no-expiry has no expiresOn`);
    expect(r.outputs()).toMatch(/denied-count<<(\S+)\n1\n\1/);
    expect(gh.violations).toEqual([]);
  });

  it("comment-mode off writes no comment; unsupported events and bad inputs fail with a message", async () => {
    const before = gh.comments.length;
    await invoke("pull_request", pullRequestEvent({ ...pr(), number: 4 }), "write-token", { "INPUT_COMMENT-MODE": "off" }).result;
    expect(gh.comments.length).toBe(before);

    const push = invoke("push", { ref: "refs/heads/main" });
    await push.result;
    expect(push.runner.failed).toBe(true);
    expect(push.summary()).toMatch(/event push is not supported/);

    const bad = invoke("pull_request", pullRequestEvent(pr()), "write-token", { "INPUT_COMMENT-MODE": "sometimes" });
    await bad.result;
    expect(bad.summary()).toMatch(/comment-mode must be one of update, new, off/);
  });
  it("workflow_run (fork split): reports on the saved pull request, but refuses a saved event whose head is not the run's head", async () => {
    const saved = writeEvent(tmp, "saved-pr", pullRequestEvent({ ...pr(), number: 5, fork: true }));
    const ok = invoke("workflow_run", workflowRunEvent(s.headSha), "write-token", { "INPUT_EVENT-PATH": saved, GITHUB_SHA: s.baseSha });
    const res = await ok.result;
    expect(res.impact?.changes).toHaveLength(3);
    expect(gh.commentsOn(5)).toHaveLength(1);

    const forged = invoke("workflow_run", workflowRunEvent("f".repeat(40)), "write-token", { "INPUT_EVENT-PATH": saved, GITHUB_SHA: s.baseSha });
    await forged.result;
    expect(forged.runner.failed).toBe(true);
    expect(forged.summary()).toMatch(/refusing to report on it/);
    expect(gh.commentsOn(5)).toHaveLength(1);
  });

  it("pull_request_target: runs, and warns in the report that the token can write", async () => {
    const r = invoke("pull_request_target", pullRequestEvent({ ...pr(), number: 6 }));
    const res = await r.result;
    expect(res.notes.join(" ")).toMatch(/pull_request_target/);
    expect(r.lines.some((l) => l.startsWith("::warning::This workflow runs on pull_request_target"))).toBe(true);
    expect(gh.commentsOn(6)[0]!.body).toContain("This workflow runs on pull_request_target");
  });

  it("survives rate limiting and server errors on the way (Retry-After honoured, then success)", async () => {
    gh.fail({ operationId: "issues/create-comment", status: 429, message: "You have exceeded a secondary rate limit", headers: { "retry-after": "1" } });
    gh.fail({ operationId: "checks/create", status: 503, message: "Service Unavailable" });
    const r = invoke("pull_request", pullRequestEvent({ ...pr(), number: 8 }));
    await r.result;
    expect(gh.commentsOn(8)).toHaveLength(1);
    const statuses = (op: string) => gh.requests.filter((q) => q.operationId === op && (q.pathParams["issue_number"] === "8" || op === "checks/create")).map((q) => q.status);
    expect(statuses("issues/create-comment")).toEqual([429, 201]);
    expect(statuses("checks/create")).toContain(503);
    expect(gh.violations).toEqual([]);
  });

  it("keeps a huge report under GitHub's comment limit, pointing to the job summary", async () => {
    const engine = fakeEngine(FAKE_DATA);
    const validate = engine.validate.bind(engine);
    engine.validate = async (dir, root, inputs) => {
      const v = await validate(dir, root, inputs);
      const file = v.exemptions.find((e) => e.name === "mg-prod-mfa")?.file;
      if (!file) return v; // the base side
      const noise = Array.from({ length: 200 }, (_, i) => ({ file, line: 2, severity: "error" as const, message: `finding ${i}: ` + "x".repeat(2000) }));
      return { ...v, diagnostics: [...v.diagnostics, ...noise] };
    };
    const r = invoke("pull_request", pullRequestEvent({ ...pr(), number: 9 }), "write-token", {}, engine);
    await r.result;
    expect(gh.commentsOn(9), r.summary().slice(0, 2000) + r.lines.join("\n")).toHaveLength(1);
    const body = gh.commentsOn(9)[0]!.body;
    expect(body.length).toBeLessThanOrEqual(65536);
    expect(body).toContain("truncated to fit GitHub's comment limit");
    expect(body.endsWith("<!-- exemptions-as-code:report -->")).toBe(true);
    expect(r.summary().length).toBeGreaterThan(65536);
    expect(gh.violations).toEqual([]);
  });
  it("a pull request that changes no exemption file: approval check success, no new comment, no evaluation", async () => {
    s.repo.git("checkout", "-q", "-b", "docs-only", s.mergeBase);
    s.repo.write({ "README.md": "docs only\n" });
    const docsSha = s.repo.commit("docs only");
    s.repo.git("checkout", "-q", "--detach", s.headSha);
    const r = invoke("pull_request", pullRequestEvent({ ...pr(), headSha: docsSha, number: 10 }));
    const res = await r.result;
    expect(r.engine.calls).toEqual([]);
    expect(res.approval?.state).toBe("success");
    expect(gh.commentsOn(10)).toHaveLength(0);
    expect(gh.checkRunsNamed("exemptions / approval").find((c) => c.headSha === docsSha)).toMatchObject({ conclusion: "success" });
    expect(r.outputs()).toMatch(/denied-count<<(\S+)\n0\n\1/);
    expect(r.summary()).toContain("## Exemptions: no changes");
    expect(r.runner.failed).toBe(false);
  });
});

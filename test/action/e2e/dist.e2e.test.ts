// End to end: the bundled action (dist/index.js) with the real engine and compiled policy, run as
// the runner runs it, against a real git repository and the local GitHub server that validates
// every request against GitHub's OpenAPI description.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FakeGitHub } from "../../support/github/server.js";
import { tempRepo, type TempRepo } from "../support/git-repo.js";
import { pullRequestEvent, reviewEvent } from "../support/events.js";
import { runDist, ROOT, DIST, type DistRun } from "../support/dist-runner.js";

const REPO = "Codertocat/Hello-World";
const MFA_KEY = "57e98606-6b1e-6193-0e3d-fe621387c16b"; // "Enable MFA": unhealthy on 3 resources under Production
const MARKER = "<!-- exemptions-as-code:report -->";
const HOSTILE_FILE = "exemptions/`@octocat` <img src=x onerror=alert(1)>.yaml";
const AT = new Date();
const inDays = (n: number) => new Date(AT.getTime() + n * 86_400_000).toISOString().slice(0, 10);

function yamlFile(fields: Record<string, unknown>): string {
  return Object.entries(fields).map(([k, v]) => Array.isArray(v)
    ? `${k}:\n${v.map((x) => `  - ${JSON.stringify(x)}`).join("\n")}`
    : `${k}: ${JSON.stringify(v)}`).join("\n") + "\n";
}

describe("dist/index.js end to end", () => {
  const gh = new FakeGitHub();
  let repo: TempRepo;
  let tmp: string;
  let headSha = "";
  let baseSha = "";
  let mergeBase = "";
  let n = 0;

  beforeAll(async () => {
    if (!existsSync(DIST)) execFileSync(process.execPath, [join(ROOT, "action/bundle.mjs")], { cwd: ROOT, stdio: "inherit" });
    await gh.start();
    gh.addToken("write-token").addToken("fork-token", "github-actions[bot]", "read");
    gh.addTeamMember("Codertocat", "security-leads", "lead-alice").addTeamMember("Codertocat", "security-reviewers", "rev-bob")
      .addTeamMember("Codertocat", "risk-owners", "risk-dan");
    tmp = mkdtempSync(join(tmpdir(), "exemptions-e2e-"));
    repo = tempRepo();
    const tenant = join(ROOT, "engine/examples/tenant");
    cpSync(join(tenant, "assessments"), join(repo.dir, "data/assessments"), { recursive: true });
    cpSync(join(tenant, "tree.json"), join(repo.dir, "data/tree.json"));
    cpSync(join(tenant, "controls.json"), join(repo.dir, "data/controls.json"));
    cpSync(join(ROOT, "policies/config.example.yaml"), join(repo.dir, ".exemptions/config.yaml"));
    // The organisation's own copy of the policies, for the `policies` input.
    for (const f of ["approval.rego", "decision.rego", "validation.rego"]) cpSync(join(ROOT, "policies", f), join(repo.dir, "org-policies", f));
    repo.write({
      "exemptions/sandbox-tls.yaml": yamlFile({
        name: "sandbox-tls", displayName: "Sandbox TLS", description: "Lab traffic only.",
        recommendations: ["1b351b29-41ca-6df5-946c-c190a56be5fe"],
        scopes: ["/providers/Microsoft.Management/managementGroups/Sandboxes"],
        category: "waiver", justification: "planned_remediation", expiresOn: inDays(200), owner: "lab@contoso.com",
      }),
    });
    mergeBase = repo.commit("base");
    repo.git("checkout", "-q", "-b", "waiver");
    repo.write({
      "exemptions/prod-mfa-partner-idp.yaml": yamlFile({
        name: "prod-mfa-partner-idp", displayName: "MFA enforced by the partner IdP",
        description: "Accepted until the IdP migration ends.", recommendations: [MFA_KEY],
        scopes: ["/providers/Microsoft.Management/managementGroups/Production"],
        category: "waiver", justification: "risk_accepted", expiresOn: inDays(20), owner: "iam@contoso.com", ticket: "SEC-2001",
      }),
      [HOSTILE_FILE]: yamlFile({
        name: "hostile", displayName: "<b>bold</b> @everyone `tick` [link](https://evil.example)",
        description: "**pwned** <script>alert(1)</script> @security-team", recommendations: [MFA_KEY],
        scopes: ["/subscriptions/20ff7fc3-e762-44dd-bd96-b71116dcdc23"],
        category: "mitigated", justification: "third_party_control", owner: "x@contoso.com",
      }),
      "exemptions/open-ended-waiver.yaml": yamlFile({
        name: "open-ended-waiver", description: "Patching window negotiated with the vendor.", recommendations: ["d1db3318-01ff-16de-29eb-28b344515626"],
        scopes: ["/subscriptions/7c1b9e52-4a3d-4f60-8e21-5d9c0b7a6e14"],
        category: "waiver", justification: "risk_accepted", owner: "x@contoso.com",
      }),
    });
    // The pull request also tries to loosen the approval policy that judges it.
    repo.write({ "org-policies/approval.rego": "package exemptions.approval\n\nimport rego.v1\n\nresult := {\"required\": [], \"groups\": []}\n" });
    headSha = repo.commit("Add waivers");
    repo.git("checkout", "-q", "main");
    repo.write({ "README.md": "moved on\n" });
    baseSha = repo.commit("main moves on");
    // What actions/checkout leaves for a pull_request run: the head (here detached at it).
    repo.git("checkout", "-q", "--detach", headSha);
  }, 180_000);

  afterAll(async () => {
    repo?.cleanup();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    await gh.stop();
  });

  const pr = (extra: Record<string, unknown> = {}) => ({
    headSha, baseSha, number: 2, author: "dev-carol",
    title: "Waive MFA @octocat <img src=x onerror=alert(1)> `code` **bold**", ...extra,
  });
  const inputs = {
    assessments: "data/assessments", tree: "data/tree.json", controls: "data/controls.json", config: ".exemptions/config.yaml",
  };
  const run = (event: string, payload: unknown, token = "write-token"): Promise<DistRun> =>
    runDist({ tmp, event, payload, repository: REPO, workspace: repo.dir, apiUrl: gh.baseUrl, token, inputs, id: String(++n) });

  function expectEscaped(text: string): void {
    expect(text).not.toMatch(/<img|<script|<b>/);
    expect(text).not.toMatch(/@octocat|@everyone|@security-team/);
    expect(text).not.toMatch(/\]\(https:\/\/evil/);
  }

  let first: DistRun;

  it("pull_request: comment, summary, annotations, outputs and a pending approval check", async () => {
    // The bundle keeps octokit's throttling and retry: a secondary rate limit on the first write is waited out.
    gh.fail({ operationId: "issues/create-comment", status: 429, message: "You have exceeded a secondary rate limit", headers: { "retry-after": "1" } });
    first = await run("pull_request", pullRequestEvent(pr()));
    expect(gh.requests.filter((q) => q.operationId === "issues/create-comment").map((q) => q.status)).toEqual([429, 201]);
    expect(first.stderr).not.toMatch(/TypeError|ReferenceError|at .*dist\/index\.js/);
    expect(gh.violations).toEqual([]);
    // A denied file fails the step (fail-on: error).
    expect(first.code).toBe(1);

    const comments = gh.commentsOn(2).filter((c) => c.body.includes(MARKER));
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    expect(body.length).toBeLessThanOrEqual(65536);
    expect(body).toMatch(/\*\*Secure score:\*\* [\d.]+ % → [\d.]+ % \(\*\*\+[\d.]+ pts\*\*\)/);
    expect(body).toContain("prod-mfa-partner-idp");
    // The management-group waiver: resources newly not applicable, listed.
    expect(body).toMatch(/Resources newly not applicable \((\d+)\)/);
    const na = Number(/Resources newly not applicable \((\d+)\)/.exec(body)![1]);
    expect(na).toBeGreaterThanOrEqual(3);
    expect(first.outputs["newly-not-applicable-count"]).toBe(String(na));
    expect(body).toContain("### Expiring soon");
    expect(body).toMatch(/### Denied[\s\S]*open-ended-waiver\.yaml:\d+/);

    expect(Number(first.outputs["denied-count"])).toBeGreaterThanOrEqual(1);
    expect(Number(first.outputs["score-after"])).toBeGreaterThan(Number(first.outputs["score-before"]));
    expect(Number(first.outputs["score-delta"])).toBeCloseTo(Number(first.outputs["score-after"]) - Number(first.outputs["score-before"]), 1);
    expect(first.outputs["approval"]).toBe("pending");

    expectEscaped(body);
    expectEscaped(first.summary);
    expect(first.summary).toContain("## Exemptions: ❌");

    const validate = gh.checkRunsNamed("exemptions / validate");
    expect(validate).toHaveLength(1);
    expect(validate[0]!.conclusion).toBe("failure");
    const denied = validate[0]!.annotations.find((a) => a.path === "exemptions/open-ended-waiver.yaml");
    expect(denied).toBeDefined();
    // On the exact line of the field at fault (or of the file's first line for whole-file findings).
    const lines = readFileSync(join(repo.dir, "exemptions/open-ended-waiver.yaml"), "utf8").split("\n");
    expect(denied!.start_line).toBeGreaterThanOrEqual(1);
    expect(denied!.start_line).toBeLessThanOrEqual(lines.length);

    const approval = gh.checkRunsNamed("exemptions / approval");
    expect(approval).toHaveLength(1);
    expect(approval[0]).toMatchObject({ status: "in_progress", conclusion: null, headSha });
    expect(approval[0]!.title).toContain("codertocat/security-leads");
  }, 180_000);

  it("pull_request_review: pending until a security lead approves the head commit, then success", async () => {
    gh.addReview(2, "lead-alice", "APPROVED", mergeBase); // approved an older commit: does not count
    gh.addReview(2, "rev-bob", "APPROVED", headSha);
    const pending = await run("pull_request_review", reviewEvent(pr(), "rev-bob", "approved"));
    expect(pending.outputs["approval"]).toBe("pending");
    let approval = gh.checkRunsNamed("exemptions / approval").filter((c) => c.headSha === headSha);
    expect(approval).toHaveLength(1);
    expect(approval[0]!.conclusion).toBeNull();
    expect(approval[0]!.summary).toMatch(/security\\?-leads[\s\S]*still needed/);

    gh.addReview(2, "lead-alice", "APPROVED", headSha);
    const stillPending = await run("pull_request_review", reviewEvent(pr(), "lead-alice", "approved"));
    // The open-ended waiver also needs the risk owners (config: long_waiver_groups).
    expect(stillPending.outputs["approval"]).toBe("pending");
    expect(gh.checkRunsNamed("exemptions / approval").find((c) => c.headSha === headSha)!.title).toBe("Waiting for codertocat/risk-owners");

    gh.addReview(2, "risk-dan", "APPROVED", headSha);
    const green = await run("pull_request_review", reviewEvent(pr(), "risk-dan", "approved"));
    expect(green.outputs["approval"]).toBe("success");
    approval = gh.checkRunsNamed("exemptions / approval").filter((c) => c.headSha === headSha);
    expect(approval).toHaveLength(1);
    expect(approval[0]).toMatchObject({ status: "completed", conclusion: "success" });
    // Still one sticky comment, now saying who approved.
    const comments = gh.commentsOn(2).filter((c) => c.body.includes(MARKER));
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain("approved by lead-alice");
    expect(gh.violations).toEqual([]);
  }, 180_000);

  it("fork pull request with a read-only token: no crash, says why, annotates through workflow commands", async () => {
    const before = gh.comments.length;
    const res = await run("pull_request", pullRequestEvent(pr({ number: 3, fork: true })), "fork-token");
    expect(res.stderr).not.toMatch(/TypeError|ReferenceError|Unhandled/);
    expect(res.code).toBe(1); // the denied file, not a crash
    expect(gh.comments.length).toBe(before);
    expect(res.summary).toMatch(/may not write to this pull request/);
    expect(res.summary).toMatch(/not created \(403/);
    expect(res.stdout).toMatch(/^::error file=exemptions\/open-ended-waiver\.yaml,line=\d+/m);
    // Hostile file names are escaped as workflow-command properties: nothing after them becomes a command.
    for (const line of res.stdout.split("\n").filter((l) => l.includes("octocat"))) {
      expect(line.startsWith("::error ") || line.startsWith("::warning "), line).toBe(true);
    }
    expectEscaped(res.summary);
    expect(Number(res.outputs["denied-count"])).toBeGreaterThanOrEqual(1);
    expect(gh.violations).toEqual([]);
  }, 180_000);
  it("policies input: compiled at run time from the base commit, so the pull request cannot loosen them", async () => {
    const res = await runDist({
      tmp, event: "pull_request", payload: pullRequestEvent(pr({ number: 7 })), repository: REPO, workspace: repo.dir,
      apiUrl: gh.baseUrl, token: "write-token", inputs: { ...inputs, policies: "org-policies" }, id: String(++n),
    });
    expect(res.stderr).not.toMatch(/TypeError|ReferenceError|Cannot find module/);
    expect(res.summary).not.toMatch(/do not compile/);
    expect(res.outputs["approval"]).toBe("pending");
    const body = gh.commentsOn(7).find((c) => c.body.includes(MARKER))!.body;
    expect(body).toMatch(/security-leads: management group or global scope/);
    expect(gh.violations).toEqual([]);
  }, 240_000);
});

describe("dist/index.js end to end: the first exemption of a repository", () => {
  it("a management-group waiver gets the score delta, the newly not-applicable resources and a pending approval", async () => {
    const gh = new FakeGitHub();
    await gh.start();
    gh.addToken("w");
    const repo = tempRepo();
    const tmp = mkdtempSync(join(tmpdir(), "exemptions-e2e-first-"));
    try {
      const tenant = join(ROOT, "engine/examples/tenant");
      cpSync(join(tenant, "assessments"), join(repo.dir, "data/assessments"), { recursive: true });
      cpSync(join(tenant, "tree.json"), join(repo.dir, "data/tree.json"));
      cpSync(join(tenant, "controls.json"), join(repo.dir, "data/controls.json"));
      repo.write({ "README.md": "security exemptions\n" });
      const base = repo.commit("empty repository: no exemptions folder yet");
      repo.write({
        "exemptions/prod-mfa-partner-idp.yaml": yamlFile({
          name: "prod-mfa-partner-idp", displayName: "MFA enforced by the partner IdP",
          description: "Sign-in goes through the partner IdP, which enforces MFA.", recommendations: [MFA_KEY],
          scopes: ["/providers/Microsoft.Management/managementGroups/Production"],
          category: "waiver", justification: "risk_accepted", expiresOn: inDays(60), owner: "iam@contoso.com",
        }),
      });
      const head = repo.commit("first waiver");
      const r = await runDist({
        tmp, event: "pull_request", payload: pullRequestEvent({ headSha: head, baseSha: base, number: 42, title: "Waive MFA on Production" }),
        repository: "contoso/security-exemptions", workspace: repo.dir, apiUrl: gh.baseUrl, token: "w",
        inputs: { assessments: "data/assessments", tree: "data/tree.json", controls: "data/controls.json" }, id: "first",
      });
      expect(r.summary).not.toMatch(/Exemptions: failed/);
      expect(r.code).toBe(0);
      const body = gh.commentsOn(42)[0]!.body;
      expect(body).toContain("## Exemptions: ✅ valid");
      expect(body).toMatch(/\(\*\*\+[\d.]+ pts\*\*\)/);
      expect(body).toMatch(/Resources newly not applicable \(3\)/);
      expect(r.outputs["newly-not-applicable-count"]).toBe("3");
      const approval = gh.checkRunsNamed("exemptions / approval")[0]!;
      expect(approval).toMatchObject({ status: "in_progress", conclusion: null });
      expect(approval.title).toMatch(/security-leads/);
      expect(gh.violations).toEqual([]);
    } finally {
      repo.cleanup();
      rmSync(tmp, { recursive: true, force: true });
      await gh.stop();
    }
  }, 180_000);
});

// The action: inputs -> engine -> GitHub. Reads the pull request from the event, finds the
// exemption files it changes (merge base .. head), validates the head tree, evaluates the base and
// head exemption sets on the same assessment data, and reports in the sticky comment, the job
// summary, a check run with line annotations, and the approval check. It never crashes on a
// read-only token (fork pull requests): what it could not write is said in the job summary.
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import type { Engine, EvaluationInputs } from "./engine-port.js";
import type { Env, Runner } from "./runner/io.js";
import { readInputs, type ActionInputs } from "./inputs.js";
import { readEvent, type PullRequestContext } from "./runner/event.js";
import { createClient, type GitHubClient } from "./github/client.js";
import { describeFailure } from "./github/errors.js";
import { stickyMarker, updateStickyComment, upsertStickyComment } from "./github/sticky-comment.js";
import { publishCheckRun, type CheckAnnotation } from "./checks/check-runs.js";
import { changedExemptionFiles, materialize, mergeBase } from "./git/changes.js";
import { computeImpact, exemptionChanges, type Impact } from "./report/impact.js";
import { renderReport } from "./report/comment.js";
import { fitComment } from "./report/truncate.js";
import { runApprovalCheck, APPROVAL_CHECK, type PullRef } from "./approval/github.js";
import type { ApprovalOutcome, ApprovalRequirement } from "./approval/requirements.js";
import { md } from "./report/escape.js";

export const VALIDATE_CHECK = "exemptions / validate";

export interface RunDeps {
  env: Env;
  engine: Engine;
  runner: Runner;
  now?: Date;
  client?: (token: string, baseUrl?: string) => GitHubClient;
}

export interface RunResult {
  impact?: Impact;
  approval?: ApprovalOutcome;
  notes: string[];
}

const READ_ONLY_NOTE =
  "The workflow token may not write to this pull request (a pull request from a fork gets a read-only token, "
  + "or the workflow's `permissions:` lack `pull-requests: write` and `checks: write`). ";

/** A secure score fraction as the percentage the check run and the outputs show: "42.00". */
const percent = (fraction: number): string => (fraction * 100).toFixed(2);

export async function run(deps: RunDeps): Promise<RunResult> {
  const { env, runner } = deps;
  const notes: string[] = [];
  const { inputs, errors } = readInputs(env);
  if (errors.length) {
    runner.appendSummary(`## Exemptions: configuration error\n\n${errors.map((e) => `- ${md(e)}`).join("\n")}`);
    runner.setFailed(`invalid inputs: ${errors.join("; ")}`);
    return { notes };
  }
  const event = readEvent(env, inputs.eventPath);
  if (!event.ok) {
    runner.appendSummary(`## Exemptions: not run\n\n${md(event.error)}`);
    runner.setFailed(event.error);
    return { notes };
  }
  const pr = event.pr;
  if (pr.trigger === "pull_request_target") {
    const warning = "This workflow runs on pull_request_target, with a write token. The action only reads exemption files as data and takes policies and config from the base commit, but no other step of this job may run code from the pull request.";
    notes.push(warning);
    runner.warning(warning);
  }
  const scratch = await mkdtemp(join(tmpdir(), "exemptions-action-"));
  try {
    return await runInScratch(deps, inputs, pr, scratch, notes);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    runner.appendSummary(`## Exemptions: failed\n\n${md(message)}`);
    runner.setFailed(`exemptions action failed: ${message}`);
    return { notes };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function runInScratch(deps: RunDeps, inputs: ActionInputs, pr: PullRequestContext, scratch: string, notes: string[]): Promise<RunResult> {
  const { engine, runner } = deps;
  const now = deps.now ?? new Date();
  const repoDir = resolve(inputs.workingDirectory);
  const inRepo = (p: string): string => (isAbsolute(p) ? p : join(repoDir, p));

  // 1. What changed, between the merge base and the head.
  const base = await mergeBase(repoDir, pr.baseSha, pr.headSha);
  if (!base.ok) throw new Error(base.error);
  const changed = await changedExemptionFiles(repoDir, base.value, pr.headSha, inputs.exemptions);
  if (!changed.ok) throw new Error(changed.error);
  if (changed.value.length === 0) return noExemptionChanges(deps, inputs, pr, notes);

  // 2. Both exemption trees from git, so the working tree's state does not matter. Policies and
  // config come from the base commit: a pull request must not loosen the rules that judge it.
  const baseDir = join(scratch, "base");
  const headDir = join(scratch, "head");
  for (const [commit, dir] of [[base.value, baseDir], [pr.headSha, headDir]] as const) {
    const r = await materialize(repoDir, commit, inputs.exemptions, dir);
    if (!r.ok) throw new Error(r.error);
    // The folder may not exist on one side (the pull request that creates it): an empty set.
    await mkdir(join(dir, inputs.exemptions), { recursive: true });
  }
  const trusted = async (p: string | undefined): Promise<string | undefined> => {
    if (!p || isAbsolute(p)) return p;
    const dir = join(scratch, "trusted");
    const r = await materialize(repoDir, pr.baseSha, p, dir);
    if (r.ok && r.value.length > 0) return join(dir, p);
    return (await exists(inRepo(p))) ? inRepo(p) : p;
  };
  const config = await trusted(inputs.config);
  const policies = await trusted(inputs.policies);
  const data: Omit<EvaluationInputs, "exemptionsDir"> = {
    assessments: inRepo(inputs.assessments), tree: inRepo(inputs.tree), controls: inRepo(inputs.controls),
    ...(inputs.metadata ? { metadata: inRepo(inputs.metadata) } : {}),
    ...(config ? { config } : {}), ...(policies ? { policies } : {}), at: now,
  };

  // 3. Validate the head tree (diagnostics on the files of this pull request count as denials),
  // read the base tree, evaluate both on the same data.
  const headValidation = await engine.validate(join(headDir, inputs.exemptions), headDir, data);
  const baseValidation = await engine.validate(join(baseDir, inputs.exemptions), baseDir, data);
  const touched = new Set(changed.value.map((c) => c.path));
  const diagnostics = headValidation.diagnostics.filter((d) => touched.has(d.file));
  const elsewhere = headValidation.diagnostics.filter((d) => !touched.has(d.file) && d.severity === "error").length;
  if (elsewhere > 0) notes.push(`${elsewhere} problem(s) in exemption files this pull request does not change are not counted here; run \`exempt validate\` on the base branch.`);
  const [baseReport, headReport] = [
    await engine.evaluate({ ...data, exemptionsDir: join(baseDir, inputs.exemptions) }),
    await engine.evaluate({ ...data, exemptionsDir: join(headDir, inputs.exemptions) }),
  ];
  const changes = exemptionChanges(changed.value, baseValidation.exemptions, headValidation.exemptions);
  const impact = computeImpact({
    base: baseReport, head: headReport, changes, headExemptions: headValidation.exemptions,
    diagnostics, at: now, expiringWithinDays: inputs.expiringWithinDays,
  });

  // 4. GitHub.
  const client = githubClient(deps, inputs);

  let approval: ApprovalOutcome | { unavailable: string } | undefined;
  if (inputs.approval) {
    approval = await approvalCheck(client, engine, pr, changes, config, policies, now, notes);
  }

  const annotations = toAnnotations(diagnostics);
  if (pr.trigger !== "pull_request_review") {
    const written = await unlessReadOnly(notes, "The check run was not created", "; the findings are annotated through workflow commands instead", () => publishCheckRun(client, {
        owner: pr.owner, repo: pr.repo, name: VALIDATE_CHECK, headSha: pr.headSha,
        title: impact.denied.length ? `${impact.denied.length} denied` : "Valid",
        summary: `Secure score ${percent(impact.score.before.percentage)} % → ${percent(impact.score.after.percentage)} %; ${impact.newlyNotApplicable.length} resource(s) newly not applicable.`,
        conclusion: impact.denied.length ? "failure" : "success",
        ...(pr.runUrl ? { detailsUrl: pr.runUrl } : {}),
        annotations,
      }));
    if (!written) {
      for (const a of annotations) {
        runner.annotate({ level: a.level === "failure" ? "error" : a.level, file: a.path, line: a.startLine, endLine: a.endLine, ...(a.startColumn ? { col: a.startColumn } : {}), ...(a.title ? { title: a.title } : {}), message: a.message });
      }
    }
  }

  const commentBody = renderReport(impact, { prNumber: pr.number, prTitle: pr.title, headSha: pr.headSha, rowLimit: 50, ...(approval ? { approval } : {}), notes, ...(pr.runUrl ? { runUrl: pr.runUrl } : {}) });
  const marker = stickyMarker();
  const fitted = fitComment(commentBody, "This report was truncated to fit GitHub's comment limit. The full report is in the job summary of this workflow run.", `\n${marker}`);
  await unlessReadOnly(notes, "The pull request comment was not written", "", () =>
    upsertStickyComment(client, { owner: pr.owner, repo: pr.repo, issueNumber: pr.number }, fitted.body, inputs.commentMode, marker));

  // The summary is written last so it carries every note, including the ones the writes above made.
  runner.appendSummary(renderReport(impact, { prNumber: pr.number, prTitle: pr.title, headSha: pr.headSha, rowLimit: 5000, ...(approval ? { approval } : {}), notes }));

  runner.setOutput("denied-count", impact.denied.length);
  runner.setOutput("warning-count", impact.warnings.length);
  runner.setOutput("score-before", percent(impact.score.before.percentage));
  runner.setOutput("score-after", percent(impact.score.after.percentage));
  runner.setOutput("score-delta", impact.score.deltaPoints.toFixed(2));
  runner.setOutput("newly-not-applicable-count", impact.newlyNotApplicable.length);
  runner.setOutput("approval", approval && !("unavailable" in approval) ? approval.state : "unknown");

  if (impact.denied.length > 0 && inputs.failOn !== "never") {
    runner.setFailed(`${impact.denied.length} exemption finding(s) denied by policy`);
  } else if (impact.warnings.length > 0 && inputs.failOn === "warning") {
    runner.setFailed(`${impact.warnings.length} exemption warning(s) (fail-on: warning)`);
  }
  return { impact, ...(approval && !("unavailable" in approval) ? { approval } : {}), notes };
}

/**
 * A pull request that changes no exemption file: nothing to evaluate. The approval check is still
 * set (to success), because a required check that never reports would block the merge; an
 * existing sticky comment is updated so it does not show a stale report, but no new one is added.
 */
async function noExemptionChanges(deps: RunDeps, inputs: ActionInputs, pr: PullRequestContext, notes: string[]): Promise<RunResult> {
  const { runner } = deps;
  const client = githubClient(deps, inputs);
  const text = `## Exemptions: no changes\n\nPull request #${pr.number} changes no file under ${md(inputs.exemptions)}: nothing to validate or evaluate, and no approval is required.`;
  let approval: ApprovalOutcome | undefined;
  if (inputs.approval) {
    approval = (await unlessReadOnly(notes, `The ${APPROVAL_CHECK} check was not set`, "", () =>
      runApprovalCheck(client, approvalTarget(pr), [], pr.runUrl)))?.value.outcome;
  }
  if (inputs.commentMode === "update") {
    await unlessReadOnly(notes, "The pull request comment was not updated", "", () =>
      updateStickyComment(client, { owner: pr.owner, repo: pr.repo, issueNumber: pr.number }, text, stickyMarker()));
  }
  runner.appendSummary([text, ...notes.map((n) => `\n> [!NOTE]\n> ${n}`)].join("\n"));
  for (const [name, value] of [["denied-count", 0], ["warning-count", 0], ["newly-not-applicable-count", 0], ["score-delta", "0.00"]] as const) runner.setOutput(name, value);
  runner.setOutput("approval", approval?.state ?? "unknown");
  return { ...(approval ? { approval } : {}), notes };
}

async function approvalCheck(
  client: GitHubClient, engine: Engine, pr: PullRequestContext, changes: Impact["changes"],
  config: string | undefined, policies: string | undefined, now: Date, notes: string[],
): Promise<ApprovalOutcome | { unavailable: string }> {
  const required = changes.length === 0 ? [] : await engine.approvals(
    changes.map((c) => ({ kind: c.kind, name: c.name, before: c.before, after: c.after })),
    { ...(config ? { config } : {}), ...(policies ? { policies } : {}), at: now },
  );
  const reqs: ApprovalRequirement[] = required.map((r) => ({ group: r.group, reason: r.reason, exemptions: [r.name] }));
  const result = await unlessReadOnly(notes, `The ${APPROVAL_CHECK} check was not set`, "", () =>
    runApprovalCheck(client, approvalTarget(pr), reqs, pr.runUrl));
  if (!result) return { unavailable: "The approval check could not be set with this token (see the note above)." };
  for (const g of result.value.outcome.groups) {
    if (g.unresolved) notes.push(`Team membership of ${md(g.group)} could not be read (${md(g.unresolved)}): give the action a token that may read the organisation's teams (members: read).`);
  }
  return result.value.outcome;
}

function approvalTarget(pr: PullRequestContext): PullRef {
  return { owner: pr.owner, repo: pr.repo, number: pr.number, headSha: pr.headSha, author: pr.author };
}

/** The GitHub client of both paths; rate-limit and retry warnings go to the job log. */
function githubClient(deps: RunDeps, inputs: ActionInputs): GitHubClient {
  const apiUrl = deps.env["GITHUB_API_URL"];
  const make = deps.client ?? ((token, baseUrl) => createClient({
    token, ...(baseUrl ? { baseUrl } : {}),
    log: (level, m) => { if (level === "warn" || level === "error") deps.runner.info(m); },
  }));
  return make(inputs.token, apiUrl);
}

/**
 * Runs a write to GitHub. When the token may not write (a 403 permission answer: fork pull
 * requests, missing `permissions:`), notes why (`what` happened, with GitHub's status and message,
 * then `consequence`) and returns undefined; any other failure propagates.
 */
async function unlessReadOnly<T>(notes: string[], what: string, consequence: string, write: () => Promise<T>): Promise<{ value: T } | undefined> {
  try {
    return { value: await write() };
  } catch (error) {
    const f = describeFailure(error);
    if (!f.permission) throw error;
    notes.push(READ_ONLY_NOTE + `${what} (${f.status}: ${md(f.message)})${consequence}.`);
    return undefined;
  }
}

export function toAnnotations(diagnostics: readonly { file: string; line?: number; column?: number; severity: string; message: string; code?: string; field?: string }[]): CheckAnnotation[] {
  return diagnostics.filter((d) => d.severity === "error" || d.severity === "warning").map((d) => ({
    path: d.file,
    startLine: d.line ?? 1,
    endLine: d.line ?? 1,
    level: d.severity === "error" ? "failure" as const : "warning" as const,
    message: d.message,
    ...(d.code || d.field ? { title: [d.code, d.field].filter(Boolean).join(": ") } : {}),
    ...(d.column ? { startColumn: d.column } : {}),
  }));
}


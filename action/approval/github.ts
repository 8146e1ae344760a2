// The approval check on GitHub: reads the reviews of the pull request, resolves team membership
// through the API, and sets the check run `exemptions / approval` to pending (in progress) or
// success, saying who is still needed.
import type { GitHubClient } from "../github/client.js";
import { describeFailure } from "../github/errors.js";
import { publishCheckRun, findCheckRun } from "../checks/check-runs.js";
import { foldReviews, currentApprovers, type ReviewerState } from "./fold.js";
import { decideApproval, type ApprovalOutcome, type ApprovalRequirement, type MembershipLookup } from "./requirements.js";
import { md } from "../report/escape.js";

export const APPROVAL_CHECK = "exemptions / approval";

export interface PullRef { owner: string; repo: string; number: number; headSha: string; author?: string }

export async function listReviewerStates(client: GitHubClient, pr: PullRef): Promise<ReviewerState[]> {
  const reviews = await client.paginate(client.rest.pulls.listReviews, { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: 100 });
  return foldReviews(reviews.map((r) => ({
    login: r.user?.login ?? "", state: r.state, commitId: r.commit_id, submittedAt: r.submitted_at ?? null,
  })).filter((r) => r.login !== ""), pr.headSha, pr.author);
}

export function membershipLookup(client: GitHubClient): MembershipLookup {
  const cache = new Map<string, ReturnType<MembershipLookup>>();
  return (group, login) => {
    const key = `${group}\u0000${login.toLowerCase()}`;
    let hit = cache.get(key);
    if (!hit) {
      const [org = "", slug = ""] = group.split("/");
      hit = client.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: login })
        .then((res) => ({ member: res.data.state === "active" }))
        .catch((error: unknown) => {
          const f = describeFailure(error);
          if (f.status === 404) return { member: false, notFound: true };
          return { member: false, error: `cannot read membership of ${group} (${f.status ?? "error"}: ${f.message})` };
        });
      cache.set(key, hit);
    }
    return hit;
  };
}

export function renderApprovalSummary(outcome: ApprovalOutcome, reviewers: readonly ReviewerState[], headSha: string): { title: string; summary: string } {
  const lines: string[] = [];
  if (outcome.groups.length === 0) {
    lines.push("No approval is required by the approval policy for the exemption changes in this pull request.");
  }
  for (const g of outcome.groups) {
    const done = g.approvedBy.length > 0;
    lines.push(`- ${done ? "✅" : "⏳"} **${md(g.group)}** — ${g.reasons.map(md).join("; ")}`
      + (g.exemptions.length ? ` (${g.exemptions.map(md).join(", ")})` : "")
      + (done ? `: approved by ${g.approvedBy.map(md).join(", ")}` : ": still needed")
      + (g.unresolved ? ` — ${md(g.unresolved)}` : "")
      + (!done && g.notFound.length ? ` — not found as members: ${g.notFound.map(md).join(", ")} (GitHub also answers "not found" when the token may not read the team: the default GITHUB_TOKEN cannot; use a token with members: read)` : ""));
  }
  const stale = reviewers.filter((r) => r.state === "APPROVED" && !r.current);
  if (stale.length) {
    lines.push("", `Approvals of an earlier commit do not count (head is ${headSha.slice(0, 7)}): ${stale.map((r) => md(r.login)).join(", ")}.`);
  }
  const title = outcome.state === "success"
    ? "Approved by every required group"
    : `Waiting for ${outcome.missing.map((g) => g.group).join(", ")}`;
  return { title: title.slice(0, 255), summary: lines.join("\n") };
}

export interface ApprovalRun { outcome: ApprovalOutcome; reviewers: ReviewerState[]; checkRunId: number }

export async function runApprovalCheck(client: GitHubClient, pr: PullRef, requirements: readonly ApprovalRequirement[], detailsUrl?: string): Promise<ApprovalRun> {
  const reviewers = await listReviewerStates(client, pr);
  const outcome = await decideApproval(requirements, currentApprovers(reviewers), pr.owner, membershipLookup(client));
  const { title, summary } = renderApprovalSummary(outcome, reviewers, pr.headSha);
  const existing = await findCheckRun(client, pr.owner, pr.repo, pr.headSha, APPROVAL_CHECK);
  const { id } = await publishCheckRun(client, {
    owner: pr.owner, repo: pr.repo, name: APPROVAL_CHECK, headSha: pr.headSha, title, summary,
    ...(detailsUrl ? { detailsUrl } : {}),
    // Pending is an in-progress check: branch protection keeps the merge button blocked until a
    // later run completes it with success.
    ...(outcome.state === "success" ? { conclusion: "success" as const } : {}),
    annotations: [],
  }, existing);
  return { outcome, reviewers, checkRunId: id };
}

// Builders for GitHub REST objects in the shapes the OpenAPI description requires. The server
// validates every response it sends, so a builder that drifts from the schema fails loudly.

export const HOST = "https://github.test";
export const API = "https://api.github.test";

export function user(login: string, id: number): Record<string, unknown> {
  const url = `${API}/users/${encodeURIComponent(login)}`;
  return {
    login, id, node_id: `U_${id}`, avatar_url: `${HOST}/avatars/${id}`, gravatar_id: "",
    url, html_url: `${HOST}/${encodeURIComponent(login)}`,
    followers_url: `${url}/followers`, following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`, starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`, organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`, events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: login.endsWith("[bot]") ? "Bot" : "User", site_admin: false,
  };
}

export interface StoredComment {
  id: number; issueNumber: number; body: string; login: string; userId: number;
  createdAt: string; updatedAt: string;
}

export function issueComment(repo: string, c: StoredComment): Record<string, unknown> {
  return {
    id: c.id, node_id: `IC_${c.id}`,
    url: `${API}/repos/${repo}/issues/comments/${c.id}`,
    html_url: `${HOST}/${repo}/pull/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${API}/repos/${repo}/issues/${c.issueNumber}`,
    body: c.body, user: user(c.login, c.userId),
    created_at: c.createdAt, updated_at: c.updatedAt,
    author_association: "NONE", performed_via_github_app: null,
  };
}

export interface StoredAnnotation {
  path: string; start_line: number; end_line: number; annotation_level: string; message: string;
  title?: string; raw_details?: string; start_column?: number; end_column?: number;
}

export interface StoredCheckRun {
  id: number; name: string; headSha: string; status: string; conclusion: string | null;
  startedAt: string | null; completedAt: string | null; detailsUrl: string | null; externalId: string | null;
  title: string | null; summary: string | null; text: string | null;
  annotations: StoredAnnotation[];
  /** Every request body that touched this run, in order (create first). */
  history: Record<string, unknown>[];
}

export function checkRun(repo: string, r: StoredCheckRun): Record<string, unknown> {
  return {
    id: r.id, node_id: `CR_${r.id}`, head_sha: r.headSha, external_id: r.externalId,
    url: `${API}/repos/${repo}/check-runs/${r.id}`, html_url: `${HOST}/${repo}/runs/${r.id}`,
    details_url: r.detailsUrl, status: r.status, conclusion: r.conclusion,
    started_at: r.startedAt, completed_at: r.completedAt,
    output: {
      title: r.title, summary: r.summary, text: r.text,
      annotations_count: r.annotations.length,
      annotations_url: `${API}/repos/${repo}/check-runs/${r.id}/annotations`,
    },
    name: r.name, check_suite: { id: 1 }, app: null, pull_requests: [],
  };
}

export interface StoredReview {
  id: number; pullNumber: number; login: string; userId: number;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";
  commitId: string; body: string; submittedAt: string;
}

export function review(repo: string, r: StoredReview): Record<string, unknown> {
  return {
    id: r.id, node_id: `PRR_${r.id}`, user: user(r.login, r.userId), body: r.body, state: r.state,
    html_url: `${HOST}/${repo}/pull/${r.pullNumber}#pullrequestreview-${r.id}`,
    pull_request_url: `${API}/repos/${repo}/pulls/${r.pullNumber}`,
    _links: {
      html: { href: `${HOST}/${repo}/pull/${r.pullNumber}#pullrequestreview-${r.id}` },
      pull_request: { href: `${API}/repos/${repo}/pulls/${r.pullNumber}` },
    },
    submitted_at: r.submittedAt, commit_id: r.commitId, author_association: "MEMBER",
  };
}

export function teamMembership(org: string, slug: string, login: string, role: "member" | "maintainer", state: "active" | "pending"): Record<string, unknown> {
  return { url: `${API}/orgs/${org}/teams/${slug}/memberships/${encodeURIComponent(login)}`, role, state };
}

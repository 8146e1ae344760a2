// The sticky pull request comment: one comment per pull request (per marker), found by a hidden
// HTML marker across every page of comments, and updated in place.
import type { GitHubClient } from "./client.js";

export type CommentMode = "update" | "new" | "off";

export const COMMENT_MODES: readonly CommentMode[] = ["update", "new", "off"];

export interface StickyTarget { owner: string; repo: string; issueNumber: number }

export interface StickyResult {
  action: "created" | "updated" | "skipped";
  commentId?: number;
  url?: string;
}

/** The marker is an HTML comment: invisible when rendered, and specific to this tool and key. */
export function stickyMarker(key = "report"): string {
  return `<!-- exemptions-as-code:${key.replace(/[^a-z0-9_-]/gi, "")} -->`;
}

async function findStickyComment(client: GitHubClient, target: StickyTarget, marker: string): Promise<{ id: number; body: string } | undefined> {
  // Comments are listed oldest first; keep the last one that carries the marker, in case a
  // previous run in "new" mode left several.
  let found: { id: number; body: string } | undefined;
  for await (const page of client.paginate.iterator(client.rest.issues.listComments, {
    owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: 100,
  })) {
    for (const comment of page.data) {
      if (comment.body?.includes(marker)) found = { id: comment.id, body: comment.body };
    }
  }
  return found;
}

/** Updates the sticky comment in place when there is one (skipped when the text is the same);
 *  undefined when there is none, and nothing is created. */
export async function updateStickyComment(
  client: GitHubClient, target: StickyTarget, body: string, marker: string,
): Promise<StickyResult | undefined> {
  const text = withMarker(body, marker);
  const existing = await findStickyComment(client, target, marker);
  if (!existing) return undefined;
  if (existing.body === text) return { action: "skipped", commentId: existing.id };
  const res = await client.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body: text });
  return { action: "updated", commentId: res.data.id, url: res.data.html_url };
}

export async function upsertStickyComment(
  client: GitHubClient, target: StickyTarget, body: string, mode: CommentMode, marker: string,
): Promise<StickyResult> {
  if (mode === "off") return { action: "skipped" };
  if (mode === "update") {
    const updated = await updateStickyComment(client, target, body, marker);
    if (updated) return updated;
  }
  const res = await client.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body: withMarker(body, marker) });
  return { action: "created", commentId: res.data.id, url: res.data.html_url };
}

function withMarker(body: string, marker: string): string {
  return body.includes(marker) ? body : `${body}\n${marker}`;
}

// Folding pull request reviews into the current approvals. Pure.
//
// Rules (GitHub's own, plus one of ours):
// - reviews are taken in submission order; for each reviewer the latest APPROVED,
//   CHANGES_REQUESTED or DISMISSED review decides; COMMENTED reviews do not change a reviewer's
//   state (as on GitHub), PENDING ones are drafts and ignored;
// - an approval counts only when it was given on the current head commit: a push after the
//   approval needs a fresh one, so nobody approves code they have not seen;
// - the pull request's author never counts.

export interface Review {
  login: string;
  state: string;
  commitId: string | null;
  submittedAt: string | null;
}

export interface ReviewerState {
  login: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "DISMISSED";
  commitId: string | null;
  /** APPROVED on the head commit. */
  current: boolean;
}

export function foldReviews(reviews: readonly Review[], headSha: string, author?: string): ReviewerState[] {
  const ordered = reviews
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.submittedAt ?? "").localeCompare(b.r.submittedAt ?? "") || a.i - b.i);
  const latest = new Map<string, ReviewerState>();
  for (const { r } of ordered) {
    const state = r.state.toUpperCase();
    if (state !== "APPROVED" && state !== "CHANGES_REQUESTED" && state !== "DISMISSED") continue;
    const key = r.login.toLowerCase();
    if (author && key === author.toLowerCase()) continue;
    latest.set(key, {
      login: r.login, state, commitId: r.commitId,
      current: state === "APPROVED" && r.commitId === headSha,
    });
  }
  return [...latest.values()];
}

export function currentApprovers(states: readonly ReviewerState[]): string[] {
  return states.filter((s) => s.current).map((s) => s.login);
}

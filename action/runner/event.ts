// What the action needs from the triggering event, read from the event payload file. Errors are
// values: an unsupported event is reported, not thrown.
import { readFileSync } from "node:fs";
import type { Env } from "./io.js";

export type Trigger = "pull_request" | "pull_request_target" | "pull_request_review" | "workflow_run";

export interface PullRequestContext {
  trigger: Trigger;
  owner: string;
  repo: string;
  number: number;
  title: string;
  author: string;
  headSha: string;
  baseSha: string;
  baseRef: string;
  /** The head is in another repository: GitHub gives such runs a read-only token. */
  fromFork: boolean;
  runUrl?: string;
}

export type EventResult = { ok: true; pr: PullRequestContext } | { ok: false; error: string };

interface PullPayload {
  number?: number; title?: string; user?: { login?: string };
  head?: { sha?: string; repo?: { full_name?: string } | null }; base?: { sha?: string; ref?: string; repo?: { full_name?: string } };
}

export function readEvent(env: Env, eventPathOverride?: string): EventResult {
  const name = env["GITHUB_EVENT_NAME"] ?? "";
  const repository = env["GITHUB_REPOSITORY"] ?? "";
  const [owner = "", repo = ""] = repository.split("/");
  if (!owner || !repo) return { ok: false, error: "GITHUB_REPOSITORY is not set (owner/name)" };
  const trustedPath = env["GITHUB_EVENT_PATH"];
  if (!trustedPath) return { ok: false, error: "GITHUB_EVENT_PATH is not set" };
  let trusted: Record<string, unknown>;
  try {
    trusted = JSON.parse(readFileSync(trustedPath, "utf8")) as Record<string, unknown>;
  } catch (e) {
    return { ok: false, error: `cannot read the event payload ${trustedPath}: ${(e as Error).message}` };
  }
  const server = env["GITHUB_SERVER_URL"] ?? "https://github.com";
  const runUrl = env["GITHUB_RUN_ID"] ? `${server}/${repository}/actions/runs/${env["GITHUB_RUN_ID"]}` : undefined;

  let pull: PullPayload | undefined;
  let trigger: Trigger;
  let headSha: string | undefined;
  if (name === "pull_request" || name === "pull_request_target" || name === "pull_request_review") {
    trigger = name;
    pull = trusted["pull_request"] as PullPayload | undefined;
    headSha = pull?.head?.sha;
  } else if (name === "workflow_run") {
    // The fork split: the pull request event was saved by an unprivileged workflow and handed
    // over as an artifact. Only its pull request number is taken from it; the head commit comes
    // from the trusted workflow_run payload, so a forged file cannot point us at other code.
    trigger = name;
    const run = trusted["workflow_run"] as { head_sha?: string; pull_requests?: { number?: number }[] } | undefined;
    headSha = run?.head_sha;
    if (!eventPathOverride) return { ok: false, error: "on workflow_run, pass the saved pull_request event with the event-path input" };
    try {
      const saved = JSON.parse(readFileSync(eventPathOverride, "utf8")) as { pull_request?: PullPayload };
      pull = saved.pull_request;
    } catch (e) {
      return { ok: false, error: `cannot read the saved event ${eventPathOverride}: ${(e as Error).message}` };
    }
    if (pull?.head?.sha !== headSha) {
      return { ok: false, error: `the saved event's head commit (${String(pull?.head?.sha)}) is not the workflow run's head commit (${String(headSha)}); refusing to report on it` };
    }
    // The base is what the privileged workflow checked out (the default branch), not the file's claim.
    pull = { ...pull, base: { ...pull?.base, sha: env["GITHUB_SHA"] ?? pull?.base?.sha ?? "" } };
  } else {
    return { ok: false, error: `event ${name || "(none)"} is not supported: run this action on pull_request, pull_request_review or workflow_run` };
  }
  if (!pull || typeof pull.number !== "number" || !headSha || !pull.base?.sha) {
    return { ok: false, error: `the ${name} payload has no pull request with number, head and base commits` };
  }
  const headRepo = pull.head?.repo?.full_name;
  return {
    ok: true,
    pr: {
      trigger, owner, repo, number: pull.number, title: pull.title ?? "", author: pull.user?.login ?? "",
      headSha, baseSha: pull.base.sha, baseRef: pull.base.ref ?? "",
      fromFork: headRepo !== undefined && headRepo.toLowerCase() !== repository.toLowerCase(),
      ...(runUrl ? { runUrl } : {}),
    },
  };
}

// Event payloads from @octokit/webhooks-examples (GitHub's own examples), with the commits of a
// temp repository and the test's pull request details patched in.
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const require = createRequire(import.meta.url);
type Example = { name: string; examples: Record<string, any>[] };
const all = require("@octokit/webhooks-examples/api.github.com/index.json") as Example[];

function example(name: string, pick: (e: Record<string, any>) => boolean): Record<string, any> {
  const found = all.find((e) => e.name === name)?.examples.find(pick);
  if (!found) throw new Error(`no ${name} example`);
  return structuredClone(found);
}

export interface PrPatch { headSha: string; baseSha: string; number?: number; title?: string; body?: string; author?: string; fork?: boolean }

function patchPull(pull: Record<string, any>, p: PrPatch): void {
  pull.number = p.number ?? pull.number;
  pull.head.sha = p.headSha;
  pull.base.sha = p.baseSha;
  if (p.title !== undefined) pull.title = p.title;
  if (p.body !== undefined) pull.body = p.body;
  if (p.author) pull.user.login = p.author;
  if (p.fork) pull.head.repo = { ...pull.head.repo, full_name: "evil-fork/Hello-World" };
}

export function pullRequestEvent(p: PrPatch, action = "opened"): Record<string, any> {
  const e = example("pull_request", (x) => x.action === action);
  patchPull(e.pull_request, p);
  e.number = e.pull_request.number;
  return e;
}

export function reviewEvent(p: PrPatch, reviewer: string, state: string): Record<string, any> {
  const e = example("pull_request_review", (x) => x.action === "submitted");
  patchPull(e.pull_request, p);
  e.review.user.login = reviewer;
  e.review.state = state;
  e.review.commit_id = p.headSha;
  return e;
}

export function workflowRunEvent(headSha: string): Record<string, any> {
  const e = example("workflow_run", (x) => x.action === "completed");
  e.workflow_run.head_sha = headSha;
  e.workflow_run.event = "pull_request";
  return e;
}

export function writeEvent(dir: string, name: string, payload: unknown): string {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(payload));
  return path;
}

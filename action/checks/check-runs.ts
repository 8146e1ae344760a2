// Check runs with annotations on exact lines. The Checks API takes at most 50 annotations per
// request and appends them on every update, so the first 50 go with the create call and the rest
// follow in updates of 50; the conclusion is set with the last batch.
import type { GitHubClient } from "../github/client.js";

export const ANNOTATIONS_PER_REQUEST = 50;
/** Output summary/text maximum, per GitHub's description. */
export const CHECK_TEXT_LIMIT = 65535;

export interface CheckAnnotation {
  path: string;
  startLine: number;
  endLine: number;
  level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
  startColumn?: number;
  endColumn?: number;
}

export interface CheckRunSpec {
  owner: string;
  repo: string;
  name: string;
  headSha: string;
  title: string;
  summary: string;
  text?: string;
  detailsUrl?: string;
  /** Omit for a pending (in progress) check. */
  conclusion?: "success" | "failure" | "neutral" | "action_required";
  annotations: CheckAnnotation[];
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function clip(text: string): string {
  return text.length <= CHECK_TEXT_LIMIT ? text : text.slice(0, CHECK_TEXT_LIMIT - 40) + "\n\n… truncated (see the job summary)";
}

function toApi(a: CheckAnnotation) {
  const sameLine = a.startLine === a.endLine;
  return {
    path: a.path,
    start_line: a.startLine,
    end_line: a.endLine,
    annotation_level: a.level,
    message: a.message.slice(0, 64 * 1024),
    ...(a.title ? { title: a.title.slice(0, 255) } : {}),
    // Columns are only accepted on single-line annotations.
    ...(sameLine && a.startColumn ? { start_column: a.startColumn, end_column: a.endColumn ?? a.startColumn } : {}),
  };
}

export async function publishCheckRun(client: GitHubClient, spec: CheckRunSpec, existingId?: number): Promise<{ id: number; requests: number }> {
  const batches = chunk(spec.annotations.map(toApi), ANNOTATIONS_PER_REQUEST);
  const output = (annotations: ReturnType<typeof toApi>[] | undefined) => ({
    title: spec.title,
    summary: clip(spec.summary),
    ...(spec.text ? { text: clip(spec.text) } : {}),
    ...(annotations && annotations.length ? { annotations } : {}),
  });
  const finish = (last: boolean) => (last && spec.conclusion ? { conclusion: spec.conclusion, completed_at: new Date().toISOString() } : { status: "in_progress" as const });
  let requests = 0;
  let id = existingId;
  const first = batches[0];
  const onlyOne = batches.length <= 1;
  if (id === undefined) {
    const res = await client.rest.checks.create({
      owner: spec.owner, repo: spec.repo, name: spec.name, head_sha: spec.headSha,
      ...(spec.detailsUrl ? { details_url: spec.detailsUrl } : {}),
      ...finish(onlyOne), output: output(first),
    });
    id = res.data.id;
  } else {
    await client.rest.checks.update({ owner: spec.owner, repo: spec.repo, check_run_id: id, ...finish(onlyOne), output: output(first) });
  }
  requests++;
  for (let i = 1; i < batches.length; i++) {
    await client.rest.checks.update({
      owner: spec.owner, repo: spec.repo, check_run_id: id, ...finish(i === batches.length - 1), output: output(batches[i]),
    });
    requests++;
  }
  return { id, requests };
}

/** The newest check run with this name on the commit, so reruns update rather than pile up. */
export async function findCheckRun(client: GitHubClient, owner: string, repo: string, ref: string, name: string): Promise<number | undefined> {
  const res = await client.rest.checks.listForRef({ owner, repo, ref, check_name: name, filter: "latest", per_page: 100 });
  return res.data.check_runs[0]?.id;
}

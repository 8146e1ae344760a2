// Defender for Cloud assessments, from Azure Resource Graph (`securityresources` rows, where
// properties.resourceDetails.Id is capitalised) or the REST list (resourceDetails.id), streamed.

import type { IssueLog, InputIssue } from "./issues.js";
import { batchItems, readRowBatches, type Batch, type LocatedRow, type ReadOptions } from "./rows.js";
import { asObject } from "./json-file.js";

export type AssessmentStatus = "Healthy" | "Unhealthy" | "NotApplicable";

export interface AssessmentRecord {
  /** The assessed resource's ID as given (original case, for display). */
  resourceId: string;
  /** The same ID lower-cased: Azure IDs are case-insensitive, so all comparisons use this. */
  resourceKey: string;
  /** Lower-cased subscription GUID the resource lives in. */
  subscriptionId: string;
  /** Assessment key (recommendation GUID), lower-cased. */
  key: string;
  status: AssessmentStatus;
  /** status.cause when given (e.g. "Exempt", "OffByPolicy"), else null. */
  cause: string | null;
  displayName: string | null;
  file: string;
  line: number;
  index: number;
}

/** NotApplicable because an exemption made it so (status.cause "Exempt", in any case). */
export function isExemptedRow(row: { status: AssessmentStatus; cause: string | null }): boolean {
  return row.status === "NotApplicable" && row.cause !== null && row.cause.toLowerCase() === "exempt";
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ASSESSMENT_SUFFIX = /\/providers\/microsoft\.security\/assessments\/([^/]+)$/i;
const SUBSCRIPTION = /^\/subscriptions\/([^/]+)(?:\/|$)/i;
const STATUS: Record<string, AssessmentStatus> = {
  healthy: "Healthy",
  unhealthy: "Unhealthy",
  notapplicable: "NotApplicable",
};

export type ParsedAssessment = { ok: true; record: AssessmentRecord } | { ok: false; issue: InputIssue };

/** Normalise one row; a row we cannot use is an issue naming the field. Pure. */
export function parseAssessmentRow(row: LocatedRow): ParsedAssessment {
  const fail = (field: string, message: string): ParsedAssessment => ({
    ok: false,
    issue: { source: "assessments", severity: "error", file: row.file, line: row.line, index: row.index, field, message },
  });
  const r = asObject(row.value);
  if (!r) return fail("", "row is not an object");
  const props = asObject(r.properties);
  if (!props) return fail("properties", "missing or not an object");

  // The key: `name`, else the last segment of the assessment ID.
  let key = typeof r.name === "string" ? r.name : null;
  const id = typeof r.id === "string" ? r.id : null;
  if (key === null && id) key = ASSESSMENT_SUFFIX.exec(id)?.[1] ?? null;
  if (key === null) return fail("name", "missing assessment key (name)");
  key = key.toLowerCase();
  if (!GUID.test(key)) return fail("name", `assessment key is not a GUID: ${JSON.stringify(key.slice(0, 80))}`);

  // The resource: resourceDetails.Id (Resource Graph) or .id (REST), else the assessment ID's prefix.
  const details = asObject(props.resourceDetails);
  let resourceId: string | null = null;
  for (const f of ["Id", "id", "ResourceId", "resourceId"]) {
    const v = details?.[f];
    if (typeof v === "string" && v !== "") {
      resourceId = v;
      break;
    }
  }
  if (resourceId === null && id) {
    const m = ASSESSMENT_SUFFIX.exec(id);
    if (m) resourceId = id.slice(0, m.index);
  }
  if (resourceId === null) return fail("properties.resourceDetails.Id", "missing resource ID");
  if (!resourceId.startsWith("/")) return fail("properties.resourceDetails.Id", "resource ID does not start with '/'");
  const sub = SUBSCRIPTION.exec(resourceId);
  if (!sub) return fail("properties.resourceDetails.Id", "resource ID is not under a subscription (/subscriptions/<id>/…)");
  const resourceKey = stripTrailingSlash(resourceId.toLowerCase());

  const status = asObject(props.status);
  if (!status) return fail("properties.status", "missing or not an object");
  const codeRaw = status.code;
  if (typeof codeRaw !== "string") return fail("properties.status.code", "missing or not a string");
  const code = STATUS[codeRaw.toLowerCase()];
  if (!code) return fail("properties.status.code", `unknown status ${JSON.stringify(codeRaw.slice(0, 40))} (expected Healthy, Unhealthy or NotApplicable)`);
  const cause = typeof status.cause === "string" && status.cause !== "" ? status.cause : null;
  const displayName = typeof props.displayName === "string" ? props.displayName : null;

  return {
    ok: true,
    record: {
      resourceId: stripTrailingSlash(resourceId),
      resourceKey,
      subscriptionId: sub[1]!.toLowerCase(),
      key,
      status: code,
      cause,
      displayName,
      file: row.file,
      line: row.line,
      index: row.index,
    },
  };
}

function stripTrailingSlash(s: string): string {
  return s.length > 1 && s.endsWith("/") ? s.slice(0, -1) : s;
}

export interface AssessmentReadStats {
  rows: number;
  accepted: number;
  rejected: number;
}

/**
 * Stream the usable assessments of a file or folder, one batch per chunk read; rejected rows
 * become issues of the batch at their place (see Batch), for the consumer to log in order.
 */
export async function* readAssessmentBatches(path: string, log: IssueLog, stats?: AssessmentReadStats, options: ReadOptions = {}): AsyncGenerator<Batch<AssessmentRecord>> {
  for await (const batch of readRowBatches(path, "assessments", log, options)) {
    const items: AssessmentRecord[] = [];
    const issues: Batch<AssessmentRecord>["issues"] = [];
    const rows = batch.items;
    let k = 0;
    for (let i = 0; i < rows.length; i++) {
      // The reader's own issues (broken JSON) keep their place among the rows.
      while (k < batch.issues.length && batch.issues[k]!.at <= i) issues.push({ at: items.length, issue: batch.issues[k++]!.issue });
      const parsed = parseAssessmentRow(rows[i]!);
      if (parsed.ok) items.push(parsed.record);
      else issues.push({ at: items.length, issue: parsed.issue });
    }
    while (k < batch.issues.length) issues.push({ at: items.length, issue: batch.issues[k++]!.issue });
    if (stats) {
      stats.rows += rows.length;
      stats.accepted += items.length;
      stats.rejected += rows.length - items.length;
    }
    yield { items, issues };
  }
}

/** Stream the usable assessments of a file or folder one by one; rejected rows go to the log. */
export async function* readAssessments(path: string, log: IssueLog, stats?: AssessmentReadStats, options: ReadOptions = {}): AsyncGenerator<AssessmentRecord> {
  yield* batchItems(readAssessmentBatches(path, log, stats, options), log);
}

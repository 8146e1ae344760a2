// `exempt evaluate` as a library function: load → validate → evaluate (policy) → score → report.
// Streams the assessments once; memory grows with resources × controls, not with assessments
// (plus the not-applicable list and drift list the report carries).

import { DEFAULT_CHECKS } from "../exemptions/checks.js";
import { loadExemptions } from "../exemptions/load.js";
import type { Exemption } from "../exemptions/types.js";
import { IssueLog } from "../inputs/issues.js";
import { isExemptedRow, readAssessmentBatches, type AssessmentReadStats, type AssessmentRecord } from "../inputs/assessments.js";
import { logIssuesBefore } from "../inputs/rows.js";
import { loadTree } from "../inputs/tree.js";
import { loadControls } from "../inputs/controls.js";
import { loadMetadata, type AssessmentMetadata } from "../inputs/metadata.js";
import { ScoreAccumulator } from "../score/accumulator.js";
import { RecommendationTally } from "../score/recommendations.js";
import { round } from "../score/formula.js";
import { REPORT_SCHEMA_VERSION, type Report } from "../report/types.js";
import { BatchDecider } from "./decider.js";
import { loadPolicies } from "./load-policies.js";
import { toDecisionExemption, resourceChain } from "./policy-input.js";
import { type Decision, type DecisionEngine, type ExemptionStatusEntry } from "./types.js";
import { policyValidationCheck, type Validator } from "./validation-check.js";

export interface EvaluateRequest {
  /** Exemption files or folders. */
  exemptions: string[];
  assessments: string;
  tree: string;
  controls: string;
  metadata?: string;
  config?: string;
  /** Folder of .rego files; default: the repository's policies/. */
  policies?: string;
  at: Date;
  cwd?: string;
  /** Repository root for the exemption loader's symlink check. */
  root?: string;
  /**
   * Told how far reading the assessments has got: once with 0 bytes before the first row, then
   * after each chunk read. For progress displays; the engine itself draws nothing.
   */
  onProgress?: (progress: EvaluateProgress) => void;
}

export interface EvaluateProgress {
  /** Bytes of the assessment files read so far. */
  bytesRead: number;
  /** Total size of the assessment files. */
  totalBytes: number;
}

/** The policies, however they are run; tests may pass their own. */
export type Policies = DecisionEngine & Validator;

export class EvaluateError extends Error {}

export async function evaluate(req: EvaluateRequest, policies?: Policies): Promise<Report> {
  const log = new IssueLog();
  const engine: Policies = policies ?? await loadPolicies({
      ...(req.config !== undefined ? { config: req.config } : {}),
      ...(req.policies ? { policies: req.policies } : {}),
      // Only what evaluate runs: compiling fewer entrypoints is faster.
      entrypoints: ["decision", "validation"],
    });

  // Small inputs first: the tree, controls and metadata shape how assessments are read.
  const tree = await loadTree(req.tree, log);
  const controls = await loadControls(req.controls, log);
  if (controls.length === 0) log.add({ source: "controls", severity: "error", file: req.controls, message: "no usable controls: every score would be 0" });
  const metadata: Map<string, AssessmentMetadata> | null = req.metadata ? await loadMetadata(req.metadata, log) : null;

  // Exemption files: schema and cross-file rules, then the Rego validation policy.
  const loaded = await loadExemptions(req.exemptions, {
    at: req.at,
    ...(req.cwd ? { cwd: req.cwd } : {}),
    ...(req.root ? { root: req.root } : {}),
    checks: [...DEFAULT_CHECKS, policyValidationCheck(engine, { metadata, tree })],
  });
  if (loaded.missing.length > 0) throw new EvaluateError(`no such exemption file or folder: ${loaded.missing.join(", ")}`);
  const exemptions = loaded.exemptions;
  const policyExemptions = exemptions.map((e) => toDecisionExemption(e, metadata));
  const atMs = req.at.getTime();

  // Each exemption's status, from the policy (one call with every exemption).
  const statusResult = await engine.decide({ at_ms: atMs, exemptions: policyExemptions, assessments: [] });

  // Stream the assessments through the policy into the score.
  const score = new ScoreAccumulator(controls);
  const tally = new RecommendationTally();
  const byName = new Map(exemptions.map((e) => [e.name, e]));
  const matched = new Map<string, number>();
  const notApplicable: Report["notApplicable"] = [];
  const drift: Report["drift"] = [];
  let unscored = 0;
  const unscoredKeys = new Set<string>();
  const missingSubs = new Set<string>();
  for (const e of exemptions) for (const k of e.recommendations) tally.touch(k.toLowerCase());

  const onDecided = (row: AssessmentRecord, d: Decision | null) => {
    const e = d ? byName.get(d.exemption) : undefined;
    if (d && !e) throw new EvaluateError(`the decision policy named an exemption that was not given: ${d.exemption}`);
    const after = d ? "NotApplicable" : row.status;
    score.add(row.resourceKey, row.key, row.status, after);
    if (!score.isScored(row.key)) {
      unscored++;
      if (!unscoredKeys.has(row.key)) {
        unscoredKeys.add(row.key);
        log.add({ source: "assessments", severity: "warning", file: row.file, line: row.line, index: row.index, field: "name", message: `assessment key ${row.key} is in no security control of the controls file: not scored (first of its rows)` });
      }
    }
    const exemptCause = isExemptedRow(row);
    tally.add(row.key, row.status, row.cause, e ? { justification: e.justification } : null);
    if (d && e && (row.status !== "NotApplicable" || exemptCause)) {
      matched.set(e.name, (matched.get(e.name) ?? 0) + 1);
      notApplicable.push({
        resourceId: row.resourceId,
        assessmentKey: row.key,
        exemption: e.name,
        category: e.category,
        justification: e.justification,
        scope: d.scope,
        before: row.status,
        reason: d.reason,
      });
    }
    if (!d && exemptCause) drift.push({ resourceId: row.resourceId, assessmentKey: row.key, cause: row.cause!, file: row.file, line: row.line });
  };
  const decider = new BatchDecider<AssessmentRecord>(engine, atMs, policyExemptions, onDecided);

  const stats: AssessmentReadStats = { rows: 0, accepted: 0, rejected: 0 };
  let lastResource = "";
  let lastChain: string[] = [];
  const onProgress = req.onProgress;
  const readOptions = onProgress ? { onProgress: (bytesRead: number, totalBytes: number) => onProgress({ bytesRead, totalBytes }) } : {};
  // One async step per chunk of rows, not per row: the per-row work below is synchronous except
  // when a policy batch fills.
  for await (const batch of readAssessmentBatches(req.assessments, log, stats, readOptions)) {
    const rows = batch.items;
    let k = 0;
    for (let i = 0; i < rows.length; i++) {
      // Issues of rejected rows are logged at their place, as a row-by-row reader would have.
      if (k < batch.issues.length) k = logIssuesBefore(batch, i, k, log);
      const row = rows[i]!;
      if (row.resourceKey !== lastResource) {
        if (!tree.subscriptions.has(row.subscriptionId) && !missingSubs.has(row.subscriptionId)) {
          missingSubs.add(row.subscriptionId);
          log.add({ source: "tree", severity: "warning", file: row.file, line: row.line, index: row.index, field: "properties.resourceDetails.Id", message: `subscription ${row.subscriptionId} is not in the tree: management group exemptions cannot apply to its resources` });
        }
        const c = resourceChain(row.resourceKey, row.subscriptionId, tree);
        if (c.malformed) log.add({ source: "assessments", severity: "warning", file: row.file, line: row.line, index: row.index, field: "properties.resourceDetails.Id", message: `resource ID not fully understood (${c.malformed}): only subscription and wider exemptions can apply` });
        lastResource = row.resourceKey;
        lastChain = decider.namedScopes(c.chain);
      }
      const full = decider.add(row, row.key, lastChain);
      if (full) await full;
    }
    logIssuesBefore(batch, rows.length, k, log);
  }
  await decider.flush();
  if (stats.accepted === 0) log.add({ source: "assessments", severity: "error", file: req.assessments, message: "no usable assessment rows: the score is empty" });

  const scored = score.result();
  const recs = tally.result();
  const statusOf = (name: string): ExemptionStatusEntry => {
    const st = statusResult.exemption_status[name];
    if (!st) throw new EvaluateError(`the decision policy gave no status for exemption ${name}`);
    return st;
  };

  const diag = (sev: "error" | "warning") =>
    loaded.diagnostics.filter((d) => d.severity === sev).map((d) => ({ file: d.file, line: d.line, col: d.col, field: d.field, message: d.message, code: d.code }));

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    at: req.at.toISOString(),
    secureScore: {
      before: scored.secureScore.before,
      after: scored.secureScore.after,
      delta: {
        current: round(scored.secureScore.after.current - scored.secureScore.before.current, 2),
        percentage: round(scored.secureScore.after.percentage - scored.secureScore.before.percentage, 4),
      },
    },
    controls: scored.controls,
    subscriptions: scored.subscriptions.map((s) => ({
      ...s,
      displayName: tree.subscriptions.get(s.id)?.displayName ?? null,
      managementGroups: tree.subscriptions.get(s.id)?.ancestors ?? [],
    })),
    notApplicable,
    exemptions: exemptions.map((e: Exemption) => {
      const st = statusOf(e.name);
      return {
        name: e.name,
        file: e.file,
        status: st.status,
        matched: matched.get(e.name) ?? 0,
        category: e.category,
        justification: e.justification,
        expiresOn: e.expiresOn ? e.expiresOn.toISOString() : null,
        suspendedOn: st.suspended_on,
        suspendedBy: st.suspended_by,
      };
    }),
    recommendations: recs.map((r) => ({ ...r, displayName: metadata?.get(r.assessmentKey)?.displayName ?? null })),
    exposure: {
      unhealthy: recs.reduce((n, r) => n + r.unhealthy, 0),
      exposedAfter: recs.reduce((n, r) => n + r.exposedAfter, 0),
    },
    drift,
    validation: { deny: diag("error"), warn: diag("warning") },
    inputs: {
      exemptionFiles: loaded.files.length,
      exemptionsLoaded: exemptions.length,
      assessmentRows: stats.rows,
      assessmentsAccepted: stats.accepted,
      assessmentsRejected: stats.rejected,
      unscoredAssessments: unscored,
      subscriptions: tree.subscriptions.size,
      controls: controls.length,
      policyCalls: decider.stats.calls + 1,
      policyQuestions: decider.stats.questions,
    },
    issues: log.kept.map((i) => ({ ...i })),
    issueCounts: { errors: log.errors, warnings: log.warnings, listed: log.kept.length },
  };
}


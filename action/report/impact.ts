// The effect of a pull request: the head exemption set against the base one, evaluated on the
// same assessment data. Pure.
import type { ApprovalChange, Diagnostic, EvaluationReport, ExemptionInfo, ScoreValue } from "../engine-port.js";
import type { FileChange } from "../git/changes.js";

export interface ControlDelta { id: string; displayName: string; before: number; after: number; max: number; delta: number; unhealthyBefore: number; unhealthyAfter: number }
export type NaEntry = EvaluationReport["notApplicable"][number];

export interface ExemptionChange {
  kind: ApprovalChange["kind"];
  name: string;
  file: string;
  oldFile?: string;
  before: ExemptionInfo | null;
  after: ExemptionInfo | null;
}

export interface Impact {
  score: { before: ScoreValue; after: ScoreValue; deltaPoints: number };
  controls: ControlDelta[];
  newlyNotApplicable: NaEntry[];
  noLongerNotApplicable: NaEntry[];
  changes: ExemptionChange[];
  /** Exemptions of the whole head tree in effect and expiring within `expiringWithinDays`. */
  expiring: { name: string; file: string; expiresOn: string; days: number }[];
  expiringWithinDays: number;
  denied: Diagnostic[];
  warnings: Diagnostic[];
}

const naKey = (e: NaEntry): string => `${e.resourceId.toLowerCase()}\u0000${e.assessmentKey.toLowerCase()}`;

/** Percentage points, rounded to 2 decimals (percentage is a fraction of 1). */
export function pointsDelta(before: ScoreValue, after: ScoreValue): number {
  return Math.round((after.percentage - before.percentage) * 10000) / 100;
}

export function exemptionChanges(files: readonly FileChange[], base: readonly ExemptionInfo[], head: readonly ExemptionInfo[]): ExemptionChange[] {
  const byFile = (list: readonly ExemptionInfo[]) => new Map(list.map((e) => [e.file, e]));
  const b = byFile(base);
  const h = byFile(head);
  const stem = (p: string) => p.replace(/^.*\//, "").replace(/\.ya?ml$/i, "");
  return files.map((f): ExemptionChange => {
    const before = f.kind === "added" ? null : b.get(f.oldPath ?? f.path) ?? null;
    const after = f.kind === "deleted" ? null : h.get(f.path) ?? null;
    const kind = f.kind === "deleted" ? "removed" : f.kind === "added" ? "added" : "modified";
    return {
      kind, name: after?.name ?? before?.name ?? stem(f.path), file: f.path,
      ...(f.oldPath ? { oldFile: f.oldPath } : {}), before, after,
    };
  });
}

export function computeImpact(args: {
  base: EvaluationReport; head: EvaluationReport; changes: ExemptionChange[]; headExemptions: readonly ExemptionInfo[];
  diagnostics: readonly Diagnostic[]; at: Date; expiringWithinDays: number;
}): Impact {
  const { base, head } = args;
  const baseControls = new Map(base.controls.map((c) => [c.id, c]));
  const controls: ControlDelta[] = [];
  for (const c of head.controls) {
    const b = baseControls.get(c.id);
    const before = b?.after.current ?? 0;
    const after = c.after.current;
    const delta = Math.round((after - before) * 100) / 100;
    if (delta !== 0 || (b && b.after.unhealthy !== c.after.unhealthy)) {
      controls.push({ id: c.id, displayName: c.displayName, before, after, max: c.after.max, delta, unhealthyBefore: b?.after.unhealthy ?? 0, unhealthyAfter: c.after.unhealthy });
    }
  }
  controls.sort((x, y) => y.delta - x.delta || x.displayName.localeCompare(y.displayName));
  const baseNa = new Set(base.notApplicable.map(naKey));
  const headNa = new Set(head.notApplicable.map(naKey));
  const dayMs = 86_400_000;
  const inEffect = new Set(head.exemptions.filter((e) => e.status === "in_effect").map((e) => e.name));
  const expiring = args.headExemptions
    .filter((e) => e.expiresOn && (inEffect.size === 0 || inEffect.has(e.name)))
    .map((e) => ({ name: e.name, file: e.file, expiresOn: e.expiresOn!, days: Math.ceil((Date.parse(e.expiresOn!) - args.at.getTime()) / dayMs) }))
    .filter((e) => Number.isFinite(e.days) && e.days >= 0 && e.days <= args.expiringWithinDays)
    .sort((x, y) => x.days - y.days || x.name.localeCompare(y.name));
  return {
    score: { before: base.secureScore.after, after: head.secureScore.after, deltaPoints: pointsDelta(base.secureScore.after, head.secureScore.after) },
    controls,
    newlyNotApplicable: head.notApplicable.filter((e) => !baseNa.has(naKey(e))),
    noLongerNotApplicable: base.notApplicable.filter((e) => !headNa.has(naKey(e))),
    changes: args.changes,
    expiring,
    expiringWithinDays: args.expiringWithinDays,
    denied: args.diagnostics.filter((d) => d.severity === "error"),
    warnings: args.diagnostics.filter((d) => d.severity === "warning"),
  };
}

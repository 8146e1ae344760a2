// Rendering a Report: text (terminal summary, score delta first), markdown (a pull request
// comment) and CSV (the not-applicable resources). JSON is the report itself.

import type { Report } from "./types.js";
import { csvField, mdText, termText } from "./escape.js";

export type ReportFormat = "text" | "json" | "markdown" | "csv";

const pct = (p: number) => `${(p * 100).toFixed(2)}%`;
const signed = (n: number, digits: number) => (n > 0 ? "+" : n < 0 ? "−" : "±") + Math.abs(n).toFixed(digits);

export function formatReport(r: Report, format: ReportFormat, options: { maxRows?: number } = {}): string {
  switch (format) {
    case "json":
      return JSON.stringify(r, null, 2) + "\n";
    case "text":
      return formatText(r, options.maxRows ?? 50);
    case "markdown":
      return formatMarkdown(r, options.maxRows ?? 100);
    case "csv":
      return formatCsv(r);
  }
}

function statusCounts(r: Report): string {
  const counts = new Map<string, number>();
  for (const e of r.exemptions) counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
  return ["in_effect", "suspended", "expired", "canceled", "not_yet_effective"]
    .filter((s) => counts.has(s))
    .map((s) => `${counts.get(s)} ${s.replace(/_/g, " ")}`)
    .join(", ");
}

export function formatText(r: Report, maxRows: number): string {
  const s = r.secureScore;
  const out: string[] = [];
  out.push(`Secure score: ${pct(s.before.percentage)} → ${pct(s.after.percentage)} (${signed(s.delta.percentage * 100, 2)} points)`);
  out.push(`  points ${s.before.current}/${s.before.max} → ${s.after.current}/${s.after.max}   at ${r.at}`);
  out.push(`Exemptions: ${r.exemptions.length} (${statusCounts(r) || "none"}); ${r.notApplicable.length} assessments not applicable because of them`);
  out.push(`Exposure: ${r.exposure.unhealthy} unhealthy assessments, ${r.exposure.exposedAfter} still exposed after mitigation-like exceptions`);
  if (r.validation.deny.length > 0) out.push(`Validation: ${r.validation.deny.length} denied (see below)`);
  if (r.inputs.unscoredAssessments > 0) out.push(`Not scored: ${r.inputs.unscoredAssessments} assessments whose key is in no security control`);
  if (r.drift.length > 0) out.push(`Drift: ${r.drift.length} assessments exempt in Azure but covered by no file (see below)`);
  out.push("");

  const changed = r.controls.filter((c) => c.before.current !== c.after.current || c.before.max !== c.after.max);
  out.push(`Controls changed (${changed.length} of ${r.controls.length}):`);
  for (const c of changed) {
    out.push(`  ${termText(c.displayName).padEnd(44)} ${c.before.current}/${c.before.max} → ${c.after.current}/${c.after.max}  (unhealthy ${c.before.unhealthy} → ${c.after.unhealthy})`);
  }
  out.push("");
  out.push("Subscriptions:");
  for (const sub of r.subscriptions) {
    const name = sub.displayName ? `${termText(sub.displayName)} (${sub.id})` : sub.id;
    out.push(`  ${name.padEnd(60)} ${pct(sub.before.percentage)} → ${pct(sub.after.percentage)}`);
  }
  out.push("");
  out.push(`Not applicable resources (${r.notApplicable.length}):`);
  for (const n of r.notApplicable.slice(0, maxRows)) {
    out.push(`  ${termText(n.resourceId)}`);
    out.push(`      ${n.assessmentKey}  by ${termText(n.exemption)} (${n.category}, ${n.justification})`);
  }
  if (r.notApplicable.length > maxRows) out.push(`  … and ${r.notApplicable.length - maxRows} more (--format csv lists all)`);
  out.push("");
  out.push("Exemptions:");
  for (const e of r.exemptions) {
    const extra = e.suspendedBy.length > 0 ? ` suspended by ${e.suspendedBy.map(termText).join(", ")}` : "";
    out.push(`  ${termText(e.name).padEnd(40)} ${e.status.padEnd(12)} ${String(e.matched).padStart(6)} assessments${extra}`);
  }
  if (r.drift.length > 0) {
    out.push("");
    out.push(`Drift: ${r.drift.length} assessments are exempt in Azure but no exemption file covers them:`);
    for (const d of r.drift.slice(0, maxRows)) out.push(`  ${termText(d.resourceId)}  ${d.assessmentKey}  (${termText(d.file)}:${d.line})`);
  }
  for (const [label, list] of [["Denied", r.validation.deny], ["Warnings", r.validation.warn]] as const) {
    if (list.length === 0) continue;
    out.push("");
    out.push(`${label}:`);
    for (const d of list) out.push(`  ${termText(d.file)}:${d.line}:${d.col}: ${termText(d.field)}: ${termText(d.message)}`);
  }
  if (r.issueCounts.errors + r.issueCounts.warnings > 0) {
    out.push("");
    out.push(`Input problems: ${r.issueCounts.errors} errors, ${r.issueCounts.warnings} warnings (rows with errors are left out of the score)`);
    for (const i of r.issues.slice(0, maxRows)) {
      const where = `${termText(i.file)}${i.line !== undefined ? `:${i.line}` : ""}${i.index !== undefined ? ` row ${i.index}` : ""}`;
      out.push(`  ${where}: ${i.field ? termText(i.field) + ": " : ""}${termText(i.message)}`);
    }
  }
  return out.join("\n") + "\n";
}

export function formatMarkdown(r: Report, maxRows: number): string {
  const s = r.secureScore;
  const out: string[] = [];
  out.push(`### Secure score: ${pct(s.before.percentage)} → ${pct(s.after.percentage)} (**${signed(s.delta.percentage * 100, 2)}** points)`);
  out.push("");
  out.push("| | Before | After |");
  out.push("|---|---:|---:|");
  out.push(`| Score | ${s.before.current} / ${s.before.max} | ${s.after.current} / ${s.after.max} |`);
  out.push(`| Percentage | ${pct(s.before.percentage)} | ${pct(s.after.percentage)} |`);
  out.push(`| Exposed assessments | ${r.exposure.unhealthy} | ${r.exposure.exposedAfter} |`);
  out.push("");
  out.push(`Evaluated at ${r.at}: ${r.exemptions.length} exemptions (${statusCounts(r) || "none"}), ${r.notApplicable.length} assessments not applicable because of them.`);
  if (r.validation.deny.length > 0) {
    out.push("");
    out.push(`**${r.validation.deny.length} denied by validation:**`);
    out.push("");
    for (const d of r.validation.deny.slice(0, maxRows)) out.push(`- ${mdText(d.file)}:${d.line}:${d.col} ${mdText(d.field)}: ${mdText(d.message)}`);
  }
  const changed = r.controls.filter((c) => c.before.current !== c.after.current || c.before.max !== c.after.max);
  if (changed.length > 0) {
    out.push("");
    out.push("| Control | Before | After | Unhealthy resources |");
    out.push("|---|---:|---:|---:|");
    for (const c of changed) out.push(`| ${mdText(c.displayName)} | ${c.before.current} / ${c.before.max} | ${c.after.current} / ${c.after.max} | ${c.before.unhealthy} → ${c.after.unhealthy} |`);
  }
  out.push("");
  out.push(`<details><summary>Not applicable resources (${r.notApplicable.length})</summary>`);
  out.push("");
  out.push("| Resource | Recommendation | Exemption | Category | Justification |");
  out.push("|---|---|---|---|---|");
  for (const n of r.notApplicable.slice(0, maxRows)) {
    out.push(`| ${mdText(n.resourceId)} | ${mdText(n.assessmentKey)} | ${mdText(n.exemption)} | ${mdText(n.category)} | ${mdText(n.justification)} |`);
  }
  if (r.notApplicable.length > maxRows) out.push(`\n… and ${r.notApplicable.length - maxRows} more (the CSV report lists all).`);
  out.push("");
  out.push("</details>");
  out.push("");
  out.push(`<details><summary>Exemptions (${r.exemptions.length})</summary>`);
  out.push("");
  out.push("| Exemption | Status | Matched | Category | Expires |");
  out.push("|---|---|---:|---|---|");
  for (const e of r.exemptions) out.push(`| ${mdText(e.name)} | ${mdText(e.status)} | ${e.matched} | ${mdText(e.category)} | ${e.expiresOn ? mdText(e.expiresOn.slice(0, 10)) : "never"} |`);
  out.push("");
  out.push("</details>");
  if (r.drift.length > 0) {
    out.push("");
    out.push(`> [!WARNING]\n> ${r.drift.length} assessments are exempt in Azure but no exemption file covers them (drift).`);
  }
  if (r.issueCounts.errors > 0) {
    out.push("");
    out.push(`> [!CAUTION]\n> ${r.issueCounts.errors} input rows or files could not be used; see the JSON report's issues.`);
  }
  return out.join("\n") + "\n";
}

export const CSV_HEADER = ["resourceId", "assessmentKey", "exemption", "category", "justification", "scope", "before"].join(",");

/** One CSV line (without its line break) for a not-applicable assessment. */
export function csvRow(n: Report["notApplicable"][number]): string {
  return [n.resourceId, n.assessmentKey, n.exemption, n.category, n.justification, n.scope, n.before].map(csvField).join(",");
}

export function formatCsv(r: Report): string {
  const lines = [CSV_HEADER];
  for (const n of r.notApplicable) lines.push(csvRow(n));
  return lines.join("\r\n") + "\r\n";
}

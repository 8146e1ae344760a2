// The pull request report as markdown: used for the sticky comment (with small row limits) and
// for the job summary (with large ones). Pure; every piece of untrusted text goes through md().
import { md } from "./escape.js";
import type { Impact } from "./impact.js";
import type { ApprovalOutcome } from "../approval/requirements.js";

export interface RenderOptions {
  prNumber: number;
  /** Untrusted: the pull request's title. */
  prTitle?: string;
  headSha: string;
  /** Rows per table before "… and N more". */
  rowLimit: number;
  approval?: ApprovalOutcome | { unavailable: string };
  notes?: string[];
  runUrl?: string;
}

const pct = (fraction: number): string => `${(fraction * 100).toFixed(2)} %`;
const signed = (n: number, unit = ""): string => `${n > 0 ? "+" : n < 0 ? "−" : "±"}${Math.abs(n).toFixed(2)}${unit}`;

function table(header: string[], rows: string[][], limit: number, more: string): string[] {
  if (rows.length === 0) return [];
  const out = [`| ${header.join(" | ")} |`, `|${header.map(() => " --- ").join("|")}|`];
  for (const r of rows.slice(0, limit)) out.push(`| ${r.join(" | ")} |`);
  if (rows.length > limit) out.push("", `… and ${rows.length - limit} more ${more}.`);
  return out;
}

export function renderReport(impact: Impact, o: RenderOptions): string {
  const lines: string[] = [];
  const denied = impact.denied.length;
  const status = denied > 0 ? `❌ ${denied} denied` : "✅ valid";
  lines.push(`## Exemptions: ${status}`, "");
  lines.push(`Pull request #${o.prNumber}${o.prTitle ? ` (${md(o.prTitle)})` : ""} at \`${o.headSha.slice(0, 7).replace(/[^0-9a-f]/gi, "")}\` changes ${impact.changes.length} exemption file${impact.changes.length === 1 ? "" : "s"}.`, "");

  const s = impact.score;
  lines.push(`**Secure score:** ${pct(s.before.percentage)} → ${pct(s.after.percentage)} (**${signed(s.deltaPoints, " pts")}**)`
    + ` · **newly not applicable:** ${impact.newlyNotApplicable.length}`
    + ` · **no longer not applicable:** ${impact.noLongerNotApplicable.length}`, "");

  if (o.notes?.length) {
    for (const n of o.notes) lines.push(`> [!NOTE]`, `> ${n}`, "");
  }

  if (denied > 0) {
    lines.push("### Denied", "");
    for (const d of impact.denied.slice(0, o.rowLimit)) {
      lines.push(`- ${md(d.file)}${d.line ? `:${d.line}` : ""}${d.column ? `:${d.column}` : ""}${d.field ? ` (${md(d.field)})` : ""}: ${md(d.message)}`);
    }
    if (denied > o.rowLimit) lines.push(`- … and ${denied - o.rowLimit} more (see the check run annotations and the job summary)`);
    lines.push("");
  }
  if (impact.warnings.length > 0) {
    lines.push("<details><summary>Warnings (" + impact.warnings.length + ")</summary>", "");
    for (const d of impact.warnings.slice(0, o.rowLimit)) lines.push(`- ${md(d.file)}${d.line ? `:${d.line}` : ""}: ${md(d.message)}`);
    lines.push("", "</details>", "");
  }

  if (impact.changes.length) {
    lines.push("### Exemptions changed", "");
    lines.push(...table(["", "Name", "Display name", "Category", "Justification", "Scopes", "Expires", "File"],
      impact.changes.map((c) => {
        const e = c.after ?? c.before;
        return [
          c.kind === "added" ? "➕ added" : c.kind === "removed" ? "➖ removed" : "✏️ changed",
          md(c.name), md(e?.displayName ?? ""), md(e?.category ?? ""), md(e?.justification ?? ""),
          (e?.scopes ?? []).map(md).join("<br>"), md(e?.expiresOn ?? "never"),
          md(c.file) + (c.oldFile ? ` (was ${md(c.oldFile)})` : ""),
        ];
      }), o.rowLimit, "changed files"), "");
  }

  if (impact.controls.length) {
    lines.push("### Score by control", "");
    lines.push(...table(["Control", "Before", "After", "Δ", "Unhealthy resources"],
      impact.controls.map((c) => [md(c.displayName), `${c.before.toFixed(2)} / ${c.max}`, `${c.after.toFixed(2)} / ${c.max}`, signed(c.delta), `${c.unhealthyBefore} → ${c.unhealthyAfter}`]),
      o.rowLimit, "controls"), "");
  }

  const naRows = (list: Impact["newlyNotApplicable"]) => list.map((e) => [md(e.resourceId), md(e.assessmentKey), md(e.exemption), md(e.category), md(e.justification)]);
  if (impact.newlyNotApplicable.length) {
    lines.push(`<details${impact.newlyNotApplicable.length <= 20 ? " open" : ""}><summary>Resources newly not applicable (${impact.newlyNotApplicable.length})</summary>`, "");
    lines.push(...table(["Resource", "Recommendation", "Exemption", "Category", "Justification"], naRows(impact.newlyNotApplicable), o.rowLimit, "resources (full list in the job summary)"));
    lines.push("", "</details>", "");
  }
  if (impact.noLongerNotApplicable.length) {
    lines.push(`<details><summary>Resources no longer not applicable (${impact.noLongerNotApplicable.length})</summary>`, "");
    lines.push(...table(["Resource", "Recommendation", "Exemption", "Category", "Justification"], naRows(impact.noLongerNotApplicable), o.rowLimit, "resources (full list in the job summary)"));
    lines.push("", "</details>", "");
  }

  if (impact.expiring.length) {
    lines.push("### Expiring soon", "", `Exemptions of the repository (with this pull request) that stop applying within ${impact.expiringWithinDays} days:`, "");
    for (const e of impact.expiring.slice(0, o.rowLimit)) lines.push(`- ${md(e.name)} expires on ${md(e.expiresOn)} (${e.days === 0 ? "today" : `in ${e.days} day${e.days === 1 ? "" : "s"}`})`);
    lines.push("");
  }

  if (o.approval) {
    lines.push("### Approval", "");
    if ("unavailable" in o.approval) {
      lines.push(md(o.approval.unavailable));
    } else if (o.approval.groups.length === 0) {
      lines.push("No approval required by the approval policy.");
    } else {
      for (const g of o.approval.groups) {
        lines.push(`- ${g.approvedBy.length ? "✅" : "⏳"} ${md(g.group)}: ${g.reasons.map(md).join("; ")}${g.approvedBy.length ? ` — approved by ${g.approvedBy.map(md).join(", ")}` : " — still needed"}`);
      }
    }
    lines.push("");
  }
  if (o.runUrl) lines.push(`<sub>Full report: [job summary](${o.runUrl}).</sub>`);
  return lines.join("\n");
}

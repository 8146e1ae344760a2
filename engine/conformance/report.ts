// Summaries of a conformance run: per folder, failures grouped by cause, skips by reason, and the
// last line `N passed, N failed, N skipped` (or the JSON form).

import type { ConformanceCase } from "./cases.js";
import type { Outcome } from "./run-case.js";

export interface FolderSummary {
  passed: number;
  failed: number;
  skipped: number;
  failures: Array<{ note: string; cause: string }>;
  skips: Array<{ note: string; reason: string }>;
}

export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
  byFolder: Record<string, FolderSummary>;
}

export function summarize(cases: readonly ConformanceCase[], outcomes: readonly Outcome[]): Summary {
  const s: Summary = { passed: 0, failed: 0, skipped: 0, byFolder: {} };
  cases.forEach((c, i) => {
    const o = outcomes[i] ?? { status: "fail", cause: "not run" };
    const f = (s.byFolder[c.folder] ??= { passed: 0, failed: 0, skipped: 0, failures: [], skips: [] });
    if (o.status === "pass") {
      s.passed++;
      f.passed++;
    } else if (o.status === "skip") {
      s.skipped++;
      f.skipped++;
      f.skips.push({ note: c.note, reason: o.reason });
    } else {
      s.failed++;
      f.failed++;
      f.failures.push({ note: c.note, cause: o.cause });
    }
  });
  return s;
}

export function lastLine(s: Summary): string {
  return `${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`;
}

/** Groups of [cause, count, example notes], largest first. */
export function groupBy(items: Array<{ note: string; key: string }>): Array<{ key: string; count: number; notes: string[] }> {
  const m = new Map<string, string[]>();
  for (const it of items) {
    const l = m.get(it.key);
    if (l) l.push(it.note);
    else m.set(it.key, [it.note]);
  }
  return [...m].map(([key, notes]) => ({ key, count: notes.length, notes })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Control characters from case files or error messages never reach the terminal raw. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function formatText(s: Summary, options: { examples?: number } = {}): string {
  const examples = options.examples ?? 3;
  const folders = Object.keys(s.byFolder).sort();
  const width = Math.max(6, ...folders.map((f) => f.length));
  const lines: string[] = [];
  lines.push(`${"folder".padEnd(width)}  passed  failed  skipped`);
  for (const name of folders) {
    const f = s.byFolder[name] as FolderSummary;
    const mark = f.failed === 0 ? "ok  " : "FAIL";
    lines.push(`${clean(name).padEnd(width)}  ${String(f.passed).padStart(6)}  ${String(f.failed).padStart(6)}  ${String(f.skipped).padStart(7)}  ${mark}`);
  }
  const failures = groupBy(folders.flatMap((n) => (s.byFolder[n] as FolderSummary).failures.map((x) => ({ note: x.note, key: x.cause }))));
  if (failures.length > 0) {
    lines.push("", "Failures by cause:");
    for (const g of failures) {
      lines.push(`  ${String(g.count).padStart(4)}  ${clean(g.key)}`);
      lines.push(`        e.g. ${g.notes.slice(0, examples).map(clean).join("; ")}`);
    }
  }
  const skips = groupBy(folders.flatMap((n) => (s.byFolder[n] as FolderSummary).skips.map((x) => ({ note: x.note, key: x.reason }))));
  if (skips.length > 0) {
    lines.push("", "Skipped by reason:");
    for (const g of skips) lines.push(`  ${String(g.count).padStart(4)}  ${clean(g.key)}`);
  }
  const total = s.passed + s.failed + s.skipped;
  if (total > 0) lines.push("", `pass rate ${((100 * s.passed) / total).toFixed(1)}% of ${total} cases`);
  lines.push(lastLine(s));
  return lines.join("\n") + "\n";
}

export function formatJson(s: Summary): string {
  return JSON.stringify({ passed: s.passed, failed: s.failed, skipped: s.skipped, byFolder: s.byFolder }) + "\n";
}

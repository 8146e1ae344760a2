// Formatting the benchmark's results as a plain-text table (pure).

export interface EvaluateRow {
  size: number;
  format: "json" | "jsonl";
  rows: number;
  baselineMs: number;
  baselineRssKB: number | null;
  evaluateMs: number;
  evaluateRssKB: number | null;
  /** From the report: policy calls and questions, rows made not applicable, problems. */
  policyCalls: number | null;
  policyQuestions: number | null;
  notApplicable: number | null;
  ok: boolean;
  note: string;
}

export interface ValidateRow {
  files: number;
  yamlMs: number;
  yamlRssKB: number | null;
  validateMs: number;
  validateRssKB: number | null;
  ok: boolean;
  note: string;
}

const EVALUATE_TARGET_RATIO = 2.0;
const VALIDATE_TARGET_RATIO = 1.5;
const RSS_TARGET_KB = 1024 * 1024;

function secs(ms: number): string {
  return (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
}

function mb(kb: number | null): string {
  return kb === null ? "n/a" : String(Math.round(kb / 1024));
}

function si(n: number): string {
  return n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

/** Columns padded to their widest cell; numbers right-aligned. */
export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[\d.,×x%<>-]*$|^n\/a$/.test(r[i] ?? "")));
  const cell = (s: string, i: number) => (numeric[i] ? s.padStart(widths[i]!) : s.padEnd(widths[i]!));
  const line = (r: string[]) => r.map(cell).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n") + "\n";
}

export function evaluateTable(rows: readonly EvaluateRow[]): string {
  const header = ["assessments", "format", "baseline s", "evaluate s", "ratio", "assessments/s", "RSS MB", "baseline RSS MB", "policy calls", "questions", "not applicable", "note"];
  return renderTable(
    header,
    rows.map((r) => [
      si(r.size),
      r.format,
      secs(r.baselineMs),
      secs(r.evaluateMs),
      (r.evaluateMs / r.baselineMs).toFixed(2),
      String(Math.round(r.rows / (r.evaluateMs / 1000))),
      mb(r.evaluateRssKB),
      mb(r.baselineRssKB),
      r.policyCalls === null ? "n/a" : String(r.policyCalls),
      r.policyQuestions === null ? "n/a" : String(r.policyQuestions),
      r.notApplicable === null ? "n/a" : String(r.notApplicable),
      r.note,
    ]),
  );
}

export function validateTable(rows: readonly ValidateRow[]): string {
  const header = ["files", "js-yaml load s", "validate s", "ratio", "files/s", "RSS MB", "js-yaml RSS MB", "note"];
  return renderTable(
    header,
    rows.map((r) => [si(r.files), secs(r.yamlMs), secs(r.validateMs), (r.validateMs / r.yamlMs).toFixed(2), String(Math.round(r.files / (r.validateMs / 1000))), mb(r.validateRssKB), mb(r.yamlRssKB), r.note]),
  );
}

/** Growth of evaluate time between consecutive sizes of one format, against linear. */
export function growthLines(rows: readonly EvaluateRow[]): string[] {
  const out: string[] = [];
  for (const format of ["jsonl", "json"] as const) {
    const rs = rows.filter((r) => r.format === format && r.ok).sort((a, b) => a.size - b.size);
    for (let i = 1; i < rs.length; i++) {
      const a = rs[i - 1]!;
      const b = rs[i]!;
      out.push(`${format}: ${si(a.size)} → ${si(b.size)}: rows ×${(b.rows / a.rows).toFixed(1)}, evaluate time ×${(b.evaluateMs / a.evaluateMs).toFixed(1)}, baseline ×${(b.baselineMs / a.baselineMs).toFixed(1)}`);
    }
  }
  return out;
}

/** The issue's targets against the largest size measured; printed, never asserted. */
export function targetLines(evals: readonly EvaluateRow[], validates: readonly ValidateRow[]): string[] {
  const out: string[] = [];
  const largest = Math.max(0, ...evals.filter((r) => r.ok).map((r) => r.size));
  for (const r of evals.filter((x) => x.ok && x.size === largest)) {
    const ratio = r.evaluateMs / r.baselineMs;
    out.push(`${si(r.size)} ${r.format}: evaluate ${ratio.toFixed(2)}× baseline (target ≤ ${EVALUATE_TARGET_RATIO}×: ${ratio <= EVALUATE_TARGET_RATIO ? "met" : `missed by ${(ratio / EVALUATE_TARGET_RATIO).toFixed(2)}×`})`);
    if (r.evaluateRssKB !== null) out.push(`${si(r.size)} ${r.format}: peak RSS ${mb(r.evaluateRssKB)} MB (target < 1024 MB: ${r.evaluateRssKB < RSS_TARGET_KB ? "met" : "missed"})`);
  }
  for (const v of validates.filter((x) => x.ok)) {
    const ratio = v.validateMs / v.yamlMs;
    out.push(`validate ${si(v.files)} files: ${ratio.toFixed(2)}× js-yaml load (target ≤ ${VALIDATE_TARGET_RATIO}×: ${ratio <= VALIDATE_TARGET_RATIO ? "met" : `missed by ${(ratio / VALIDATE_TARGET_RATIO).toFixed(2)}×`})`);
  }
  return out;
}

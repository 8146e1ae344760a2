// Problems found in input files, as values. Loaders never throw for bad data: every row or file
// they cannot use is recorded here with its location, so a report can say exactly what was left
// out (and the score can never be silently wrong).

export type InputSource = "assessments" | "tree" | "controls" | "metadata" | "config";

export interface InputIssue {
  source: InputSource;
  severity: "error" | "warning";
  file: string;
  /** 1-based line of the row or problem, when known. */
  line?: number;
  /** 0-based index of the row within its array or file, when known. */
  index?: number;
  /** The field at fault, as a dotted path inside the row (e.g. "properties.status.code"). */
  field?: string;
  message: string;
}

/**
 * Collects issues: counts every one, keeps the first `limit` in full. A broken 1 M-row export
 * must not turn into 1 M issue objects in memory; the error and warning counts still say how many.
 */
export class IssueLog {
  readonly kept: InputIssue[] = [];
  errors = 0;
  warnings = 0;

  constructor(readonly limit = 1000) {}

  add(issue: InputIssue): void {
    if (issue.severity === "error") this.errors++;
    else this.warnings++;
    if (this.kept.length < this.limit) this.kept.push(issue);
  }

  get total(): number {
    return this.errors + this.warnings;
  }
}

export function formatIssue(i: InputIssue): string {
  let where = i.file;
  if (i.line !== undefined) where += `:${i.line}`;
  const row = i.index !== undefined ? ` row ${i.index}` : "";
  const field = i.field ? ` ${i.field}:` : "";
  return `${where}:${row}${field} ${i.message} [${i.source} ${i.severity}]`;
}

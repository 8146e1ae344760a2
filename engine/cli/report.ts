// Rendering diagnostics for people (grouped by file, colour on a terminal) and for machines (JSON).
import pc from "picocolors";
import type { Diagnostic, LoadResult } from "../exemptions/index.js";

type Colors = ReturnType<typeof pc.createColors>;

/**
 * File contents end up in messages (unknown keys, bad values): replace control characters so a
 * crafted file cannot send escape sequences to the reader's terminal.
 */
export function safeText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).replace(/\n/g, "\\n").replace(/\t/g, "\\t");
}

export function colorsFor(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): Colors {
  return pc.createColors(isTTY && env.NO_COLOR === undefined);
}

export interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
}

export function summarize(result: LoadResult): Summary {
  return {
    files: result.files.length,
    errors: result.diagnostics.filter((d) => d.severity === "error").length,
    warnings: result.diagnostics.filter((d) => d.severity === "warning").length,
  };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Findings grouped by file; each line starts with file:line:col so editors can jump to it. */
export function formatHuman(diagnostics: readonly Diagnostic[], summary: Summary, c: Colors): string {
  const lines: string[] = [];
  let current: string | null = null;
  for (const d of diagnostics) {
    if (d.file !== current) {
      if (current !== null) lines.push("");
      current = d.file;
      lines.push(c.underline(safeText(d.file || "(checks)")));
    }
    const where = `${safeText(d.file)}:${d.line}:${d.col}`;
    const sev = d.severity === "error" ? c.red("error  ") : c.yellow("warning");
    lines.push(`  ${where}  ${sev}  ${safeText(d.message)}  ${c.dim(`[${d.code}]`)}`);
  }
  if (lines.length > 0) lines.push("");
  const counts = `${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}`;
  const status = summary.errors > 0 ? c.red(c.bold("invalid")) : c.green(c.bold("valid"));
  lines.push(`${status}: ${plural(summary.files, "file")} checked, ${counts}`);
  return `${lines.join("\n")}\n`;
}

/** Machine-readable result: stable field names, one entry per file, diagnostics included. */
export function formatJson(result: LoadResult, at: Date): string {
  const summary = summarize(result);
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of result.diagnostics) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  const files = result.files.map((f) => ({
    file: f.file,
    name: f.exemption?.name ?? null,
    valid: !(byFile.get(f.file) ?? []).some((d) => d.severity === "error"),
    diagnostics: byFile.get(f.file) ?? [],
  }));
  const known = new Set(result.files.map((f) => f.file));
  const other = result.diagnostics.filter((d) => !known.has(d.file));
  const body = { valid: summary.errors === 0, at: at.toISOString(), summary, files, otherDiagnostics: other };
  return `${JSON.stringify(body, null, 2)}\n`;
}

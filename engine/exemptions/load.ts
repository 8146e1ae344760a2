// Loading exemption files from disk and validating the set: the I/O edge of the module.
import { open } from "node:fs/promises";
import { resolve } from "node:path";
import { DEFAULT_CHECKS, runChecks, validFiles } from "./checks.js";
import type { ExemptionCheck } from "./checks.js";
import { MAX_FILE_BYTES, tooLarge } from "./decode.js";
import { discoverExemptionFiles, IN_FLIGHT, mapInOrder } from "./discover.js";
import type { DiscoverOptions } from "./discover.js";
import { parseExemptionBytes } from "./parse-file.js";
import type { ParsedFile } from "./parse-file.js";
import type { Diagnostic, Exemption } from "./types.js";

export interface LoadOptions extends DiscoverOptions {
  /** The instant validation is about: expiry and "in effect" are judged at this time. */
  readonly at: Date;
  /** The validation pipeline. Default: {@link DEFAULT_CHECKS}. */
  readonly checks?: readonly ExemptionCheck[];
}

export interface LoadResult {
  /** Every file found, parsed or not, in discovery order. */
  readonly files: readonly ParsedFile[];
  /** The exemptions of files without errors of their own (cross-file errors do not remove them). */
  readonly exemptions: readonly Exemption[];
  /** All findings, sorted by file, line and column. */
  readonly diagnostics: readonly Diagnostic[];
  /** Paths given that do not exist. */
  readonly missing: readonly string[];
}

/**
 * Read one file's bytes, but never more than the size limit: a larger file is reported by its size
 * without being read. Opened read-only; nothing is ever written.
 */
export async function readLimited(path: string): Promise<{ bytes: Uint8Array; size: number }> {
  const handle = await open(path, "r");
  try {
    const size = (await handle.stat()).size;
    if (size > MAX_FILE_BYTES) return { bytes: new Uint8Array(0), size };
    const buffer = new Uint8Array(size);
    let got = 0;
    while (got < size) {
      const { bytesRead } = await handle.read(buffer, got, size - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return { bytes: buffer.subarray(0, got), size };
  } finally {
    await handle.close();
  }
}

function fileProblem(display: string, code: string, message: string): ParsedFile {
  return { file: display, exemption: null, positions: new Map(), diagnostics: [{ severity: "error", file: display, line: 1, col: 1, field: "", pointer: "", message, code }] };
}

/** Parse one file from disk. */
export async function loadExemptionFile(path: string, display = path): Promise<ParsedFile> {
  let read: { bytes: Uint8Array; size: number };
  try {
    read = await readLimited(path);
  } catch (e) {
    return fileProblem(display, "file.unreadable", `file cannot be read: ${(e as Error).message}`);
  }
  if (read.size > MAX_FILE_BYTES) {
    const big = tooLarge(read.size);
    return fileProblem(display, big.code, big.message);
  }
  return parseExemptionBytes(read.bytes, display);
}

function byPlace(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.col - b.col;
}

/** Find, parse and validate the exemption files under `paths` (files or folders). */
export async function loadExemptions(paths: readonly string[], options: LoadOptions): Promise<LoadResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const found = await discoverExemptionFiles(paths, { ...options, cwd });
  // Several files read at once (the reads overlap; parsing stays on this thread), kept in
  // discovery order so diagnostics and the exemption list do not depend on timing.
  const files = await mapInOrder(found.files, IN_FLIGHT, (f) => loadExemptionFile(f.path, f.display));
  return validateParsed(files, options.at, options.checks ?? DEFAULT_CHECKS, found.diagnostics, found.missing);
}

/** Run the check pipeline over files already parsed (e.g. a file about to be written plus the set). */
export async function validateParsed(
  files: readonly ParsedFile[],
  at: Date,
  checks: readonly ExemptionCheck[] = DEFAULT_CHECKS,
  extra: readonly Diagnostic[] = [],
  missing: readonly string[] = [],
): Promise<LoadResult> {
  const valid = validFiles(files);
  const checked = await runChecks({ files: valid, at }, checks);
  const diagnostics = [...extra, ...files.flatMap((f) => f.diagnostics), ...checked].sort(byPlace);
  return { files, exemptions: valid.map((v) => v.exemption), diagnostics, missing };
}

/** True when no diagnostic is an error (warnings allowed). */
export function isValid(result: Pick<LoadResult, "diagnostics">): boolean {
  return result.diagnostics.every((d) => d.severity !== "error");
}

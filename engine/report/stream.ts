// Rendering a Report in pieces, so that a large report (1 M assessments: ~300 k not-applicable
// rows, ~180 MB of JSON) is never built as one string before it is written. The pieces, joined,
// are byte-identical to formatReport's output for the same format. At 1 M assessments × 5 k
// exemptions this took peak RSS from 0.82–0.96 GB to ~0.6 GB (measurements in the commit log).

import type { Report } from "./types.js";
import { formatReport, csvRow, CSV_HEADER, type ReportFormat } from "./format.js";

/** About this many characters per yielded chunk: few write calls, small transient strings. */
export const CHUNK_CHARS = 1 << 16;

/**
 * Containers nested less deep than this are walked piece by piece; deeper values (one report row,
 * one score) are stringified whole. Depth 2 means: the report's fields, then each array element.
 */
const STREAMED_DEPTH = 2;

/** What JSON.stringify would serialise for this value, after toJSON (as the standard does). */
function jsonValue(value: unknown, key: string): unknown {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return (value as { toJSON: (k: string) => unknown }).toJSON(key);
  }
  return value;
}

const isBoxed = (v: object) => v instanceof Number || v instanceof String || v instanceof Boolean;

/** A value JSON.stringify leaves out of an object (and writes as null in an array). */
const omitted = (v: unknown) => v === undefined || typeof v === "function" || typeof v === "symbol";

/**
 * One value stringified whole, at `indent`: JSON.stringify's own newlines get the indent of the
 * place the value sits in. Raw newlines never occur inside JSON strings (they are escaped as \n),
 * so every newline in the text is a line break of the layout.
 */
function leaf(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  if (text === undefined) return "null";
  return indent === "" ? text : text.replace(/\n/g, "\n" + indent);
}

function* pieces(raw: unknown, key: string, indent: string, depth: number): Generator<string> {
  const value = jsonValue(raw, key);
  if (depth >= STREAMED_DEPTH || value === null || typeof value !== "object" || isBoxed(value)) {
    yield leaf(value, indent);
    return;
  }
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield "[]";
      return;
    }
    for (let i = 0; i < value.length; i++) {
      yield (i === 0 ? "[\n" : ",\n") + inner;
      const element = jsonValue(value[i], String(i));
      if (omitted(element)) yield "null";
      else yield* pieces(element, String(i), inner, depth + 1);
    }
    yield "\n" + indent + "]";
    return;
  }
  let first = true;
  const record = value as Record<string, unknown>;
  for (const k of Object.keys(record)) {
    const v = jsonValue(record[k], k);
    if (omitted(v)) continue;
    yield (first ? "{\n" : ",\n") + inner + JSON.stringify(k) + ": ";
    first = false;
    yield* pieces(v, k, inner, depth + 1);
  }
  yield first ? "{}" : "\n" + indent + "}";
}

/** Small pieces gathered into chunks of at least `chunkChars` characters (the last may be shorter). */
function* gathered(source: Iterable<string>, chunkChars: number): Generator<string> {
  let buffer = "";
  for (const piece of source) {
    buffer += piece;
    if (buffer.length >= chunkChars) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer.length > 0) yield buffer;
}

/** `JSON.stringify(value, null, 2) + "\n"`, in chunks. */
export function* jsonChunks(value: unknown, chunkChars = CHUNK_CHARS): Generator<string> {
  function* all(): Generator<string> {
    yield* pieces(value, "", "", 0);
    yield "\n";
  }
  yield* gathered(all(), chunkChars);
}

/** The CSV report (header and one line per not-applicable assessment), in chunks. */
export function* csvChunks(r: Report, chunkChars = CHUNK_CHARS): Generator<string> {
  function* all(): Generator<string> {
    yield CSV_HEADER + "\r\n";
    for (const n of r.notApplicable) yield csvRow(n) + "\r\n";
  }
  yield* gathered(all(), chunkChars);
}

/**
 * The report in `format`, in chunks. JSON and CSV grow with the data and are streamed; text and
 * markdown list at most `maxRows` rows per section, so they come as one piece.
 */
export function reportChunks(r: Report, format: ReportFormat, options: { maxRows?: number; chunkChars?: number } = {}): Iterable<string> {
  switch (format) {
    case "json":
      return jsonChunks(r, options.chunkChars);
    case "csv":
      return csvChunks(r, options.chunkChars);
    case "text":
    case "markdown":
      return [formatReport(r, format, options.maxRows === undefined ? {} : { maxRows: options.maxRows })];
  }
}

// Reading the rows of Azure list exports, streaming: one file or a folder of pages, each file
// either JSON ({"data":[…]}, {"value":[…]}, a bare array, or several of those one after another)
// or JSON Lines (one row per line, or one page object per line). Yields parsed rows with their
// location; never holds a whole file in memory, never throws for bad content.

import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";
import { RowScanner } from "./json-stream.js";
import { errorText, listInputFiles } from "./files.js";
import type { IssueLog, InputIssue, InputSource } from "./issues.js";

export interface LocatedRow {
  value: unknown;
  file: string;
  /** 1-based line of the row's first byte. */
  line: number;
  /** 0-based index of the row in its page array (JSON) or of the line (JSON Lines). */
  index: number;
}

const CHUNK = 1 << 20;

/** How far reading has got: bytes read so far of the total size of the files a path stands for. */
export type ReadProgress = (bytesRead: number, totalBytes: number) => void;

export interface ReadOptions {
  /** Called once before the first byte (bytesRead 0) and after every chunk read. */
  onProgress?: ReadProgress;
}

/** Counts the bytes read across all files of one path and reports them. */
export class ByteCounter {
  private read = 0;
  constructor(
    private readonly total: number,
    private readonly report: ReadProgress,
  ) {
    report(0, total);
  }
  add(n: number): void {
    this.read += n;
    this.report(this.read, this.total);
  }
}

async function totalSize(files: readonly string[]): Promise<number> {
  let total = 0;
  for (const f of files) total += await stat(f).then((s) => s.size, () => 0);
  return total;
}

/**
 * Rows read from one chunk of input, with the problems found among them. A problem is kept with
 * the number of rows before it, so a consumer can log it exactly where a row-by-row reader would
 * have: reports list issues in reading order, and the log keeps only the first ones.
 */
export interface Batch<T> {
  readonly items: T[];
  readonly issues: { at: number; issue: InputIssue }[];
}

/** Collects a batch: rows, and issues placed after the rows collected so far. */
export class BatchBuilder<T> {
  items: T[] = [];
  issues: { at: number; issue: InputIssue }[] = [];
  add(issue: InputIssue): void {
    this.issues.push({ at: this.items.length, issue });
  }
  /** The batch so far (null when empty), and a fresh start. */
  take(): Batch<T> | null {
    if (this.items.length === 0 && this.issues.length === 0) return null;
    const b = { items: this.items, issues: this.issues };
    this.items = [];
    this.issues = [];
    return b;
  }
}

/**
 * Log the batch's issues that come before item `i`, starting at issue `from`; returns the index
 * of the first issue not logged. Call with i = items.length after the last item.
 */
export function logIssuesBefore(batch: Batch<unknown>, i: number, from: number, log: IssueLog): number {
  let k = from;
  while (k < batch.issues.length && batch.issues[k]!.at <= i) log.add(batch.issues[k++]!.issue);
  return k;
}

/**
 * Rows of every file a path stands for, in file order, one batch per chunk read (about 1 MB):
 * one async step per chunk instead of one per row. Issues found between chunks (unreadable file,
 * truncated JSON) are logged directly, as the consumer has finished the previous batch by then.
 */
export async function* readRowBatches(path: string, source: InputSource, log: IssueLog, options: ReadOptions = {}): AsyncGenerator<Batch<LocatedRow>> {
  const files = await listInputFiles(path, source, log);
  const counter = options.onProgress ? new ByteCounter(await totalSize(files), options.onProgress) : null;
  for (const file of files) {
    yield* readFileRowBatches(file, source, log, counter);
  }
}

/** Rows of every file a path stands for, in file order, one at a time (for small inputs). */
export async function* readRows(path: string, source: InputSource, log: IssueLog, options: ReadOptions = {}): AsyncGenerator<LocatedRow> {
  yield* batchItems(readRowBatches(path, source, log, options), log);
}

/** The items of a stream of batches one at a time, each batch's issues logged in their place among them. */
export async function* batchItems<T>(batches: AsyncIterable<Batch<T>>, log: IssueLog): AsyncGenerator<T> {
  for await (const batch of batches) {
    let k = 0;
    for (let i = 0; i < batch.items.length; i++) {
      k = logIssuesBefore(batch, i, k, log);
      yield batch.items[i]!;
    }
    logIssuesBefore(batch, batch.items.length, k, log);
  }
}

export async function* readFileRowBatches(file: string, source: InputSource, log: IssueLog, counter: ByteCounter | null = null): AsyncGenerator<Batch<LocatedRow>> {
  let mode: "json" | "jsonl";
  try {
    mode = await sniffFormat(file);
  } catch (e) {
    log.add({ source, severity: "error", file, message: `cannot read: ${errorText(e)}` });
    return;
  }
  try {
    if (mode === "jsonl") yield* readJsonLines(file, source, log, counter);
    else yield* readJsonRows(file, source, log, counter);
  } catch (e) {
    // A read error in the middle of a file (EIO, file removed): report with what we know.
    log.add({ source, severity: "error", file, message: `read failed: ${errorText(e)}` });
  }
}

/**
 * JSON Lines when the extension says so, or when the first non-empty line is a complete JSON
 * object that is not a page wrapper (a one-line {"data":[…]} file is read as JSON, which streams).
 */
export async function sniffFormat(file: string): Promise<"json" | "jsonl"> {
  const lower = file.toLowerCase();
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  const fh = await open(file, "r");
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead).toString("utf8").replace(/^\uFEFF/, "");
    const lines = head.split("\n");
    // Only trust a line we saw completely (there is a newline after it).
    for (let i = 0; i < lines.length - 1; i++) {
      const line = lines[i]!.trim();
      if (line === "") continue;
      if (!line.startsWith("{") || !line.endsWith("}")) return "json";
      try {
        const v = JSON.parse(line) as Record<string, unknown>;
        return pageRows(v) ? "json" : "jsonl";
      } catch {
        return "json";
      }
    }
    return "json";
  } finally {
    await fh.close();
  }
}

/** The rows array of a page wrapper object, or null when the value is not a page. */
export function pageRows(v: unknown): unknown[] | null {
  if (!v || typeof v !== "object" || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.data)) return o.data;
  if (Array.isArray(o.value)) return o.value;
  return null;
}

async function* readJsonRows(file: string, source: InputSource, log: IssueLog, counter: ByteCounter | null): AsyncGenerator<Batch<LocatedRow>> {
  const scanner = new RowScanner();
  const batch = new BatchBuilder<LocatedRow>();
  let first = true;
  const stream = createReadStream(file, { highWaterMark: CHUNK });
  for await (const raw of stream) {
    let chunk = raw as Buffer;
    counter?.add(chunk.length);
    if (first) {
      first = false;
      // A UTF-8 byte order mark is legal at the start of a file; skip it.
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    for (const row of scanner.push(chunk)) {
      let value: unknown;
      try {
        value = JSON.parse(row.text);
      } catch (e) {
        batch.add({ source, severity: "error", file, line: row.line, index: row.index, message: `row is not valid JSON: ${errorText(e)}` });
        continue;
      }
      batch.items.push({ value, file, line: row.line, index: row.index });
    }
    const b = batch.take();
    if (b) yield b;
  }
  for (const p of scanner.end()) log.add({ source, severity: "error", file, line: p.line, message: p.message });
}

async function* readJsonLines(file: string, source: InputSource, _log: IssueLog, counter: ByteCounter | null): AsyncGenerator<Batch<LocatedRow>> {
  // Lines are split here with indexOf on decoded 1 MB chunks rather than by node:readline, whose
  // per-line events and regular expression cost more than the JSON.parse of the line (measured:
  // 100 k rows 664 ms with readline + JSON.parse, 626 ms with this split + JSON.parse + row checks).
  // "\r\n" ends a line like "\n".
  const decoder = new StringDecoder("utf8");
  const batch = new BatchBuilder<LocatedRow>();
  let rest = "";
  let lineNo = 0;
  const stream = createReadStream(file, { highWaterMark: CHUNK });
  for await (const chunk of stream) {
    counter?.add((chunk as Buffer).length);
    const text = rest + decoder.write(chunk as Buffer);
    let start = 0;
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
      lineNo++;
      parseLine(text.slice(start, nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl), lineNo, file, source, batch);
      start = nl + 1;
    }
    rest = start === 0 ? text : text.slice(start);
    const b = batch.take();
    if (b) yield b;
  }
  rest += decoder.end();
  if (rest.length > 0) {
    parseLine(rest.endsWith("\r") ? rest.slice(0, -1) : rest, lineNo + 1, file, source, batch);
    const b = batch.take();
    if (b) yield b;
  }
}

/** Add one line's row (or a page line's rows) to the batch; a blank line adds nothing, a broken one an issue. */
function parseLine(rawLine: string, lineNo: number, file: string, source: InputSource, batch: BatchBuilder<LocatedRow>): void {
  const text = lineNo === 1 ? rawLine.replace(/^\uFEFF/, "") : rawLine;
  if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === "")) return;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    batch.add({ source, severity: "error", file, line: lineNo, index: lineNo - 1, message: `line is not valid JSON: ${errorText(e)}` });
    return;
  }
  const page = pageRows(value);
  // A line holding a whole page ({"data":[…]}): its rows, located at that line.
  if (page) page.forEach((v, i) => batch.items.push({ value: v, file, line: lineNo, index: i }));
  else batch.items.push({ value, file, line: lineNo, index: lineNo - 1 });
}

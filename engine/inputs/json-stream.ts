// Streaming extraction of the rows of a JSON document shaped like Azure's list answers:
//   {"data": [row, row, …], …}            (az graph query)
//   {"value": [row, row, …], "nextLink": …} (REST list)
//   [row, row, …]                          (a bare array)
// and several such top-level values one after another (pages concatenated into one file).
//
// Why not JSON.parse the file: Node cannot hold a string over ~512 MB, and holding a whole export in
// memory defeats streaming. This scanner walks the bytes once, keeps only the bytes of the current
// row, and hands each row's text to JSON.parse (which is far faster than any tokenising parser
// written in JavaScript). It tracks the line of each row's first byte so errors can point at it.
//
// The scanner checks structure only as far as it needs to find rows; a row's own syntax is checked
// by JSON.parse. Structural problems outside rows (truncated file, stray bytes) are reported as
// errors with their line, never thrown.

export interface RawRow {
  /** The row's JSON text. */
  text: string;
  /** 1-based line of the row's first byte. */
  line: number;
  /** 0-based index of the row within its array (per top-level value). */
  index: number;
  /** 0-based index of the top-level value (page) the row belongs to. */
  page: number;
}

export interface ScanProblem {
  line: number;
  message: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const NEWLINE = 0x0a;

/** Top-level keys whose array value holds the rows. */
const ROW_KEYS = new Set(["data", "value"]);

/** Longest top-level key we bother to remember (longer ones cannot be "data"/"value"). */
const MAX_KEY_BYTES = 64;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * Incremental scanner: feed it chunks with push(), collect rows from its return value, call end()
 * at the end of input to learn about truncation. Byte-oriented, so chunk boundaries may fall
 * anywhere, including inside a multi-byte UTF-8 character (rows are decoded whole).
 */
export class RowScanner {
  private depth = 0;
  private inString = false;
  private escape = false;
  private line = 1;
  private page = -1;
  /** Depth at which row values sit (1 for a bare array, 2 for {"data": [...]}), or -1. */
  private rowDepth = -1;
  private rowIndex = 0;
  /** Pieces of the row being captured, when one is open. */
  private rowPieces: Buffer[] | null = null;
  private rowLine = 0;
  /** Whether the open row started with { or [ (ends on its closing bracket) or is a scalar. */
  private rowIsContainer = false;
  /** Top-level object bookkeeping: are we reading a key, and which key was last read. */
  private expectKey = false;
  private keyBytes: number[] | null = null;
  private lastKey = "";
  private afterColon = false;
  private sawRowArray = false;
  readonly problems: ScanProblem[] = [];

  push(chunk: Buffer): RawRow[] {
    const rows: RawRow[] = [];
    let captureFrom = this.rowPieces ? 0 : -1;
    const n = chunk.length;
    let nextBackslash = -1;
    for (let i = 0; i < n; i++) {
      const c = chunk[i]!;
      if (this.inString) {
        if (this.keyBytes && !this.escape && c !== QUOTE && c !== BACKSLASH) {
          if (this.keyBytes.length < MAX_KEY_BYTES) this.keyBytes.push(c);
          continue;
        }
        if (this.escape) {
          this.escape = false;
          if (this.keyBytes && this.keyBytes.length < MAX_KEY_BYTES) this.keyBytes.push(c);
        } else if (c === BACKSLASH) {
          this.escape = true;
        } else if (c === QUOTE) {
          this.inString = false;
          if (this.keyBytes) {
            this.lastKey = Buffer.from(this.keyBytes).toString("utf8");
            this.keyBytes = null;
            this.expectKey = false;
          }
          if (this.rowPieces && !this.rowIsContainer && this.depth === this.rowDepth) {
            // A string scalar row ends with its closing quote.
            rows.push(this.finishRow(chunk, captureFrom, i + 1));
            captureFrom = -1;
          }
        } else if (c === NEWLINE) {
          this.line++;
        } else {
          // Fast path: jump to the next quote or backslash. (A raw newline inside a string is
          // invalid JSON anyway; JSON.parse reports the row, so line counts may skip it.)
          // The next backslash is found once per chunk region and reused: searching for it from
          // every string would rescan the rest of a 1 MB chunk each time (quadratic).
          if (nextBackslash < i) {
            nextBackslash = chunk.indexOf(BACKSLASH, i);
            if (nextBackslash < 0) nextBackslash = n;
          }
          let q = chunk.indexOf(QUOTE, i);
          if (q < 0) q = n;
          i = Math.min(q, nextBackslash) - 1;
        }
        continue;
      }
      if (isSpace(c)) {
        if (c === NEWLINE) this.line++;
        continue;
      }
      // A new row value begins at row depth.
      if (this.rowDepth >= 0 && this.depth === this.rowDepth && !this.rowPieces && c !== COMMA && c !== RBRACKET) {
        this.rowPieces = [];
        this.rowLine = this.line;
        this.rowIsContainer = c === LBRACE || c === LBRACKET;
        captureFrom = i;
      }
      switch (c) {
        case QUOTE:
          this.inString = true;
          if (this.depth === 1 && this.rowDepth !== 1 && this.expectKey) this.keyBytes = [];
          break;
        case LBRACE:
        case LBRACKET:
          if (this.depth === 0) {
            this.page++;
            this.rowIndex = 0;
            if (c === LBRACKET) {
              this.rowDepth = 1;
              this.sawRowArray = true;
            } else {
              this.expectKey = true;
            }
          } else if (this.depth === 1 && this.rowDepth < 0 && this.afterColon && c === LBRACKET && ROW_KEYS.has(this.lastKey)) {
            this.rowDepth = 2;
            this.rowIndex = 0;
            this.sawRowArray = true;
          }
          this.afterColon = false;
          this.depth++;
          break;
        case RBRACE:
        case RBRACKET:
          if (this.depth === 0) {
            this.problems.push({ line: this.line, message: `unexpected '${String.fromCharCode(c)}' at top level` });
            break;
          }
          if (this.rowPieces && !this.rowIsContainer && this.depth === this.rowDepth) {
            // A scalar row ends where its array ends.
            rows.push(this.finishRow(chunk, captureFrom, i));
            captureFrom = -1;
          }
          this.depth--;
          if (this.rowPieces && this.rowIsContainer && this.depth === this.rowDepth) {
            rows.push(this.finishRow(chunk, captureFrom, i + 1));
            captureFrom = -1;
          } else if (this.depth === this.rowDepth - 1) {
            // The row array closed.
            this.rowDepth = -1;
          }
          if (this.depth === 0) {
            this.expectKey = false;
            this.lastKey = "";
          }
          break;
        case COMMA:
          if (this.rowPieces && !this.rowIsContainer && this.depth === this.rowDepth) {
            rows.push(this.finishRow(chunk, captureFrom, i));
            captureFrom = -1;
          }
          if (this.depth === 1 && this.rowDepth !== 1) this.expectKey = true;
          this.afterColon = false;
          break;
        case COLON:
          if (this.depth === 1) this.afterColon = true;
          break;
        default:
          if (this.depth === 0) {
            this.problems.push({ line: this.line, message: `unexpected byte 0x${c.toString(16)} at top level` });
            // Skip the rest of the chunk's garbage quickly: one report per chunk is enough.
            return this.flushTail(rows, chunk, captureFrom);
          }
          this.afterColon = false;
      }
    }
    return this.flushTail(rows, chunk, captureFrom);
  }

  private flushTail(rows: RawRow[], chunk: Buffer, captureFrom: number): RawRow[] {
    if (this.rowPieces && captureFrom >= 0 && captureFrom < chunk.length) {
      // Copy: the caller may reuse the chunk's memory.
      this.rowPieces.push(Buffer.from(chunk.subarray(captureFrom)));
    }
    return rows;
  }

  private finishRow(chunk: Buffer, from: number, to: number): RawRow {
    const pieces = this.rowPieces!;
    if (from >= 0 && to > from) pieces.push(chunk.subarray(from, to));
    const text = (pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces)).toString("utf8").trim();
    this.rowPieces = null;
    return { text, line: this.rowLine, index: this.rowIndex++, page: Math.max(this.page, 0) };
  }

  /** Call at end of input. Reports truncation and documents without rows. */
  end(): ScanProblem[] {
    if (this.inString || this.depth > 0) {
      this.problems.push({ line: this.line, message: "unexpected end of file (truncated JSON?)" });
    }
    if (this.page < 0) {
      this.problems.push({ line: this.line, message: "no JSON value in file" });
    } else if (!this.sawRowArray) {
      this.problems.push({ line: 1, message: 'no "data" or "value" array of rows at the top level' });
    }
    return this.problems;
  }
}

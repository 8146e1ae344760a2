// Offsets → line/column, and JSON-pointer helpers. Pure.
import type { NodePosition, Position, PositionMap } from "./types.js";

/** Maps character offsets of one text to 1-based line and column. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // \r\n counts once; a lone \r also ends a line (as YAML says).
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  at(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo]! + 1 };
  }
}

/** Escape one JSON pointer token (RFC 6901). */
export function pointerToken(key: string | number): string {
  return String(key).replace(/~/g, "~0").replace(/\//g, "~1");
}

export function childPointer(parent: string, key: string | number): string {
  return `${parent}/${pointerToken(key)}`;
}

/** The unescaped tokens of a JSON pointer (RFC 6901): `/a~1b/0` → ["a/b", "0"]; "" → []. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((raw) => raw.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** `/scopes/1/x` → `scopes[1].x`; "" stays "". Readable names for messages. */
export function pointerToPath(pointer: string): string {
  let out = "";
  for (const token of pointerTokens(pointer)) {
    if (/^(0|[1-9][0-9]*)$/.test(token)) out += `[${token}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(token)) out += out === "" ? token : `.${token}`;
    else out += `[${JSON.stringify(token)}]`;
  }
  return out;
}

const START: Position = { line: 1, col: 1 };

/**
 * The position of the nearest node at or above `pointer` (a missing field is reported where its
 * parent is). Falls back to 1:1.
 */
export function locate(positions: PositionMap, pointer: string, part: "key" | "value" | "content" = "value"): Position {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf("/"))) {
    const node: NodePosition | undefined = positions.get(p);
    if (node !== undefined) {
      if (p === pointer) return (part === "key" ? node.key : part === "content" ? node.content : node.value) ?? node.value;
      return node.value;
    }
    if (p === "") return START;
  }
}

// YAML text → plain value plus a map of where every node is. Pure.
//
// js-yaml 5 has no position listener, so the text is parsed once into its event stream
// (`parseEvents`, which carries source offsets), walked here to record positions and to refuse what
// an exemption file must not contain, and only then turned into values by js-yaml's own
// constructor with the safe core schema. Refused before construction:
//   - anchors and aliases: an alias "bomb" (nested aliases that expand exponentially) is rejected
//     at its first anchor, before anything is expanded;
//   - duplicate keys (reported with both places);
//   - keys that name JavaScript prototype machinery (`__proto__`, `constructor`, `prototype`);
//   - non-scalar keys;
//   - more than one document.
import { CORE_SCHEMA, EVENT_ID, YAMLException, constructFromEvents, getScalarValue, parseEvents } from "js-yaml";
import type { Event } from "js-yaml";
import { LineIndex, childPointer } from "./positions.js";
import type { NodePosition, Position } from "./types.js";

/** A problem found while reading YAML; the caller adds the file name. */
export interface YamlProblem {
  readonly code: string;
  readonly message: string;
  readonly pointer: string;
  readonly line: number;
  readonly col: number;
}

export type YamlResult =
  | { readonly ok: true; readonly value: unknown; readonly positions: Map<string, NodePosition> }
  | { readonly ok: false; readonly problems: YamlProblem[] };

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
// Exemption files are flat; real nesting stays far below this. js-yaml enforces it while parsing.
const MAX_DEPTH = 32;

interface Frame {
  readonly kind: "mapping" | "sequence";
  readonly pointer: string;
  index: number;
  /** For mappings: the key just read, waiting for its value. */
  pendingKey: { text: string; pos: Position; offset: number } | null;
  readonly seen: Map<string, Position>;
}

class Refusal {
  constructor(readonly problem: YamlProblem) {}
}

const SINGLE_LINE_STYLES = new Set<number>([1, 2, 3]); // plain, single-quoted, double-quoted

/** Parse one YAML document with positions; see the module comment for what is refused. */
export function parseYamlDocument(text: string): YamlResult {
  const lines = new LineIndex(text);
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch (e) {
    return { ok: false, problems: [yamlExceptionProblem(e, lines)] };
  }
  let positions: Map<string, NodePosition>;
  try {
    positions = walk(events, text, lines);
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, problems: [e.problem] };
    throw e;
  }
  if (!positions.has("")) {
    return {
      ok: false,
      problems: [{ code: "yaml.empty", message: "file is empty: expected a mapping with name, description, recommendations, scopes, category, justification and owner", pointer: "", line: 1, col: 1 }],
    };
  }
  let docs: unknown[];
  try {
    docs = constructFromEvents(events, { source: text, schema: CORE_SCHEMA, maxAliases: 0 });
  } catch (e) {
    return { ok: false, problems: [yamlExceptionProblem(e, lines)] };
  }
  return { ok: true, value: docs[0] ?? null, positions };
}

function yamlExceptionProblem(e: unknown, lines: LineIndex): YamlProblem {
  if (e instanceof YAMLException) {
    const mark = e.mark;
    const place = mark ? (typeof mark.position === "number" && mark.position >= 0 ? lines.at(mark.position) : { line: mark.line + 1, col: mark.column + 1 }) : { line: 1, col: 1 };
    return { code: "yaml.syntax", message: `YAML syntax error: ${e.reason}`, pointer: "", ...place };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { code: "yaml.syntax", message: `YAML could not be read: ${message}`, pointer: "", line: 1, col: 1 };
}

/** Offset where a node starts, or -1 when the parser gives none (an empty value). */
function startOf(e: Event): number {
  let start: number;
  switch (e.type) {
    case EVENT_ID.SCALAR:
      if (e.valueStart < 0) return -1;
      // Quoted scalars report the offset after the opening quote; point at the quote.
      start = e.style === 2 || e.style === 3 ? e.valueStart - 1 : e.valueStart;
      break;
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      start = e.start;
      break;
    case EVENT_ID.ALIAS:
      start = e.anchorStart - 1;
      break;
    default:
      return -1;
  }
  for (const o of ["anchorStart" in e ? e.anchorStart - 1 : -1, "tagStart" in e ? e.tagStart : -1]) {
    if (o >= 0 && o < start) start = o;
  }
  return Math.max(0, start);
}

function walk(events: Event[], text: string, lines: LineIndex): Map<string, NodePosition> {
  const positions = new Map<string, NodePosition>();
  const stack: Frame[] = [];
  let documents = 0;
  const refuse = (code: string, message: string, pointer: string, at: number): never => {
    throw new Refusal({ code, message, pointer, ...lines.at(at) });
  };

  // The furthest offset seen so far: where to search for the next '---', and a fallback place.
  let reached = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === EVENT_ID.DOCUMENT) {
      documents++;
      if (documents > 1) {
        // Documents carry no offset: point at the '---' that opened this one, else its first node.
        const marker = text.slice(reached).search(/^(---|\.\.\.)/m);
        const next = events.slice(i + 1).map(startOf).find((o) => o >= 0);
        const at = marker >= 0 ? reached + marker : next ?? reached;
        refuse("yaml.multiple-documents", "file holds more than one YAML document ('---'); put one exemption per file", "", at);
      }
      continue;
    }
    if (e.type === EVENT_ID.POP) {
      if (stack.length > 0) stack.pop();
      continue;
    }
    const own = startOf(e);
    // An empty value has no offset of its own: place it at its key (or where reading had got to).
    const pendingKey = stack[stack.length - 1]?.pendingKey;
    const start = own >= 0 ? own : pendingKey ? pendingKey.offset : reached;
    if (own > reached) reached = own;
    if (e.type === EVENT_ID.ALIAS || ("anchorStart" in e && e.anchorStart >= 0)) {
      refuse(
        "yaml.alias",
        "anchors (&name) and aliases (*name) are not allowed in exemption files; write each value out",
        stack.length > 0 ? stack[stack.length - 1]!.pointer : "",
        start,
      );
    }
    const parent = stack[stack.length - 1];
    let pointer: string;
    let keyPos: Position | undefined;
    if (parent === undefined) {
      pointer = "";
    } else if (parent.kind === "mapping" && parent.pendingKey === null) {
      // This node is a key.
      if (e.type !== EVENT_ID.SCALAR) {
        refuse("yaml.complex-key", "mapping keys must be plain text, not lists or mappings", parent.pointer, start);
      }
      const key = getScalarValue(text, e as Extract<Event, { type: 4 }>);
      const pos = lines.at(start);
      const keyPointer = childPointer(parent.pointer, key);
      if (FORBIDDEN_KEYS.has(key)) {
        refuse("yaml.forbidden-key", `key '${key}' is not allowed (it names JavaScript object internals)`, keyPointer, start);
      }
      const earlier = parent.seen.get(key);
      if (earlier !== undefined) {
        refuse(
          "yaml.duplicate-key",
          `duplicate key '${key}': it is already set at line ${earlier.line}, column ${earlier.col}; keep one`,
          keyPointer,
          start,
        );
      }
      parent.seen.set(key, pos);
      parent.pendingKey = { text: key, pos, offset: start };
      continue;
    } else if (parent.kind === "mapping") {
      pointer = childPointer(parent.pointer, parent.pendingKey!.text);
      keyPos = parent.pendingKey!.pos;
      parent.pendingKey = null;
    } else {
      pointer = childPointer(parent.pointer, parent.index);
      parent.index++;
    }
    const value = lines.at(start);
    const content = e.type === EVENT_ID.SCALAR && e.valueStart >= 0 ? lines.at(e.valueStart) : value;
    const singleLine = e.type === EVENT_ID.SCALAR && e.valueStart >= 0 && SINGLE_LINE_STYLES.has(e.style) && value.line === lines.at(Math.max(e.valueStart, e.valueEnd - 1)).line;
    positions.set(pointer, keyPos === undefined ? { value, content, singleLine } : { value, content, key: keyPos, singleLine });
    if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) {
      stack.push({ kind: e.type === EVENT_ID.MAPPING ? "mapping" : "sequence", pointer, index: 0, pendingKey: null, seen: new Map() });
    }
  }
  return positions;
}

// One file's bytes → a normalised Exemption, or diagnostics saying exactly what is wrong.
// Pure: the caller reads the file and names it.
import { GLOBAL_SCOPE, formatScopeError, parseScope } from "../scope/index.js";
import type { Scope } from "../scope/index.js";
import { decodeExemptionBytes } from "./decode.js";
import { parseExpiry } from "./expiry.js";
import { childPointer, locate, pointerToPath } from "./positions.js";
import { schemaDiagnostics } from "./schema-check.js";
import type { Category, Diagnostic, Exemption, FileStatus, Justification, NodePosition, PositionMap } from "./types.js";
import { parseYamlDocument } from "./yaml.js";

/** What came out of one file. `exemption` is null when the file has errors of its own. */
export interface ParsedFile {
  readonly file: string;
  readonly exemption: Exemption | null;
  /** Where each node of the document is, for placing later findings (cross-file, policy). */
  readonly positions: PositionMap;
  readonly diagnostics: readonly Diagnostic[];
}

const NO_POSITIONS: PositionMap = new Map<string, NodePosition>();

/** An error about a file as a whole (no field): unreadable, too large, not UTF-8, empty… */
export function fileDiagnostic(file: string, code: string, message: string, line = 1, col = 1): Diagnostic {
  return { severity: "error", file, line, col, field: "", pointer: "", message, code };
}

/** A file that yields no exemption because of one file-level error. */
export function unusableFile(file: string, code: string, message: string, line = 1, col = 1): ParsedFile {
  return { file, exemption: null, positions: NO_POSITIONS, diagnostics: [fileDiagnostic(file, code, message, line, col)] };
}

/** Parse the raw bytes of an exemption file (size, encoding, YAML, schema, field semantics). */
export function parseExemptionBytes(bytes: Uint8Array, file: string): ParsedFile {
  const decoded = decodeExemptionBytes(bytes);
  if (!decoded.ok) return unusableFile(file, decoded.code, decoded.message, decoded.line, decoded.col);
  return parseExemptionText(decoded.text, file);
}

/** Parse the text of an exemption file. */
export function parseExemptionText(text: string, file: string): ParsedFile {
  const yaml = parseYamlDocument(text);
  if (!yaml.ok) {
    const diagnostics = yaml.problems.map((p): Diagnostic => ({
      severity: "error",
      file,
      line: p.line,
      col: p.col,
      field: pointerToPath(p.pointer),
      pointer: p.pointer,
      message: p.message,
      code: p.code,
    }));
    return { file, exemption: null, positions: NO_POSITIONS, diagnostics };
  }
  const { value, positions } = yaml;
  if (value === null) {
    const d = fileDiagnostic(file, "yaml.empty", "file is empty: expected a mapping with name, description, recommendations, scopes, category, justification and owner");
    return { file, exemption: null, positions, diagnostics: [d] };
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    const place = locate(positions, "");
    const got = Array.isArray(value) ? "a list" : `a single value (${JSON.stringify(value)})`;
    const d = fileDiagnostic(file, "schema.type", `the file must be a mapping of fields (name: …, scopes: …); got ${got}`, place.line, place.col);
    return { file, exemption: null, positions, diagnostics: [d] };
  }
  const schemaErrors = schemaDiagnostics(value, positions, file);
  // Field meanings (scope IDs, calendar dates) are checked even when the schema failed elsewhere,
  // so one run reports every problem; a field the schema already rejected is not reported twice.
  const fields = checkFields(value as Record<string, unknown>, positions, file, new Set(schemaErrors.map((d) => d.pointer)));
  const diagnostics = [...schemaErrors, ...fields.diagnostics];
  if (diagnostics.length > 0) return { file, exemption: null, positions, diagnostics };
  const raw = value as RawExemption;
  const exemption: Exemption = {
    name: raw.name,
    displayName: raw.displayName ?? raw.name,
    description: raw.description,
    recommendations: fields.recommendations,
    scopes: fields.scopes.some((s) => s.level === "global") ? [GLOBAL_SCOPE] : fields.scopes,
    category: raw.category,
    justification: raw.justification,
    expiresOn: fields.expiresOn,
    expiresOnText: raw.expiresOn ?? null,
    owner: raw.owner,
    ticket: raw.ticket ?? null,
    status: raw.status ?? "active",
    metadata: raw.metadata ?? {},
    file,
  };
  return { file, exemption, positions, diagnostics: [] };
}

/** The document after schema validation: shapes are guaranteed, meanings are not yet. */
interface RawExemption {
  name: string;
  displayName?: string;
  description: string;
  recommendations: string[];
  scopes: string[];
  category: Category;
  justification: Justification;
  expiresOn?: string;
  owner: string;
  ticket?: string;
  status?: FileStatus;
  metadata?: Record<string, unknown>;
}

interface FieldResult {
  readonly diagnostics: Diagnostic[];
  readonly scopes: Scope[];
  readonly recommendations: string[];
  readonly expiresOn: Date | null;
}

const strings = (v: unknown): Array<[number, string]> =>
  Array.isArray(v) ? v.flatMap((x, i): Array<[number, string]> => (typeof x === "string" ? [[i, x]] : [])) : [];

function checkFields(raw: Record<string, unknown>, positions: PositionMap, file: string, already: ReadonlySet<string>): FieldResult {
  const diagnostics: Diagnostic[] = [];
  const error = (pointer: string, code: string, message: string, offset = 0): void => {
    if (already.has(pointer)) return;
    const place = locate(positions, pointer);
    const node = positions.get(pointer);
    const col = offset > 0 && node?.singleLine ? node.content.col + offset : place.col;
    diagnostics.push({ severity: "error", file, line: place.line, col, field: pointerToPath(pointer), pointer, message, code });
  };

  const scopes: Scope[] = [];
  const firstAt = new Map<string, number>();
  const scopeTexts = strings(raw.scopes);
  for (const [i, text] of scopeTexts) {
    const pointer = childPointer("/scopes", i);
    const r = parseScope(text);
    if (!r.ok) {
      error(pointer, "scope.malformed", `\`scopes[${i}]\`: ${formatScopeError(r.error)}`, r.error.offset);
      continue;
    }
    const earlier = firstAt.get(r.scope.key);
    if (earlier !== undefined) {
      error(pointer, "scope.duplicate", `\`scopes[${i}]\` is the same scope as \`scopes[${earlier}]\` (Azure IDs are case-insensitive); list it once`);
      continue;
    }
    firstAt.set(r.scope.key, i);
    scopes.push(r.scope);
  }
  const globalAt = scopeTexts.find(([, t]) => t === "global");
  if (globalAt !== undefined && Array.isArray(raw.scopes) && raw.scopes.length > 1) {
    error(childPointer("/scopes", globalAt[0]), "scope.global-not-alone", "`global` covers every scope, so it must be the only entry in `scopes`");
  }

  const recommendations: string[] = [];
  const firstRec = new Map<string, number>();
  for (const [i, key] of strings(raw.recommendations)) {
    const lower = key.toLowerCase();
    const earlier = firstRec.get(lower);
    if (earlier !== undefined) {
      error(childPointer("/recommendations", i), "recommendation.duplicate", `\`recommendations[${i}]\` repeats \`recommendations[${earlier}]\` (GUIDs are case-insensitive); list it once`);
      continue;
    }
    firstRec.set(lower, i);
    recommendations.push(lower);
  }

  let expiresOn: Date | null = null;
  if (typeof raw.expiresOn === "string") {
    const r = parseExpiry(raw.expiresOn);
    if (r.ok) expiresOn = r.instant;
    else error("/expiresOn", "expiry.malformed", `\`expiresOn\`: ${r.message}`);
  }
  return { diagnostics, scopes, recommendations, expiresOn };
}

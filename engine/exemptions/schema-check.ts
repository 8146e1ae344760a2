// Validation of a parsed document against engine/schema/exemption.schema.json (ajv, JSON Schema
// 2020-12), with ajv's errors turned into messages that name the field, what was found and what
// was expected, placed at the node's line and column.
import { Ajv2020 } from "ajv/dist/2020.js";
import type { ErrorObject, ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import schemaJson from "../schema/exemption.schema.json" with { type: "json" };
import { formatScopeError, parseScope } from "../scope/index.js";
import { parseExpiry } from "./expiry.js";
import { childPointer, locate, pointerToPath, pointerTokens } from "./positions.js";
import { nearest } from "./suggest.js";
import type { Diagnostic, PositionMap } from "./types.js";

// ajv-formats is CommonJS; under NodeNext its default import is the module object in the types
// but the plugin function at run time.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** The JSON Schema of exemption files, as shipped in engine/schema/. */
export const EXEMPTION_SCHEMA: Readonly<Record<string, unknown>> = schemaJson;

interface PropertySchema {
  description?: string;
  maxLength?: number;
  enum?: string[];
}
const PROPERTIES = (schemaJson as { properties: Record<string, PropertySchema> }).properties;

/** The top-level fields an exemption file may have, in schema order. */
export const KNOWN_FIELDS: readonly string[] = Object.keys(PROPERTIES);

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (compiled === undefined) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    compiled = ajv.compile(schemaJson);
  }
  return compiled;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return "an empty value";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return `the text ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
    case "number":
      return `the number ${value}`;
    case "boolean":
      return `the boolean ${value}`;
    case "object":
      return "a mapping";
    default:
      return typeof value;
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  array: "a list",
  object: "a mapping",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
};

function valueAt(root: unknown, pointer: string): unknown {
  let v: unknown = root;
  for (const token of pointerTokens(pointer)) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, token)) return undefined;
    v = (v as Record<string, unknown>)[token];
  }
  return v;
}

/** Message for a value that fails a `pattern`: each patterned field explains itself. */
function patternMessage(pointer: string, value: unknown): { message: string; offset: number } {
  const field = pointerToPath(pointer);
  const text = String(value);
  if (pointer === "/name") {
    return { message: `\`name\` must be 1-64 characters of a-z, 0-9 and '-' (lower case, no spaces or dots); got ${describe(value)}`, offset: 0 };
  }
  if (pointer.startsWith("/recommendations/")) {
    return { message: `\`${field}\` must be an assessment key: a GUID of 8-4-4-4-12 hex digits; got ${describe(value)}`, offset: 0 };
  }
  if (pointer.startsWith("/scopes/")) {
    const r = parseScope(text);
    if (!r.ok) return { message: `\`${field}\`: ${formatScopeError(r.error)}`, offset: r.error.offset };
    return { message: `\`${field}\` must be \`global\` (in lower case) or an Azure ID starting with '/'`, offset: 0 };
  }
  if (pointer === "/expiresOn") {
    const r = parseExpiry(text);
    return { message: `\`expiresOn\`: ${r.ok ? "not in the accepted form" : r.message}`, offset: 0 };
  }
  return { message: `\`${field}\` does not have the expected form; got ${describe(value)}`, offset: 0 };
}

/**
 * Check a document against the schema. Returns one diagnostic per problem (all of them, not just
 * the first), each at the place of the offending key or value.
 */
export function schemaDiagnostics(document: unknown, positions: PositionMap, file: string): Diagnostic[] {
  const validate = validator();
  if (validate(document)) return [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const push = (pointer: string, code: string, message: string, part: "key" | "value" | "content" = "value", offset = 0): void => {
    const id = `${pointer}\u0000${message}`;
    if (seen.has(id)) return;
    seen.add(id);
    const place = locate(positions, pointer, part);
    const node = positions.get(pointer);
    const col = offset > 0 && node?.singleLine ? node.content.col + offset : place.col;
    out.push({ severity: "error", file, line: place.line, col, field: pointerToPath(pointer), pointer, message, code });
  };
  for (const err of validate.errors ?? []) mapError(err, document, push);
  return out;
}

type Push = (pointer: string, code: string, message: string, part?: "key" | "value" | "content", offset?: number) => void;

function mapError(err: ErrorObject, document: unknown, push: Push): void {
  const pointer = err.instancePath;
  const field = pointerToPath(pointer);
  const value = valueAt(document, pointer);
  const params = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case "additionalProperties": {
      const extra = String(params.additionalProperty);
      const at = childPointer(pointer, extra);
      if (pointer === "") {
        const guess = nearest(extra, KNOWN_FIELDS);
        const hint = guess !== null ? `; did you mean \`${guess}\`?` : `; known fields are ${KNOWN_FIELDS.join(", ")}`;
        push(at, "schema.unknown-field", `unknown field \`${extra}\`${hint}`, "key");
      } else {
        push(at, "schema.unknown-field", `unknown field \`${pointerToPath(at)}\``, "key");
      }
      return;
    }
    case "required": {
      const missing = String(params.missingProperty);
      const about = pointer === "" ? PROPERTIES[missing]?.description : undefined;
      const where = pointer === "" ? "" : ` in \`${field}\``;
      push(pointer, "schema.required", `missing required field \`${missing}\`${where}${about ? ` (${about})` : ""}`);
      return;
    }
    case "type": {
      const wanted = String(params.type);
      push(pointer, "schema.type", `\`${field}\` must be ${TYPE_WORDS[wanted] ?? wanted}; got ${describe(value)}`);
      return;
    }
    case "enum": {
      const allowed = (err.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const guess = typeof value === "string" ? nearest(value, allowed) : null;
      push(
        pointer,
        "schema.enum",
        `\`${field}\` must be one of ${allowed.join(", ")}; got ${describe(value)}${guess !== null ? ` (did you mean \`${guess}\`?)` : ""}`,
      );
      return;
    }
    case "pattern": {
      const { message, offset } = patternMessage(pointer, value);
      push(pointer, pointer.startsWith("/scopes/") ? "scope.malformed" : pointer === "/expiresOn" ? "expiry.malformed" : "schema.pattern", message, "value", offset);
      return;
    }
    case "maxLength": {
      const limit = Number(params.limit);
      const length = typeof value === "string" ? value.length : 0;
      const why = pointer === "/displayName" || pointer === "/description" ? " (the Azure Policy exemption limit)" : "";
      push(pointer, "schema.max-length", `\`${field}\` is ${length} characters long; at most ${limit} are allowed${why}`);
      return;
    }
    case "minLength":
      push(pointer, "schema.min-length", `\`${field}\` must not be empty`);
      return;
    case "minItems":
      push(pointer, "schema.min-items", `\`${field}\` must list at least ${String(params.limit)} item${params.limit === 1 ? "" : "s"}`);
      return;
    case "uniqueItems": {
      const i = Number(params.i);
      const j = Number(params.j);
      const [first, second] = i < j ? [i, j] : [j, i];
      push(childPointer(pointer, second), "schema.duplicate-item", `\`${field}[${second}]\` repeats \`${field}[${first}]\`; list each item once`);
      return;
    }
    default:
      push(pointer, `schema.${err.keyword}`, `\`${field || "file"}\` ${err.message ?? "is invalid"}`);
  }
}

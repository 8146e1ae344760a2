// Small JSON documents (control lists, metadata lists) read whole. They are a few hundred KB in
// practice; a size cap keeps a wrong path (say, the assessments export) from exhausting memory.

import { readFile, stat } from "node:fs/promises";
import { errorText } from "./files.js";
import type { IssueLog, InputSource } from "./issues.js";

const MAX_BYTES = 64 * 1024 * 1024;

export async function readSmallJson(file: string, source: InputSource, log: IssueLog): Promise<unknown> {
  try {
    const info = await stat(file);
    if (!info.isFile()) {
      log.add({ source, severity: "error", file, message: "not a file" });
      return undefined;
    }
    if (info.size > MAX_BYTES) {
      log.add({ source, severity: "error", file, message: `file is ${info.size} bytes; over the ${MAX_BYTES}-byte limit for this input` });
      return undefined;
    }
    const text = (await readFile(file, "utf8")).replace(/^\uFEFF/, "");
    return JSON.parse(text);
  } catch (e) {
    const m = e instanceof SyntaxError ? `not valid JSON: ${e.message}` : `cannot read: ${errorText(e)}`;
    log.add({ source, severity: "error", file, message: m });
    return undefined;
  }
}

/** v as a JSON object (not null, not an array), or null. */
export function asObject(v: unknown): Record<string, unknown> | null {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/**
 * The list array of a REST answer: {"value":[…]}, {"data":[…]}, a bare array, or an example file
 * from the Azure REST specs ({"responses":{"200":{"body":{"value":[…]}}}}).
 */
export function listItems(doc: unknown): unknown[] | null {
  if (Array.isArray(doc)) return doc;
  if (!doc || typeof doc !== "object") return null;
  const o = doc as Record<string, unknown>;
  if (Array.isArray(o.value)) return o.value;
  if (Array.isArray(o.data)) return o.data;
  const body = (o.responses as Record<string, { body?: unknown }> | undefined)?.["200"]?.body;
  return body !== undefined ? listItems(body) : null;
}

// Assessment metadata (REST list of Microsoft.Security/assessmentMetadata): which recommendations
// are built in. Only built-in recommendations can be exempted.

import type { IssueLog } from "./issues.js";
import { asObject, listItems, readSmallJson } from "./json-file.js";

export interface AssessmentMetadata {
  key: string; // lower-cased
  displayName: string | null;
  assessmentType: string; // BuiltIn, CustomPolicy, CustomerManaged, …
  severity: string | null;
}

export function parseMetadata(doc: unknown, file: string, log: IssueLog): Map<string, AssessmentMetadata> {
  const out = new Map<string, AssessmentMetadata>();
  const items = listItems(doc);
  if (!items) {
    log.add({ source: "metadata", severity: "error", file, message: 'expected a list ({"value":[…]}) of assessment metadata' });
    return out;
  }
  items.forEach((item, index) => {
    const fail = (field: string, message: string) => log.add({ source: "metadata", severity: "error", file, index, field, message });
    const r = asObject(item);
    const props = asObject(r?.properties);
    if (!r || !props) return fail("properties", "missing or not an object");
    const key = typeof r.name === "string" ? r.name.toLowerCase() : null;
    if (!key) return fail("name", "missing assessment key");
    if (typeof props.assessmentType !== "string") return fail("properties.assessmentType", "missing or not a string");
    out.set(key, {
      key,
      displayName: typeof props.displayName === "string" ? props.displayName : null,
      assessmentType: props.assessmentType,
      severity: typeof props.severity === "string" ? props.severity : null,
    });
  });
  return out;
}

export async function loadMetadata(file: string, log: IssueLog): Promise<Map<string, AssessmentMetadata>> {
  const doc = await readSmallJson(file, "metadata", log);
  return doc === undefined ? new Map() : parseMetadata(doc, file, log);
}

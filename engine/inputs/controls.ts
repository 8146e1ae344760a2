// Security controls with their max score and assessment keys: the REST secure score controls list
// with $expand=definition (properties.definition.properties.{maxScore, assessmentDefinitions}), or
// the control definitions list (properties.{maxScore, assessmentDefinitions}).

import type { IssueLog } from "./issues.js";
import { asObject, listItems, readSmallJson } from "./json-file.js";

export interface ControlDefinition {
  /** Control GUID (lower-cased). */
  id: string;
  displayName: string;
  maxScore: number;
  /** Lower-cased assessment keys of the control's recommendations. */
  assessmentKeys: string[];
}

export function parseControls(doc: unknown, file: string, log: IssueLog): ControlDefinition[] {
  const items = listItems(doc);
  if (!items) {
    log.add({ source: "controls", severity: "error", file, message: 'expected a list ({"value":[…]}) of secure score controls' });
    return [];
  }
  const out: ControlDefinition[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const fail = (field: string, message: string) => log.add({ source: "controls", severity: "error", file, index, field, message });
    const r = asObject(item);
    if (!r) return fail("", "control is not an object");
    const props = asObject(r.properties);
    if (!props) return fail("properties", "missing or not an object");
    // Expanded controls carry the definition inside; definition lists carry it directly.
    const defProps = asObject(asObject(props.definition)?.properties) ?? props;
    const id = typeof r.name === "string" ? r.name.toLowerCase() : null;
    if (!id) return fail("name", "missing control ID");
    const maxScore = defProps.maxScore;
    if (typeof maxScore !== "number" || !Number.isFinite(maxScore) || maxScore < 0) {
      return fail("properties.definition.properties.maxScore", "missing or not a non-negative number (was the list fetched with $expand=definition?)");
    }
    const defs = defProps.assessmentDefinitions;
    if (!Array.isArray(defs)) return fail("properties.definition.properties.assessmentDefinitions", "missing or not an array");
    const keys: string[] = [];
    defs.forEach((d, i) => {
      const did = asObject(d)?.id;
      const key = typeof did === "string" ? did.split("/").pop()?.toLowerCase() : undefined;
      if (!key) fail(`properties.definition.properties.assessmentDefinitions[${i}].id`, "missing assessment definition ID");
      else keys.push(key);
    });
    if (seen.has(id)) return fail("name", `control ${id} listed twice; the first is kept`);
    seen.add(id);
    const displayName = typeof props.displayName === "string" ? props.displayName : typeof defProps.displayName === "string" ? defProps.displayName : id;
    out.push({ id, displayName, maxScore, assessmentKeys: keys });
  });
  return out;
}

export async function loadControls(file: string, log: IssueLog): Promise<ControlDefinition[]> {
  const doc = await readSmallJson(file, "controls", log);
  return doc === undefined ? [] : parseControls(doc, file, log);
}

// `input_term`: a case's input written as a Rego term. The SDK takes input as JSON, so terms that
// are JSON values (objects with string keys, arrays, scalars) are converted; anything else (a set,
// a non-string key, a variable) is reported as what it is.

import { parseQuery } from "../compiler/syntax/index.js";
import type { Term } from "../compiler/syntax/ast.js";

export type TermValue = { ok: true; value: unknown } | { ok: false; reason: string };

function toJson(t: Term): TermValue {
  switch (t.type) {
    case "null":
      return { ok: true, value: null };
    case "boolean":
      return { ok: true, value: t.value };
    case "number":
      return { ok: true, value: Number(t.text) };
    case "string":
      return { ok: true, value: t.value };
    case "array": {
      const out: unknown[] = [];
      for (const item of t.items) {
        const v = toJson(item);
        if (!v.ok) return v;
        out.push(v.value);
      }
      return { ok: true, value: out };
    }
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [k, item] of t.items) {
        if (k.type !== "string") return { ok: false, reason: "input_term has a non-string object key, which JSON input cannot carry" };
        const v = toJson(item);
        if (!v.ok) return v;
        out[k.value] = v.value;
      }
      return { ok: true, value: out };
    }
    case "set":
      return { ok: false, reason: "input_term holds a set, which JSON input (all the SDK takes) cannot carry" };
    default:
      return { ok: false, reason: `input_term is not a value (${t.type})` };
  }
}

export function inputFromTerm(text: string): TermValue {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // Not JSON: read it as Rego.
  }
  const parsed = parseQuery(text, "input_term");
  if (!parsed.ok) return { ok: false, reason: "input_term does not parse as a Rego term" };
  const expr = parsed.value[0];
  if (parsed.value.length !== 1 || !expr || expr.node.type !== "term") return { ok: false, reason: "input_term is not a single term" };
  return toJson(expr.node.term);
}

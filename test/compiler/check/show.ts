// Prints checked ASTs in a compact Rego-like form so tests can assert on structure readably.

import type { Body, Expr, Term } from "../../../engine/compiler/syntax/ast.js";

export function showTerm(t: Term): string {
  switch (t.type) {
    case "null":
      return "null";
    case "boolean":
      return String(t.value);
    case "number":
      return t.text;
    case "string":
      return JSON.stringify(t.value);
    case "var":
      return t.name;
    case "ref":
      return t.terms.map((x, i) => (i === 0 ? showTerm(x) : x.type === "string" ? `.${x.value}` : `[${showTerm(x)}]`)).join("");
    case "array":
      return `[${t.items.map(showTerm).join(", ")}]`;
    case "set":
      return `{${t.items.map(showTerm).join(", ")}}`;
    case "object":
      return `{${t.items.map(([k, v]) => `${showTerm(k)}: ${showTerm(v)}`).join(", ")}}`;
    case "call":
      return `${showTerm(t.operator)}(${t.args.map(showTerm).join(", ")})`;
    case "arraycomprehension":
      return `[${showTerm(t.term)} | ${showBody(t.body)}]`;
    case "setcomprehension":
      return `{${showTerm(t.term)} | ${showBody(t.body)}}`;
    case "objectcomprehension":
      return `{${showTerm(t.key)}: ${showTerm(t.value)} | ${showBody(t.body)}}`;
  }
}

export function showExpr(e: Expr): string {
  const n = e.node;
  let s: string;
  switch (n.type) {
    case "term":
      s = showTerm(n.term);
      break;
    case "some-decl":
      s = `some ${n.vars.map(showTerm).join(", ")}`;
      break;
    case "some-in":
      s = `some ${n.key ? showTerm(n.key) + ", " : ""}${showTerm(n.value)} in ${showTerm(n.collection)}`;
      break;
    case "every":
      s = `every ${n.key ? n.key.name + ", " : ""}${n.value.name} in ${showTerm(n.domain)} { ${showBody(n.body)} }`;
      break;
  }
  const w = e.with.map((x) => ` with ${showTerm(x.target)} as ${showTerm(x.value)}`).join("");
  return `${e.negated ? "not " : ""}${s}${w}`;
}

export function showBody(b: Body): string {
  return b.map(showExpr).join("; ");
}

/** Replaces generated local names by L0, L1, … in order of appearance, so tests do not depend
 *  on the generator's numbering. */
export function normalizeLocals(text: string): string {
  const seen = new Map<string, string>();
  return text.replace(/__local\d+__/g, (m) => {
    if (!seen.has(m)) seen.set(m, `L${seen.size}`);
    return seen.get(m)!;
  });
}

// Prints AST nodes back as Rego-like text, operators shown as the calls they are
// (`plus(x, 1)`), like OPA's String() of its AST. For messages, debugging and tests.

import type { Body, Expr, Rule, Term } from "./ast.js";

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function termToString(t: Term): string {
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
      return t.terms
        .map((x, i) => {
          if (i === 0) return termToString(x);
          if (x.type === "string" && IDENT.test(x.value)) return `.${x.value}`;
          return `[${termToString(x)}]`;
        })
        .join("");
    case "array":
      return `[${t.items.map(termToString).join(", ")}]`;
    case "set":
      return t.items.length === 0 ? "set()" : `{${t.items.map(termToString).join(", ")}}`;
    case "object":
      return `{${t.items.map(([k, v]) => `${termToString(k)}: ${termToString(v)}`).join(", ")}}`;
    case "call":
      return `${termToString(t.operator)}(${t.args.map(termToString).join(", ")})`;
    case "arraycomprehension":
      return `[${termToString(t.term)} | ${bodyToString(t.body)}]`;
    case "setcomprehension":
      return `{${termToString(t.term)} | ${bodyToString(t.body)}}`;
    case "objectcomprehension":
      return `{${termToString(t.key)}: ${termToString(t.value)} | ${bodyToString(t.body)}}`;
  }
}

export function exprToString(e: Expr): string {
  let s: string;
  const n = e.node;
  switch (n.type) {
    case "term":
      s = termToString(n.term);
      break;
    case "some-decl":
      s = `some ${n.vars.map(termToString).join(", ")}`;
      break;
    case "some-in":
      s = `some ${n.key ? `${termToString(n.key)}, ` : ""}${termToString(n.value)} in ${termToString(n.collection)}`;
      break;
    case "every":
      s = `every ${n.key ? `${termToString(n.key)}, ` : ""}${termToString(n.value)} in ${termToString(n.domain)} { ${bodyToString(n.body)} }`;
      break;
  }
  const withs = e.with.map((w) => ` with ${termToString(w.target)} as ${termToString(w.value)}`).join("");
  return `${e.negated ? "not " : ""}${s}${withs}`;
}

export function bodyToString(b: Body): string {
  return b.map(exprToString).join("; ");
}

/** One line per rule: `[default ]ref[(args)][ contains key][ := value][ if { body }][ else …]`. */
export function ruleToString(r: Rule): string {
  const h = r.head;
  let s = r.isDefault ? "default " : "";
  s += termToString({ type: "ref", terms: h.ref, loc: h.loc });
  if (h.args) s += `(${h.args.map(termToString).join(", ")})`;
  if (r.kind === "partial-set" && h.key) s += ` contains ${termToString(h.key)}`;
  s += valueAndBody(r);
  for (let e = r.else; e; e = e.else) s += ` else${valueAndBody(e)}`;
  return s;
}

function valueAndBody(r: Rule): string {
  let s = "";
  if (r.head.value) s += ` ${r.head.assign ? ":=" : "="} ${termToString(r.head.value)}`;
  if (r.body.length > 0) s += ` if { ${bodyToString(r.body)} }`;
  return s;
}

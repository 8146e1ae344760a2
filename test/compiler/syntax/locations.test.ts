// Every node of every parsed conformance module carries a location whose line and column agree
// with its offset, and variables and numbers point at their own text.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { describe, expect, test } from "vitest";
import {
  parseModule,
  type Body,
  type Location,
  type Module,
  type Rule,
  type Term,
} from "../../../engine/compiler/syntax/index.js";

const ROOT = process.env.OPA_CONFORMANCE_DIR ?? join(import.meta.dirname, "../../../../shared/opa-conformance");

const OPERATORS = new Set(["plus", "minus", "mul", "div", "rem", "and", "or", "eq", "equal", "assign", "neq", "lt",
  "lte", "gt", "gte", "internal"]);

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(p) ? [p] : [];
    });
}

/** Collects problems with the locations of all nodes of a module. */
function locationProblems(m: Module, text: string): string[] {
  const problems: string[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const checkLoc = (what: string, loc: Location | undefined) => {
    if (!loc) return problems.push(`${what}: no location`);
    const start = lineStarts[loc.line - 1];
    if (start === undefined || start + loc.col - 1 !== loc.offset) problems.push(`${what}: ${loc.line}:${loc.col} is not offset ${loc.offset}`);
    return 0;
  };
  const term = (t: Term): void => {
    checkLoc(t.type, t.loc);
    switch (t.type) {
      case "var":
        if (!t.name.startsWith("$") && !text.startsWith(t.name, t.loc.offset)) problems.push(`var ${t.name} at ${t.loc.offset}`);
        break;
      case "number":
        if (!text.startsWith(t.text.replace(/^(-?)0\./, "$1."), t.loc.offset) && !text.startsWith(t.text, t.loc.offset) && t.text !== "0") {
          // Numbers from `- 1` have whitespace after the sign; only the sign must be at the offset.
          if (text[t.loc.offset] !== "-") problems.push(`number ${t.text} at ${t.loc.offset}`);
        }
        break;
      case "ref":
        t.terms.forEach(term);
        break;
      case "call": {
        const head = t.operator.terms[0];
        if (head?.type === "var" && OPERATORS.has(head.name)) {
          // Operators are named after the built-in, not after their symbol (`+` is `plus`).
          checkLoc("operator", t.operator.loc);
          t.operator.terms.forEach((x) => checkLoc("operator part", x.loc));
        } else term(t.operator);
        t.args.forEach(term);
        break;
      }
      case "array":
      case "set":
        t.items.forEach(term);
        break;
      case "object":
        t.items.forEach(([k, v]) => (term(k), term(v)));
        break;
      case "arraycomprehension":
      case "setcomprehension":
        term(t.term);
        body(t.body);
        break;
      case "objectcomprehension":
        term(t.key);
        term(t.value);
        body(t.body);
        break;
    }
  };
  const body = (b: Body): void => {
    for (const e of b) {
      checkLoc("expr", e.loc);
      for (const w of e.with) {
        checkLoc("with", w.loc);
        term(w.target);
        term(w.value);
      }
      const n = e.node;
      if (n.type === "term") term(n.term);
      else if (n.type === "some-decl") n.vars.forEach(term);
      else if (n.type === "some-in") [n.key, n.value, n.collection].forEach((x) => x && term(x));
      else {
        [n.key, n.value, n.domain].forEach((x) => x && term(x));
        body(n.body);
      }
    }
  };
  const rule = (r: Rule): void => {
    checkLoc("rule", r.loc);
    checkLoc("head", r.head.loc);
    if (!text.startsWith(r.text, r.loc.offset)) problems.push(`rule text at ${r.loc.offset}`);
    r.head.ref.forEach(term);
    r.head.args?.forEach(term);
    if (r.head.key) term(r.head.key);
    if (r.head.value) term(r.head.value);
    body(r.body);
    if (r.else) rule(r.else);
  };
  checkLoc("package", m.package.loc);
  m.imports.forEach((i) => (checkLoc("import", i.loc), term(i.path)));
  m.rules.forEach(rule);
  return problems;
}

let available = true;
try {
  statSync(ROOT);
} catch {
  available = false;
}

describe.skipIf(!available)("locations", () => {
  test("every node of every conformance module is located consistently", () => {
    let modules = 0;
    const problems: string[] = [];
    for (const file of yamlFiles(ROOT)) {
      const doc = load(readFileSync(file, "utf8")) as { cases?: Array<{ note?: string; modules?: string[] }> } | null;
      for (const c of doc?.cases ?? []) {
        for (const text of c.modules ?? []) {
          const r = parseModule("m.rego", text);
          if (!r.ok) continue; // reported by the conformance parse test
          modules++;
          for (const p of locationProblems(r.value, text)) problems.push(`${c.note}: ${p}`);
        }
      }
    }
    expect(modules).toBeGreaterThan(0);
    expect(problems.slice(0, 20)).toEqual([]);
  });

  test("a hand-written module with every construct", () => {
    const text = [
      "package p.q",
      "import rego.v1",
      "import data.lib as l",
      "default allow := false",
      "allow if {",
      "  some x in input.xs",
      "  not x == -1",
      "  every k, v in {\"a\": [1, 2]} { k != v[_] }",
      "  y := [z | some z in l.f(x)[0].y; z > 1] with input as {}",
      "} else := true if input.force",
      "s contains {\"k\": k} if { some k, _ in input.m }",
      "o[k] := v if { some k, v in input.m }",
      "f(a, [b, _]) := a + b * 2",
    ].join("\n");
    const m = parseModule("all.rego", text);
    expect(m.ok).toBe(true);
    if (m.ok) expect(locationProblems(m.value, text)).toEqual([]);
  });
});

import { describe, expect, test } from "vitest";
import { mod, noLoc, rules } from "./helpers.js";

const pkg = (body: string) => `package test\n\n${body}\n`;

describe("package and imports", () => {
  test("package path without data", () => {
    expect(mod("package a.b[\"c-d\"]").package.path).toEqual(["a", "b", "c-d"]);
  });

  test("imports: data, input, aliases, rego.v1 and future keywords", () => {
    const m = mod(
      pkg(
        "import data.lib.util\nimport input.user as u\nimport rego.v1\nimport future.keywords\nimport future.keywords.in\nimport future.keywords.if",
      ),
    );
    expect(m.imports.map((i) => [i.path.terms.length, i.alias])).toEqual([
      [3, null],
      [2, "u"],
      [2, null],
      [2, null],
      [3, null],
      [3, null],
    ]);
    expect(noLoc(m.imports[5]?.path.terms[2])).toEqual({ type: "string", value: "if", raw: false });
  });
});

describe("complete rules", () => {
  test("constants, with := and =", () => {
    expect(rules(pkg("p := 1\nq = [1, 2]"))).toEqual(["[complete] p := 1", "[complete] q = [1, 2]"]);
  });

  test("`p if {…}` gets the value true", () => {
    const m = mod(pkg("allow if {\n  input.x == 1\n}"));
    const r = m.rules[0];
    expect(r?.kind).toBe("complete");
    expect(noLoc(r?.head.value)).toEqual({ type: "boolean", value: true });
    expect(r?.head.assign).toBe(false);
    expect(r?.body).toHaveLength(1);
  });

  test("`if` followed by a single expression", () => {
    expect(rules(pkg("p if input.x > 1\nq := 2 if not input.y"))).toEqual([
      "[complete] p = true if { gt(input.x, 1) }",
      "[complete] q := 2 if { not input.y }",
    ]);
  });

  test("`p if { x }`: braces after if are a body, not a set", () => {
    expect(rules(pkg("p if { true }"))).toEqual(["[complete] p = true if { true }"]);
    expect(rules(pkg("p if { x in xs }"))).toEqual(["[complete] p = true if { internal.member_2(x, xs) }"]);
  });

  test("after if, braces that are not a set stay a single literal, as in OPA", () => {
    // A comprehension, an object or `{}` is a term whose truth is tested; only a set literal
    // (always true) is reinterpreted as a body.
    expect(rules(pkg("p if {x: i | x := xs[i]}"))).toEqual(['[complete] p = true if { {x: i | assign(x, xs[i])} }']);
    expect(rules(pkg('p if {"a": 1}'))).toEqual(['[complete] p = true if { {"a": 1} }']);
    expect(rules(pkg("p if {}"))).toEqual(["[complete] p = true if { {} }"]);
  });

  test("ref heads", () => {
    expect(rules(pkg("a.b.c := 1\nx.y if true\nr[\"k\"] := 2"))).toEqual([
      "[complete] a.b.c := 1",
      "[complete] x.y = true if { true }",
      "[complete] r.k := 2",
    ]);
  });

  test("default rules, also for functions", () => {
    const m = mod(pkg("default allow := false\ndefault f(_) := 0"));
    expect(m.rules.map((r) => [r.isDefault, r.kind, r.body.length])).toEqual([
      [true, "complete", 0],
      [true, "function", 0],
    ]);
  });
});

describe("partial rules", () => {
  test("multi-value rules use contains", () => {
    const m = mod(pkg("deny contains msg if {\n  msg := \"no\"\n}\nfixed contains \"a\""));
    expect(m.rules.map((r) => r.kind)).toEqual(["partial-set", "partial-set"]);
    expect(noLoc(m.rules[0]?.head.key)).toEqual({ type: "var", name: "msg" });
    expect(m.rules[0]?.head.value).toBeNull();
    expect(m.rules[1]?.body).toEqual([]);
  });

  test("ref heads with contains", () => {
    expect(rules(pkg("a[x].b contains y if { x := 1; y := 2 }"))).toEqual([
      "[partial-set] a[x].b contains y if { assign(x, 1); assign(y, 2) }",
    ]);
  });

  test("object rules: the last ref term is the key", () => {
    const m = mod(pkg("p[k] := v if { some k, v in input }\na.b[x] = y if { x := 1; y := 2 }\nq[x] if { x := 1 }"));
    expect(m.rules.map((r) => r.kind)).toEqual(["partial-object", "partial-object", "partial-object"]);
    expect(noLoc(m.rules[1]?.head.key)).toEqual({ type: "var", name: "x" });
    expect(noLoc(m.rules[1]?.head.ref)).toEqual([
      { type: "var", name: "a" },
      { type: "string", value: "b", raw: false },
      { type: "var", name: "x" },
    ]);
    // Without a value, `p[x] if …` is p[x] = true.
    expect(noLoc(m.rules[2]?.head.value)).toEqual({ type: "boolean", value: true });
  });

  test("object rules written without a body", () => {
    expect(rules(pkg("p[\"a\"] := 1\np[x] := 2"))).toEqual(["[complete] p.a := 1", "[partial-object] p[x] := 2"]);
  });
});

describe("functions", () => {
  test("value and body", () => {
    const m = mod(pkg("f(x) := y if {\n  y := x + 1\n}"));
    const r = m.rules[0];
    expect(r?.kind).toBe("function");
    expect(noLoc(r?.head.args)).toEqual([{ type: "var", name: "x" }]);
    expect(r?.head.assign).toBe(true);
  });

  test("`f(x) if …` returns true; composite argument patterns", () => {
    expect(rules(pkg("f(x) if x > 1\ng([a, b], {\"k\": c}) := a + b + c"))).toEqual([
      "[function] f(x) = true if { gt(x, 1) }",
      '[function] g([a, b], {"k": c}) := plus(plus(a, b), c)',
    ]);
  });

  test("dotted function names", () => {
    expect(rules(pkg("lib.f(x) := x"))).toEqual(["[function] lib.f(x) := x"]);
  });
});

describe("else chains", () => {
  test("values, bodies and chains", () => {
    const src = pkg("f(x) := 1 if {\n  x > 10\n} else := 2 if {\n  x > 5\n} else = 3\n");
    const m = mod(src);
    const r = m.rules[0];
    expect(r?.else?.head.value).toMatchObject({ type: "number", text: "2" });
    expect(r?.else?.head.assign).toBe(true);
    expect(r?.else?.else?.head.value).toMatchObject({ type: "number", text: "3" });
    expect(r?.else?.else?.head.assign).toBe(false);
    expect(r?.else?.else?.body).toEqual([]);
    expect(r?.else?.kind).toBe("function");
    expect(r?.else?.loc).toMatchObject({ line: 5, col: 3 });
    expect(r?.else?.text).toBe("else := 2 if {\n  x > 5\n} else = 3");
  });

  test("`else if` without a value means true; else heads get fresh wildcards", () => {
    const m = mod(pkg("f(_) := false if { false } else if { true }"));
    const r = m.rules[0];
    expect(noLoc(r?.else?.head.value)).toEqual({ type: "boolean", value: true });
    expect(r?.head.args?.[0]).toMatchObject({ name: "$wildcard0" });
    expect(r?.else?.head.args?.[0]).toMatchObject({ name: "$wildcard1" });
  });
});

describe("several bodies", () => {
  test("`p if { a } { b }` is two rules with the same head", () => {
    expect(rules(pkg("p if { input.a } { input.b }"))).toEqual([
      "[complete] p = true if { input.a }",
      "[complete] p = true if { input.b }",
    ]);
  });
});

describe("rule text and locations", () => {
  test("rule location and text cover the rule", () => {
    const m = mod("package p\n\n  q := 1\nr if {\n  true\n}\n");
    expect(m.rules[0]?.loc).toMatchObject({ file: "test.rego", line: 3, col: 3, offset: 13 });
    expect(m.rules[0]?.text).toBe("q := 1");
    expect(m.rules[1]?.text).toBe("r if {\n  true\n}");
  });

  test("comments are kept on the module", () => {
    const m = mod("# top\npackage p\np := 1 # trailing\n");
    expect(m.comments.map((c) => [c.text, c.loc.line, c.loc.col])).toEqual([
      [" top", 1, 1],
      [" trailing", 3, 8],
    ]);
  });
});

describe("negated bodies (future.keywords.not / rego.v2)", () => {
  test("`not { a; b }` is true when the body has no solution", () => {
    const m = mod(pkg("import rego.v2\n\np if {\n  not { input.a; input.b }\n}"));
    const [e] = m.rules[0]?.body ?? [];
    expect(e?.negated).toBe(true);
    expect(e?.node.type === "term" && e.node.term.type).toBe("ref");
  });
});

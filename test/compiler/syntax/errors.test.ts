// Parse errors: OPA's messages, at the exact line and column, as `file:line:col: code: message`.

import { describe, expect, test } from "vitest";
import { modErrors, queryErrors } from "./helpers.js";

const pkg = (body: string) => `package test\n${body}`;

describe("Rego v1 rules", () => {
  test("a body without `if`", () => {
    expect(modErrors(pkg("p {\n  true\n}"))).toEqual([
      "test.rego:2:1: rego_parse_error: `if` keyword is required before rule body",
    ]);
    expect(modErrors(pkg("f(x) = 1 {\n  true\n}"))).toEqual([
      "test.rego:2:1: rego_parse_error: `if` keyword is required before function body",
    ]);
  });

  test("v0 partial sets need both `if` and `contains`", () => {
    expect(modErrors(pkg("\n  p[x] { x := 1 }"))).toEqual([
      "test.rego:3:3: rego_parse_error: `if` keyword is required before rule body",
      "test.rego:3:3: rego_parse_error: `contains` keyword is required for partial set rules",
    ]);
    expect(modErrors(pkg("p[x]"))).toEqual([
      "test.rego:2:1: rego_parse_error: `contains` keyword is required for partial set rules",
    ]);
  });

  test("rules without value or body", () => {
    expect(modErrors(pkg("a.b.c"))).toEqual([
      "test.rego:2:1: rego_parse_error: rule must have value assignment and/or body declaration",
    ]);
    expect(modErrors(pkg("p"))).toEqual(["test.rego:2:1: rego_parse_error: var cannot be used for rule name"]);
    expect(modErrors(pkg("contains := 1"))).toEqual([
      "test.rego:2:1: rego_parse_error: contains keyword cannot be used for rule name",
    ]);
  });

  test("an else branch without `if` is accepted only when the rule had one", () => {
    expect(modErrors(pkg("p = 1 {\n  false\n} else = 2 {\n  true\n}"))).toEqual([
      "test.rego:2:1: rego_parse_error: `if` keyword is required before rule body",
      "test.rego:4:3: rego_parse_error: `if` keyword is required before rule body",
    ]);
  });

  test("all rule errors of a module are reported, not only the first", () => {
    expect(modErrors(pkg("p { true }\nq := 1\nr { true }"))).toHaveLength(2);
  });
});

describe("statements", () => {
  test("module structure", () => {
    expect(modErrors("")).toEqual(["test.rego:1:1: rego_parse_error: empty module"]);
    expect(modErrors("p := 1")).toEqual(["test.rego:1:1: rego_parse_error: package expected"]);
    expect(modErrors("package a\n\npackage b")).toEqual(["test.rego:3:1: rego_parse_error: unexpected package"]);
  });

  test("expressions that cannot be rules", () => {
    expect(modErrors(pkg("x == 1"))).toEqual([
      "test.rego:2:1: rego_parse_error: rule name conflicts with built-in function",
    ]);
    expect(modErrors(pkg("p := 1; q := 2"))).toEqual([
      "test.rego:2:1: rego_parse_error: multiple expressions cannot be used for rule head",
    ]);
    expect(modErrors(pkg("not p"))).toEqual([
      "test.rego:2:1: rego_parse_error: negated expressions cannot be used for rule head",
    ]);
    expect(modErrors(pkg("\"s\" := 1"))).toEqual(["test.rego:2:1: rego_parse_error: string cannot be used for rule name"]);
  });

  test("imports", () => {
    expect(modErrors(pkg("import foo.bar"))).toEqual([
      "test.rego:2:8: rego_parse_error: unexpected import path, must begin with one of: {data, future, input, rego}, got: foo",
    ]);
    expect(modErrors(pkg("import rego.v9"))).toEqual([
      "test.rego:2:8: rego_parse_error: invalid import `rego.v9`, must be `rego.v1`",
    ]);
    expect(modErrors(pkg("import future.keywords.xyz"))).toEqual([
      "test.rego:2:8: rego_parse_error: unexpected keyword, must be one of [contains every if in not]",
    ]);
    expect(modErrors(pkg("import future.keywords.in as kw"))).toEqual([
      "test.rego:2:8: rego_parse_error: `future` imports cannot be aliased",
    ]);
    expect(modErrors(pkg("import data.x.if"))).toEqual([
      "test.rego:2:15: rego_parse_error: unexpected import path, must not end with a keyword, got: if",
    ]);
  });

  test("default rules", () => {
    expect(modErrors(pkg("default p := input.x"))).toEqual([
      "test.rego:2:1: rego_parse_error: illegal default rule (value cannot contain ref)",
    ]);
    expect(modErrors(pkg("default f(x, x) := 1"))).toEqual([
      "test.rego:2:1: rego_parse_error: illegal default rule (arguments cannot be repeated x)",
    ]);
    expect(modErrors(pkg("default p :="))).toEqual([
      "test.rego:2:13: rego_parse_error: unexpected eof token: expected default rule value term (e.g., default p := <VALUE>)",
    ]);
  });

  test("else on rules it cannot apply to", () => {
    expect(modErrors(pkg("p[x] := 1 if { x := 1 } else := 2"))).toEqual([
      "test.rego:2:25: rego_parse_error: else keyword cannot be used on rules with variables in head",
    ]);
  });
});

describe("expressions and terms", () => {
  test("two expressions on one line", () => {
    expect(modErrors(pkg("p if {\n  x := 1 y := 2\n}"))).toEqual([
      "test.rego:3:10: rego_parse_error: unexpected identifier token: expected \\n or ; or }",
    ]);
  });

  test("empty body", () => {
    expect(modErrors(pkg("p {\n}"))).toEqual(["test.rego:3:1: rego_parse_error: found empty body"]);
    expect(queryErrors("[x | ]")).toEqual(["query:1:6: rego_parse_error: found empty body"]);
  });

  test("unterminated collections", () => {
    expect(queryErrors("x := [1, 2")).toEqual([
      'query:1:11: rego_parse_error: unexpected eof token: expected "," or "]"',
    ]);
    expect(queryErrors("x := {1 2}")).toEqual(["query:1:9: rego_parse_error: unexpected number token: non-terminated set"]);
    expect(queryErrors("x := (1 + 2")).toEqual(["query:1:12: rego_parse_error: non-terminated expression"]);
  });

  test("lexer errors are reported at the start of the token", () => {
    expect(modErrors(pkg('p := "abc\nq := 1'))).toEqual(["test.rego:2:6: rego_parse_error: non-terminated string"]);
    expect(queryErrors('x := "a\\qb"')).toEqual(["query:1:6: rego_parse_error: illegal escape sequence"]);
    expect(queryErrors("x := 1 ! 2")).toEqual(["query:1:8: rego_parse_error: illegal ! character"]);
    expect(queryErrors("x := 1 @ 2")).toEqual(["query:1:8: rego_parse_error: illegal token"]);
  });

  test("bad escapes found when decoding", () => {
    expect(queryErrors(String.raw`x := "\u12zz"`)).toEqual([String.raw`query:1:6: rego_parse_error: illegal string literal: "\u12zz"`]);
  });

  test("numbers", () => {
    expect(queryErrors("x := 007")).toEqual([
      "query:1:6: rego_parse_error: unexpected number token: expected number without leading zero",
    ]);
    expect(queryErrors("x := 1e400000")).toEqual(["query:1:6: rego_parse_error: number too big"]);
    expect(queryErrors("x := 1.")).toEqual(["query:1:6: rego_parse_error: expected fraction"]);
  });

  test("refs", () => {
    expect(queryErrors("x := a. b")).toEqual([
      "query:1:8: rego_parse_error: unexpected whitespace token: expected identifier",
    ]);
    expect(queryErrors("x := a.1")).toEqual(["query:1:8: rego_parse_error: unexpected number token: expected identifier"]);
    expect(queryErrors('x := "s"[0]')).toEqual(["query:1:6: rego_parse_error: illegal ref (head cannot be string)"]);
  });

  test("some and every", () => {
    expect(queryErrors("not some x in xs")).toEqual([
      "query:1:5: rego_parse_error: unexpected some keyword: illegal negation of 'some'",
    ]);
    expect(queryErrors("some 1")).toEqual(["query:1:6: rego_parse_error: unexpected number token: expected var"]);
    expect(queryErrors("every x in xs")).toEqual(["query:1:14: rego_parse_error: unexpected eof token: missing body"]);
    expect(queryErrors("every x, 1 in xs { true }")).toEqual([
      "query:1:18: rego_parse_error: unexpected { token: expected value to be a variable",
    ]);
  });

  test("with", () => {
    expect(queryErrors("p with input")).toEqual(["query:1:13: rego_parse_error: unexpected eof token: expected as keyword"]);
    expect(queryErrors("p with 1 as 2")).toEqual(["query:1:8: rego_parse_error: unexpected number token: expected ident"]);
  });

  test("the file name is the one given", () => {
    expect(modErrors("package p\np {}", "policies/x.rego")[0]).toBe("policies/x.rego:2:4: rego_parse_error: found empty body");
  });
});

describe("source excerpts", () => {
  test("the line and a caret under the column; leading tabs removed", async () => {
    const { parseModule, sourceExcerpt } = await import("../../../engine/compiler/syntax/index.js");
    const text = "package p\n\tp := [1,\n\t\t2 3]\n";
    const r = parseModule("x.rego", text);
    expect(r.ok).toBe(false);
    if (r.ok || !r.errors[0]?.location) return;
    expect(r.errors[0].location).toMatchObject({ line: 3, col: 5 });
    expect(sourceExcerpt(text, r.errors[0].location)).toEqual(["2 3]", "  ^"]);
  });
});

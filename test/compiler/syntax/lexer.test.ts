import { describe, expect, test } from "vitest";
import { tokenize } from "../../../engine/compiler/syntax/index.js";

const kinds = (text: string) => tokenize(text).tokens.map((t) => t.kind);

describe("lexer", () => {
  test("operators, longest match first", () => {
    expect(kinds(":= : == = != <= < >= > + - * / % & | ; , . ( ) [ ] { }")).toEqual([
      "assign", ":", "equal", "eq", "neq", "lte", "lt", "gte", "gt", "plus", "minus", "mul", "div",
      "rem", "and", "or", ";", ",", ".", "(", ")", "[", "]", "{", "}", "eof",
    ]);
  });

  test("keywords, identifiers and the v1 keywords", () => {
    expect(kinds("package import as default else not some with null true false in every contains if foo _x1")).toEqual([
      "package", "import", "as", "default", "else", "not", "some", "with", "null", "true", "false",
      "in", "every", "contains", "if", "ident", "ident", "eof",
    ]);
  });

  test("positions are 1-based line and column, offsets 0-based", () => {
    const { tokens } = tokenize("package a\n\n  p := 1");
    const p = tokens.find((t) => t.text === "p");
    expect(p).toMatchObject({ line: 3, col: 3, start: 13, end: 14 });
  });

  test("whitespace and line breaks are recorded on the following token", () => {
    const { tokens } = tokenize("a.b c\nd # note\ne");
    const flags = tokens.map((t) => [t.text, t.wsBefore, t.nlBefore]);
    expect(flags).toEqual([
      ["a", false, false],
      [".", false, false],
      ["b", false, false],
      ["c", true, false],
      ["d", true, true],
      ["e", true, true],
      ["", false, false],
    ]);
  });

  test("comments are collected with their position, without # and \\r", () => {
    const { comments } = tokenize("p := 1 # one\r\n# two\n");
    expect(comments).toEqual([
      { text: " one", start: 7, line: 1, col: 8 },
      { text: " two", start: 14, line: 2, col: 1 },
    ]);
  });

  test("raw strings may span lines and keep line numbers right", () => {
    const { tokens } = tokenize("`a\nb` x");
    expect(tokens[0]).toMatchObject({ kind: "string", raw: true, text: "`a\nb`" });
    expect(tokens[1]).toMatchObject({ text: "x", line: 2, col: 4 });
  });

  test("numbers: decimals and exponents; malformed numbers are one illegal token", () => {
    expect(tokenize("1 2.5 3e10 4E-2").tokens.map((t) => [t.kind, t.text])).toEqual([
      ["number", "1"], ["number", "2.5"], ["number", "3e10"], ["number", "4E-2"], ["eof", ""],
    ]);
    expect(tokenize("1.").tokens[0]).toMatchObject({ kind: "illegal", error: "expected fraction" });
    expect(tokenize("1e").tokens[0]).toMatchObject({ kind: "illegal", error: "expected exponent" });
    expect(tokenize("0a2b").tokens[0]).toMatchObject({ kind: "illegal", text: "0a2b", error: "illegal number format" });
  });

  test("string errors", () => {
    expect(tokenize('"abc').tokens[0]).toMatchObject({ kind: "illegal", error: "non-terminated string" });
    expect(tokenize('"a\nb"').tokens[0]).toMatchObject({ kind: "illegal", error: "non-terminated string" });
    expect(tokenize('"\\q"').tokens[0]).toMatchObject({ kind: "illegal", error: "illegal escape sequence" });
    expect(tokenize("`abc").tokens[0]).toMatchObject({ kind: "illegal", error: "non-terminated string" });
    expect(tokenize('"a\\"b"').tokens[0]).toMatchObject({ kind: "string", text: '"a\\"b"' });
  });

  test("characters that are not Rego", () => {
    expect(tokenize("!").tokens[0]).toMatchObject({ kind: "illegal", error: "illegal ! character" });
    expect(tokenize("@").tokens[0]).toMatchObject({ kind: "illegal", text: "@" });
    expect(tokenize("$x").tokens[0]).toMatchObject({ kind: "illegal", error: "illegal $ character" });
  });

  test("a byte-order mark at the start is skipped", () => {
    expect(tokenize("\uFEFFpackage p").tokens[0]).toMatchObject({ kind: "package", col: 1, start: 1 });
  });
});

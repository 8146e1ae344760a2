import { describe, expect, test } from "vitest";
import { termToString } from "../../../engine/compiler/syntax/index.js";
import { noLoc, q, term } from "./helpers.js";

const t = (text: string) => termToString(term(text));

describe("scalars", () => {
  test("numbers keep their text, however big", () => {
    expect(term("28857836529306024611913")).toMatchObject({ type: "number", text: "28857836529306024611913" });
    expect(term("1.5e300")).toMatchObject({ type: "number", text: "1.5e300" });
    expect(term("-3")).toMatchObject({ type: "number", text: "-3" });
    expect(term("- 3")).toMatchObject({ type: "number", text: "-3" });
    // A leading dot gets its zero so the text stays JSON.
    expect(term(".5")).toMatchObject({ type: "number", text: "0.5" });
    expect(term("-.5")).toMatchObject({ type: "number", text: "-0.5" });
  });

  test("strings: JSON escapes, \\u escapes and surrogate pairs", () => {
    expect(term(String.raw`"a\"b\\c\/d\n\t"`)).toMatchObject({ type: "string", value: 'a"b\\c/d\n\t', raw: false });
    expect(term(String.raw`"\u00e9\u0041"`)).toMatchObject({ value: "éA" });
    expect(term(String.raw`"\ud83d\ude00"`)).toMatchObject({ value: "😀" });
    // A lone surrogate cannot be UTF-8: it becomes U+FFFD, as in OPA.
    expect(term(String.raw`"a\ud83db"`)).toMatchObject({ value: "a\uFFFDb" });
    expect(term(String.raw`"\ude00\ud83d"`)).toMatchObject({ value: "\uFFFD\uFFFD" });
  });

  test("raw strings take everything literally", () => {
    expect(term("`a\\nb\"c`")).toMatchObject({ type: "string", value: 'a\\nb"c', raw: true });
  });

  test("null, booleans", () => {
    expect(noLoc(term("null"))).toEqual({ type: "null" });
    expect(noLoc(term("false"))).toEqual({ type: "boolean", value: false });
  });
});

describe("collections", () => {
  test("{} is an empty object, set() an empty set", () => {
    expect(term("{}").type).toBe("object");
    expect(noLoc(term("set()"))).toEqual({ type: "set", items: [] });
  });

  test("sets and objects are told apart by the colon", () => {
    expect(term(`{1, "a"}`).type).toBe("set");
    expect(term(`{"a": 1, "b": [2]}`).type).toBe("object");
    expect(t(`{"a": 1 + 2, x: y}`)).toBe(`{"a": plus(1, 2), x: y}`);
  });

  test("trailing commas are allowed", () => {
    expect(t("[1, 2,]")).toBe("[1, 2]");
    expect(t(`{"a": 1,}`)).toBe(`{"a": 1}`);
  });

  test("comprehensions", () => {
    expect(term("[x | x := input[_]]").type).toBe("arraycomprehension");
    expect(t("[x | x := input[_]]")).toBe("[x | assign(x, input[$wildcard0])]");
    expect(t("{x | some x in xs}")).toBe("{x | some x in xs}");
    expect(t("{k: v | some k, v in obj; v > 1}")).toBe("{k: v | some k, v in obj; gt(v, 1)}");
  });

  test("`[a | b, c]` is an array holding a set union, not a comprehension", () => {
    expect(t("[a | b, c]")).toBe("[or(a, b), c]");
  });
});

describe("refs and calls", () => {
  test("dots and brackets", () => {
    const r = term(`data["a"].b[x][0]`);
    expect(r.type).toBe("ref");
    expect(termToString(r)).toBe("data.a.b[x][0]");
    if (r.type !== "ref") return;
    expect(noLoc(r.terms)).toEqual([
      { type: "var", name: "data" },
      { type: "string", value: "a", raw: false },
      { type: "string", value: "b", raw: false },
      { type: "var", name: "x" },
      { type: "number", text: "0" },
    ]);
  });

  test("data and input alone are refs", () => {
    expect(noLoc(term("input"))).toEqual({ type: "ref", terms: [{ type: "var", name: "input" }] });
    expect(term("x").type).toBe("var");
  });

  test("keywords may follow a dot", () => {
    expect(t("input.if.not.contains")).toBe("input.if.not.contains");
  });

  test("calls, dotted calls, and refs into call results", () => {
    expect(t("count(x)")).toBe("count(x)");
    expect(t(`strings.concat(",", xs)`)).toBe(`strings.concat(",", xs)`);
    // `contains` is a keyword only in rule heads; elsewhere it names the built-in.
    expect(t(`contains(s, "a")`)).toBe(`contains(s, "a")`);
    const r = term("f(x)[0].y");
    expect(r.type).toBe("ref");
    if (r.type === "ref") expect(r.terms[0]?.type).toBe("call");
    expect(termToString(r)).toBe("f(x)[0].y");
  });

  test("whitespace ends a ref: `a [1]` is two expressions", () => {
    expect(q("a\n[1]")).toBe("a; [1]");
  });

  test("refs into composite literals and parenthesised terms", () => {
    expect(t("[1, 2][i]")).toBe("[1, 2][i]");
    expect(t("(x)[0]")).toBe("x[0]");
  });

  test("wildcards are renamed uniquely", () => {
    expect(t("[_, _, x[_]]")).toBe("[$wildcard0, $wildcard1, x[$wildcard2]]");
  });
});

describe("operators", () => {
  test("precedence: * over +, + over &, & over |, | over ==, == over in", () => {
    expect(t("1 + 2 * 3")).toBe("plus(1, mul(2, 3))");
    expect(t("a | b & c")).toBe("or(a, and(b, c))");
    expect(t("a + b == c | d")).toBe("equal(plus(a, b), or(c, d))");
    expect(t("x + 1 in xs")).toBe("internal.member_2(plus(x, 1), xs)");
  });

  test("binary operators are left-associative", () => {
    expect(t("a - b - c")).toBe("minus(minus(a, b), c)");
    expect(t("a / b % c")).toBe("rem(div(a, b), c)");
    expect(t("a < b == c")).toBe("equal(lt(a, b), c)");
  });

  test("every comparison operator has OPA's built-in name", () => {
    expect(q("a == b; a != b; a < b; a <= b; a > b; a >= b")).toBe(
      "equal(a, b); neq(a, b); lt(a, b); lte(a, b); gt(a, b); gte(a, b)",
    );
  });

  test("`=` and `:=` only at expression level", () => {
    expect(q("x := 1 + 2")).toBe("assign(x, plus(1, 2))");
    expect(q("[a, b] = [1, 2]")).toBe("eq([a, b], [1, 2])");
  });

  test("parentheses group", () => {
    expect(t("(1 + 2) * 3")).toBe("mul(plus(1, 2), 3)");
  });

  test("unary minus of a non-literal is minus(0, x)", () => {
    expect(t("-x")).toBe("minus(0, x)");
    expect(t("-x * 2")).toBe("mul(minus(0, x), 2)");
    expect(t("1 - -x.y")).toBe("minus(1, minus(0, x.y))");
  });

  test("`x in xs` and `k, v in xs`", () => {
    expect(t("x in xs")).toBe("internal.member_2(x, xs)");
    expect(t("k, v in xs")).toBe("internal.member_3(k, v, xs)");
    // Inside a list, the comma separates items.
    expect(t("[k, v in xs]")).toBe("[k, internal.member_2(v, xs)]");
    expect(t("f(k, v in xs)")).toBe("f(k, internal.member_2(v, xs))");
  });

  test("operator calls carry the operator's location and the left operand's", () => {
    const c = term("alpha + beta");
    expect(c.type).toBe("call");
    if (c.type !== "call") return;
    expect(c.loc).toMatchObject({ line: 1, col: 1 });
    expect(c.operator.loc).toMatchObject({ line: 1, col: 7 });
    expect(c.args[1]?.loc).toMatchObject({ col: 9 });
  });
});

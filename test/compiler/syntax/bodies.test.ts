import { describe, expect, test } from "vitest";
import { noLoc, q, query } from "./helpers.js";

describe("expressions in bodies", () => {
  test("line breaks and semicolons separate expressions", () => {
    expect(q("a\nb; c\n\n  d")).toBe("a; b; c; d");
  });

  test("an infix expression may continue on the next line", () => {
    expect(q("x := 1 +\n 2")).toBe("assign(x, plus(1, 2))");
  });

  test("not", () => {
    const [e] = query("not input.x == 1");
    expect(e?.negated).toBe(true);
    expect(q("not input.x == 1")).toBe("not equal(input.x, 1)");
  });

  test("some declarations", () => {
    const [e] = query("some x, y");
    expect(noLoc(e?.node)).toEqual({
      type: "some-decl",
      vars: [
        { type: "var", name: "x" },
        { type: "var", name: "y" },
      ],
    });
  });

  test("some … in, with one or two variables and with patterns", () => {
    const [one] = query("some x in xs");
    expect(noLoc(one?.node)).toEqual({
      type: "some-in",
      key: null,
      value: { type: "var", name: "x" },
      collection: { type: "var", name: "xs" },
    });
    expect(q("some k, v in input.m")).toBe("some k, v in input.m");
    expect(q(`some {"foo": x}, "ever" in obj`)).toBe(`some {"foo": x}, "ever" in obj`);
    expect(q("some _, v in xs")).toBe("some $wildcard0, v in xs");
  });

  test("every, with one or two variables", () => {
    const [e] = query("every k, v in xs { v > k; true }");
    expect(e?.node.type).toBe("every");
    if (e?.node.type !== "every") return;
    expect(e.node.key?.name).toBe("k");
    expect(e.node.value.name).toBe("v");
    expect(e.node.body).toHaveLength(2);
    expect(q("every x in [1, 2] { x > 0 }")).toBe("every x in [1, 2] { gt(x, 0) }");
  });

  test("with modifiers, several in a row", () => {
    const [e] = query("data.p with input as {} with data.q.r as 2 with count as mock");
    expect(e?.with.map((w) => w.target.terms.length)).toEqual([1, 3, 1]);
    expect(q("data.p with input as {} with data.q.r as 2 with count as mock")).toBe(
      "data.p with input as {} with data.q.r as 2 with count as mock",
    );
  });

  test("with on some … in", () => {
    expect(q("some k, v in input with input.foo as \"bar\"")).toBe('some k, v in input with input.foo as "bar"');
  });

  test("expression locations start at `not`", () => {
    const [, e] = query("a\n  not b");
    expect(e?.loc).toMatchObject({ line: 2, col: 3, offset: 4 });
  });
});

describe("queries", () => {
  test("a conformance-style query", () => {
    expect(q("data.test.p = x")).toBe("eq(data.test.p, x)");
  });

  test("several statements become one body", () => {
    expect(query("x := 1; y := 2\nz := 3")).toHaveLength(3);
  });
});

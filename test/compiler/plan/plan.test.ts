import { describe, expect, it } from "vitest";
import { evaluatePlan, Interp } from "../../../engine/compiler/ir/interp.js";
import { fromJSON, toJSON as toJSONValue } from "../../../engine/compiler/ir/values.js";
import type * as ir from "../../../engine/compiler/ir/ir.js";
import { plan } from "../../../engine/compiler/plan/index.js";
import {
  arr, arrComp, assign, call, data, e, eq, every, input, num, obj, objComp, program, rule, set, setComp, someIn, v,
} from "./ast.js";

function compile(pkgs: Parameters<typeof program>[0], eps: string[]): ir.Policy {
  const r = plan(program(pkgs), eps);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

/** The value of the entrypoint, or undefined when the result set is empty. */
function evalRule(pkgs: Parameters<typeof program>[0], ep: string, inp?: unknown, dat?: unknown): unknown {
  const res = evaluatePlan(compile(pkgs, [ep]), ep, inp, dat ?? {});
  expect(res.length).toBeLessThanOrEqual(1);
  return (res[0] as { result?: unknown } | undefined)?.result;
}

describe("complete rules", () => {
  it("assigns the head value when the body holds, else stays undefined", () => {
    const pkgs = { test: [rule({ ref: "p", value: 7, body: [e(call("gt", input("x"), 1))] })] };
    expect(evalRule(pkgs, "test/p", { x: 2 })).toBe(7);
    expect(evalRule(pkgs, "test/p", { x: 0 })).toBeUndefined();
    expect(evalRule(pkgs, "test/p", {})).toBeUndefined();
  });

  it("uses the default value only when no rule is defined", () => {
    const pkgs = {
      test: [rule({ ref: "p", isDefault: true, value: false }), rule({ ref: "p", value: true, body: [e(input("ok"))] })],
    };
    expect(evalRule(pkgs, "test/p", { ok: true })).toBe(true);
    expect(evalRule(pkgs, "test/p", { ok: false })).toBe(false);
  });

  it("reports conflicting values as eval_conflict_error", () => {
    const pkgs = { test: [rule({ ref: "p", value: 1 }), rule({ ref: "p", value: 2 })] };
    // Evaluated as the entrypoint (no early exit on the way): OPA names the rule.
    expect(() => evalRule(pkgs, "test/p")).toThrow(/eval_conflict_error: rule data\.test\.p produced conflicting values/);
    const same = { test: [rule({ ref: "p", value: 1 }), rule({ ref: "p", value: 1 })] };
    expect(evalRule(same, "test/p")).toBe(1);
  });

  it("takes the first alternative of an else chain that holds; its solutions must agree", () => {
    const pkgs = {
      test: [
        rule({
          ref: "p",
          value: v("x"),
          body: [eq(v("x"), input("xs", v("i"))), e(call("gt", v("x"), 10))],
          else: [
            { value: v("y"), body: [eq(v("y"), input("xs", v("j")))] },
            { value: "none", body: [] },
          ],
        }),
      ],
    };
    expect(evalRule(pkgs, "test/p", { xs: [3, 11] })).toBe(11);
    expect(() => evalRule(pkgs, "test/p", { xs: [11, 12] })).toThrow(/eval_conflict_error/);
    expect(evalRule(pkgs, "test/p", { xs: [3, 3] })).toBe(3);
    expect(() => evalRule(pkgs, "test/p", { xs: [3, 4] })).toThrow(/eval_conflict_error/);
    expect(evalRule(pkgs, "test/p", { xs: [] })).toBe("none");
  });
});

describe("partial rules and ref heads", () => {
  it("builds partial sets and objects", () => {
    const pkgs = {
      test: [
        rule({ kind: "partial-set", ref: "s", key: v("x"), body: [eq(v("x"), input(v("$wildcard0"), "name"))] }),
        rule({ kind: "partial-object", ref: ["o", v("k")], value: v("n"), body: [eq(v("n"), input(v("k"), "n"))] }),
      ],
    };
    const inp = [{ name: "b", n: 1 }, { name: "a", n: 2 }, { name: "b" }];
    expect(evalRule(pkgs, "test/s", inp)).toEqual(["a", "b"]);
    expect(evalRule(pkgs, "test/o", inp)).toEqual({ "0": 1, "1": 2 });
    expect(evalRule(pkgs, "test/s", "not a collection")).toEqual([]);
  });

  it("nests multi-level ref heads and merges them with constant siblings", () => {
    const pkgs = {
      test: [
        rule({ ref: ["a", "b", v("x"), "c"], value: v("x"), body: [someIn(null, v("x"), input())] }),
        rule({ ref: ["a", "b", "d"], value: 1 }),
      ],
    };
    expect(evalRule(pkgs, "test/a", ["u", "v"])).toEqual({ b: { d: 1, u: { c: "u" }, v: { c: "v" } } });
    expect(evalRule(pkgs, "test/a/b/u/c", ["u"])).toBe("u");
  });

  it("reports duplicate object keys with different values", () => {
    const pkgs = {
      test: [rule({ kind: "partial-object", ref: ["o", v("k")], value: v("k2"), body: [eq(v("k"), "a"), someIn(null, v("k2"), input())] })],
    };
    expect(() => evalRule(pkgs, "test/o", [1, 2])).toThrow(/object keys must be unique/);
  });
});

describe("virtual documents", () => {
  it("materialises a package merged with base data below it", () => {
    const pkgs = { test: [rule({ ref: "p", value: 1 }), rule({ ref: "q", value: data("test", "p") })] };
    expect(evalRule(pkgs, "test", undefined, { test: { base: true } })).toEqual({ base: true, p: 1, q: 1 });
  });

  it("iterates over a virtual document and goes into rule values", () => {
    const pkgs = {
      test: [
        rule({ ref: "p", value: obj(["q", arr(1, 2, 3)]) }),
        rule({ kind: "partial-set", ref: "r", key: v("x"), body: [eq(v("x"), data("test", "p", "q", v("i")))] }),
      ],
      other: [rule({ kind: "partial-set", ref: "keys", key: v("k"), body: [e(data("test", v("k")))] })],
    };
    expect(evalRule(pkgs, "test/r")).toEqual([1, 2, 3]);
    expect(evalRule(pkgs, "other/keys")).toEqual(["p", "r"]);
  });

  it("reads plain base data beside rules", () => {
    const pkgs = { test: [rule({ ref: "p", value: data("other", "x") })] };
    expect(evalRule(pkgs, "test/p", undefined, { other: { x: 5 } })).toBe(5);
  });
});

describe("virtual documents, dynamic keys and caching", () => {
  it("dispatches a run-time key to the child document it names, else to base data", () => {
    const pkgs = {
      test: [rule({ ref: "p", value: data(v("k"), "allow"), body: [eq(v("k"), input())] })],
      primary: [rule({ ref: "allow", value: true })],
    };
    expect(evalRule(pkgs, "test/p", "primary")).toBe(true);
    expect(evalRule(pkgs, "test/p", "base", { base: { allow: 7 } })).toBe(7);
    expect(evalRule(pkgs, "test/p", "nothing")).toBeUndefined();
  });

  it("reads number keys of base data as object keys too", () => {
    const pkgs = { test: [rule({ ref: "p", value: data("nested", 2) }), rule({ ref: "q", value: data("arr", 1) })] };
    expect(evalRule(pkgs, "test/p", undefined, { nested: { "2": "bar" } })).toBe("bar");
    expect(evalRule(pkgs, "test/q", undefined, { arr: ["a", "b"] })).toBe("b");
  });

  it("builds objects of sets for partial sets under variable refs", () => {
    const pkgs = {
      test: [rule({ kind: "partial-set", ref: ["obj", v("x")], key: v("y"), body: [someIn(v("x"), v("y"), input())] })],
    };
    expect(evalRule(pkgs, "test/obj", ["a", "b"])).toEqual({ "0": ["a"], "1": ["b"] });
  });

  it("caches rule values per evaluation so a loop evaluates a rule once", () => {
    const pkgs = {
      test: [
        rule({ kind: "partial-set", ref: "big", key: v("x"), body: [someIn(null, v("x"), input())] }),
        rule({ kind: "partial-set", ref: "hits", key: v("y"), body: [someIn(null, v("y"), input()), e(data("test", "big", v("y")))] }),
        rule({ ref: "f", args: [v("z")], value: v("z") }),
      ],
    };
    const pol = compile(pkgs, ["test/hits"]);
    const cost = (n: number) => {
      const xs = Array.from({ length: n }, (_, i) => i);
      const interp = new Interp(pol);
      expect(interp.run("test/hits", fromJSON(xs), fromJSON({}))).toEqual([{ result: xs }]);
      return interp.steps;
    };
    // Linear, not quadratic: 8 times the elements cost well under 16 times the statements.
    expect(cost(400) / cost(50)).toBeLessThan(10);
    // A `with` gets a fresh cache: the rule is evaluated again under the replaced input.
    const withPkgs = {
      test: [
        rule({ kind: "partial-set", ref: "big", key: v("x"), body: [someIn(null, v("x"), input())] }),
        rule({ ref: "p", value: arr(v("a"), v("b"), v("c")), body: [
          assign(v("a"), call("count", data("test", "big"))),
          e(call("assign", v("b"), call("count", data("test", "big"))), { with: [[input(), arr(1)]] }),
          assign(v("c"), call("count", data("test", "big"))),
        ] }),
      ],
    };
    expect(evalRule(withPkgs, "test/p", [1, 2, 3])).toEqual([3, 1, 3]);
  });
});

describe("functions", () => {
  it("calls functions with pattern arguments, several definitions and conflicts", () => {
    const pkgs = {
      test: [
        rule({ ref: "f", args: [v("x")], value: call("mul", v("x"), 2) }),
        rule({ ref: "g", args: [arr(v("a"), 1)], value: v("a") }),
        rule({ ref: "g", args: ["k"], value: "k" }),
        rule({ ref: "h", args: [v("y")], value: v("y") }),
        rule({ ref: "h", args: [v("z")], value: 0 }),
        rule({ ref: "p", value: call("data.test.f", 4) }),
        rule({ ref: "q", value: arr(call("data.test.g", arr(9, 1)), call("data.test.g", "k")) }),
        rule({ ref: "r", value: call("data.test.g", "other") }),
        rule({ ref: "c", value: call("data.test.h", 1) }),
      ],
    };
    expect(evalRule(pkgs, "test/p")).toBe(8);
    expect(evalRule(pkgs, "test/q")).toEqual([9, "k"]);
    expect(evalRule(pkgs, "test/r")).toBeUndefined();
    expect(() => evalRule(pkgs, "test/c")).toThrow(/function data\.test\.h produced conflicting values for the same inputs/);
  });

  it("treats a false result in statement position as failure, and binds output arguments", () => {
    const pkgs = {
      test: [
        rule({ ref: "f", args: [v("x")], value: call("gt", v("x"), 1) }),
        rule({ ref: "p", body: [e(call("data.test.f", input()))] }),
        rule({ ref: "n", value: v("c"), body: [e(call("count", input(), v("c")))] }),
      ],
    };
    expect(evalRule(pkgs, "test/p", 5)).toBe(true);
    expect(evalRule(pkgs, "test/p", 0)).toBeUndefined();
    expect(evalRule(pkgs, "test/n", [1, 2, 3])).toBe(3);
  });
});

describe("expressions", () => {
  it("unifies composite terms both ways", () => {
    const pkgs = {
      test: [
        rule({ ref: "p", value: arr(v("x"), v("y")), body: [eq(arr(v("x"), 1), arr(2, v("y")))] }),
        rule({ ref: "q", value: v("a"), body: [eq(obj(["a", v("a")]), input())] }),
      ],
    };
    expect(evalRule(pkgs, "test/p")).toEqual([2, 1]);
    expect(evalRule(pkgs, "test/q", { a: 5 })).toBe(5);
    expect(evalRule(pkgs, "test/q", { a: 5, b: 1 })).toBeUndefined();
  });

  it("plans not, membership and every", () => {
    const pkgs = {
      test: [
        rule({ ref: "n", body: [e(input("x"), { not: true })] }),
        rule({ ref: "m", body: [e(call("internal.member_2", 2, input()))] }),
        rule({ ref: "kv", body: [e(call("internal.member_3", 1, "b", input()))] }),
        rule({ ref: "all", body: [every(null, "x", input(), [e(call("gt", v("x"), 0))])] }),
        rule({ ref: "mv", value: call("internal.member_2", 9, input()) }),
        rule({ ref: "s", value: set(1, arr(2, 3)) }),
        rule({ ref: "ms", value: arr(call("internal.member_2", arr(2, 3), data("test", "s")), call("internal.member_2", 2, data("test", "s"))) }),
      ],
    };
    expect(evalRule(pkgs, "test/ms")).toEqual([true, false]);
    expect(evalRule(pkgs, "test/n", {})).toBe(true);
    expect(evalRule(pkgs, "test/n", { x: 1 })).toBeUndefined();
    expect(evalRule(pkgs, "test/m", [1, 2])).toBe(true);
    expect(evalRule(pkgs, "test/m", [1, 3])).toBeUndefined();
    expect(evalRule(pkgs, "test/kv", ["a", "b"])).toBe(true);
    expect(evalRule(pkgs, "test/kv", ["b", "a"])).toBeUndefined();
    expect(evalRule(pkgs, "test/all", [1, 2])).toBe(true);
    expect(evalRule(pkgs, "test/all", [1, 0])).toBeUndefined();
    expect(evalRule(pkgs, "test/all", [])).toBe(true);
    expect(evalRule(pkgs, "test/mv", [1])).toBe(false);
  });

  it("binds a var through a ref that uses it as key (fixpoint)", () => {
    const pkgs = { test: [rule({ ref: "p", value: v("foo"), body: [e(call("equal", v("foo"), input("foos", v("foo"))))] })] };
    expect(evalRule(pkgs, "test/p", { foos: [2, 1, 0] })).toBe(1);
  });

  it("builds comprehensions and walks values", () => {
    const pkgs = {
      test: [
        rule({ ref: "a", value: arrComp(call("plus", v("x"), 1), [eq(v("x"), input(v("$wildcard1")))]) }),
        rule({ ref: "s", value: setComp(v("x"), [eq(v("x"), input(v("$wildcard2")))]) }),
        rule({ ref: "o", value: objComp(v("x"), v("i"), [eq(v("x"), input(v("i")))]) }),
        rule({ kind: "partial-set", ref: "paths", key: v("p"), body: [e(call("walk", input(), arr(v("p"), 2)))] }),
      ],
    };
    expect(evalRule(pkgs, "test/a", [1, 1, 2])).toEqual([2, 2, 3]);
    expect(evalRule(pkgs, "test/s", [1, 1, 2])).toEqual([1, 2]);
    expect(evalRule(pkgs, "test/o", ["a", "b"])).toEqual({ a: 0, b: 1 });
    expect(evalRule(pkgs, "test/paths", { x: [2, { y: 2 }] })).toEqual([["x", 0], ["x", 1, "y"]]);
  });

  it("plans big numbers from their text", () => {
    const pkgs = { test: [rule({ ref: "p", value: num("1e400") }), rule({ ref: "q", value: num("2.5") })] };
    const pol = compile(pkgs, ["test/p"]);
    expect(JSON.stringify(pol.funcs)).toContain("MakeNumberRef");
    expect(evalRule(pkgs, "test/q")).toBe(2.5);
  });
});

describe("with", () => {
  it("replaces input and data for one expression, including in called rules", () => {
    const pkgs = {
      test: [
        rule({ ref: "x", value: input("v") }),
        rule({ ref: "p", value: arr(v("a"), v("b")), body: [e(call("assign", v("a"), data("test", "x")), { with: [[input("v"), 5]] }), eq(v("b"), input("v"))] }),
        rule({ ref: "q", value: v("a"), body: [e(call("assign", v("a"), data("test", "x")), { with: [[data("test", "x"), 9]] })] }),
        rule({ ref: "r", value: v("a"), body: [e(call("assign", v("a"), data("base", "k")), { with: [[data("base", "k"), 3]] })] }),
      ],
    };
    expect(evalRule(pkgs, "test/p", { v: 1 })).toEqual([5, 1]);
    expect(evalRule(pkgs, "test/q", { v: 1 })).toBe(9);
    expect(evalRule(pkgs, "test/r", {}, { base: { k: 1 } })).toBe(3);
  });

  it("mocks built-ins and functions, also inside called rules", () => {
    const pkgs = {
      test: [
        rule({ ref: "c", value: call("count", input()) }),
        rule({ ref: "double", args: [v("x")], value: call("mul", v("x"), 2) }),
        rule({ ref: "triple", args: [v("x")], value: call("mul", v("x"), 3) }),
        rule({ ref: "d", value: call("data.test.double", 1) }),
        rule({ ref: "p", value: v("a"), body: [e(call("assign", v("a"), data("test", "c")), { with: [[v("count"), 42]] })] }),
        rule({ ref: "q", value: v("a"), body: [e(call("assign", v("a"), data("test", "d")), { with: [[data("test", "double"), data("test", "triple")]] })] }),
        rule({ ref: "r", value: v("a"), body: [e(call("assign", v("a"), data("test", "c")), { with: [[v("count"), v("sum")]] })] }),
      ],
    };
    expect(evalRule(pkgs, "test/p", [1, 2])).toBe(42);
    expect(evalRule(pkgs, "test/c", [1, 2])).toBe(2);
    expect(evalRule(pkgs, "test/q")).toBe(3);
    expect(evalRule(pkgs, "test/d")).toBe(2);
    expect(evalRule(pkgs, "test/r", [5, 6])).toBe(11);
  });
});

describe("print", () => {
  it("prints every value of each argument and never fails the body", () => {
    const printed: unknown[] = [];
    const pkgs = { test: [rule({ ref: "p", body: [e(call("print", "x", input("missing"), input(v("$wildcard9"))))] })] };
    const pol = compile(pkgs, ["test/p"]);
    expect(pol.builtins).toContainEqual({ name: "internal.print", arity: 1 });
    const res = evaluatePlan(pol, "test/p", [1, 2], {}, {
      builtins: { "internal.print": ([g]) => (printed.push(toJSONValue(g)), true) },
    });
    expect(res).toEqual([{ result: true }]);
    expect(printed).toEqual([[["x"], [], [1, 2]]]);
  });
});

describe("plans", () => {
  it("names plans by entrypoint and declares the built-ins it calls", () => {
    const pol = compile({ test: [rule({ ref: "p", value: call("count", input()) })] }, ["test/p", "test"]);
    expect(pol.plans.map((p) => p.name)).toEqual(["test/p", "test"]);
    expect(pol.builtins).toEqual([{ name: "count", arity: 1 }]);
    expect(evaluatePlan(pol, "test", [1], {})).toEqual([{ result: { p: 1 } }]);
  });
});


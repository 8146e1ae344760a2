import { describe, expect, it } from "vitest";
import { check } from "../../../engine/compiler/check/index.js";
import type { CheckedProgram } from "../../../engine/compiler/check/program.js";
import type { CompileError } from "../../../engine/compiler/errors.js";
import type { Module } from "../../../engine/compiler/syntax/ast.js";
import {
  acomp, arr, assign, b, call, e, eq, every, mod, n, not, obj, ref, rule, s, set, some, someIn, v,
} from "./build.js";
import { normalizeLocals, showBody, showTerm } from "./show.js";

function ok(modules: Module[]): CheckedProgram {
  const r = check(modules);
  if (!r.ok) throw new Error("unexpected errors: " + r.errors.map((x) => `${x.code}: ${x.message}`).join("; "));
  return r.value;
}

function errs(modules: Module[]): CompileError[] {
  const r = check(modules);
  if (r.ok) throw new Error("expected errors, got none");
  return r.errors;
}

function body(p: CheckedProgram, key: string, i = 0): string {
  return normalizeLocals(showBody(p.rules.get(key)![i]!.rule.body));
}

describe("name resolution", () => {
  it("makes rule, import and function references absolute", () => {
    const m = mod(
      "test",
      [
        rule("q"),
        rule("f", { args: [v("a")], value: v("a") }),
        rule("p", { body: [e(v("q")), e(ref("baz", v("x"))), e(call("f", n(1))), e(call("count", ref("input.xs")))] }),
      ],
      [["data.foo.bar", "baz"]],
    );
    const p = ok([m]);
    expect(body(p, "test.p")).toBe("data.test.q; data.foo.bar.baz[x]; data.test.f(1); count(input.xs)".replace("data.foo.bar.baz", "data.foo.bar"));
  });

  it("lets a local declaration shadow a rule name", () => {
    const m = mod("test", [rule("q"), rule("p", { body: [e(assign(v("q"), n(2))), e(call("gt", v("q"), n(1)))] })]);
    const p = ok([m]);
    expect(body(p, "test.p")).toBe("eq(L0, 2); gt(L0, 1)");
  });

  it("resolves rules defined in another module of the same package", () => {
    const a = mod("test", [rule("p", { body: [e(v("q"))] })], [], "a.rego");
    const c = mod("test", [rule("q")], [], "b.rego");
    const p = ok([a, c]);
    expect(body(p, "test.p")).toBe("data.test.q");
    expect(p.packages).toEqual(["test"]);
  });

  it("does not mutate its input", () => {
    const m = mod("test", [rule("q"), rule("p", { body: [e(assign(v("x"), v("q"))), e(call("gt", v("x"), n(1)))] })]);
    const before = JSON.stringify(m);
    ok([m]);
    expect(JSON.stringify(m)).toBe(before);
  });
});

describe("local variables", () => {
  it("gives a comprehension's own := a different name from the outer variable", () => {
    const m = mod("test", [
      rule("p", {
        body: [
          e(assign(v("x"), n(1))),
          e(assign(v("y"), acomp(v("x"), [e(assign(v("x"), n(2)))]))),
          e(call("gt", v("x"), n(0))),
        ],
      }),
    ]);
    expect(body(ok([m]), "test.p")).toBe("eq(L0, 1); eq(L1, [L2 | eq(L2, 2)]); gt(L0, 0)");
  });

  it("lets a comprehension close over an outer variable", () => {
    const m = mod("test", [
      rule("p", { body: [e(assign(v("x"), n(1))), e(assign(v("y"), acomp(v("z"), [e(eq(v("z"), v("x")))])))] }),
    ]);
    expect(body(ok([m]), "test.p")).toBe("eq(L0, 1); eq(L1, [z | eq(z, L0)])");
  });

  it("renames function args and head references, and drops some declarations", () => {
    const m = mod("test", [
      rule("f", { args: [v("a")], value: v("r"), body: [some("r"), e(eq(v("r"), call("plus", v("a"), n(1))))] }),
    ]);
    const p = ok([m]);
    const info = p.rules.get("test.f")![0]!;
    expect(normalizeLocals(`${info.rule.head.args!.map(showTerm).join(",")} => ${showTerm(info.rule.head.value!)} : ${showBody(info.rule.body)}`)).toBe(
      "L0 => L1 : eq(L1, plus(L0, 1))",
    );
  });

  it("reports redeclaration, unused declarations, shadowing of input and assignment under not", () => {
    const es = errs([
      mod("test", [
        rule("a", { body: [e(assign(v("x"), n(1))), e(assign(v("x"), n(2)))] }),
        rule("b", { body: [some("y"), e(b(true))] }),
        rule("c", { body: [e(assign(v("input"), n(1)))] }),
        rule("d", { body: [not(assign(v("z"), n(1)))] }),
        rule("g", { body: [e(eq(v("w"), n(1))), e(assign(v("w"), n(2)))] }),
      ]),
    ]);
    expect(es.map((x) => `${x.code}: ${x.message}`)).toEqual([
      "rego_compile_error: var x assigned above",
      "rego_compile_error: declared var y unused",
      "rego_compile_error: variables must not shadow input (use a different variable name)",
      "rego_compile_error: cannot assign vars inside negated expression",
      "rego_compile_error: var w referenced above",
    ]);
    expect(es[0]!.rule).toBe("test.a");
  });
});

describe("safety", () => {
  it("moves a comparison after the unification that binds its variable", () => {
    const m = mod("test", [rule("p", { body: [e(call("gt", v("x"), n(1))), e(eq(v("x"), ref("input.a")))] })]);
    expect(body(ok([m]), "test.p")).toBe("eq(x, input.a); gt(x, 1)");
  });

  it("binds either side of a unification and array patterns", () => {
    const m = mod("test", [
      rule("p", {
        body: [e(call("gt", v("y"), v("x"))), e(eq(arr(v("x"), v("y")), ref("input.pair"))), e(eq(n(1), v("z"))), e(call("lt", v("z"), n(2)))],
      }),
    ]);
    // As in OPA, an expression is placed in the pass where it becomes safe: gt(y, x) was visited
    // before x and y were bound in the first pass, so lt(z, 2) overtakes it.
    expect(body(ok([m]), "test.p")).toBe("eq([x, y], input.pair); eq(1, z); lt(z, 2); gt(y, x)");
  });

  it("binds the output argument of a built-in and ref positions", () => {
    const m = mod("test", [
      rule("p", { body: [e(call("gt", v("c"), n(0))), e(call("count", ref("input.xs", v("i")), v("c")))] }),
    ]);
    expect(body(ok([m]), "test.p")).toBe("count(input.xs[i], c); gt(c, 0)");
  });

  it("needs the variables of a negated expression bound first", () => {
    const m = mod("test", [rule("p", { body: [not(eq(v("x"), n(1))), e(eq(v("x"), ref("input.x")))] })]);
    expect(body(ok([m]), "test.p")).toBe("eq(x, input.x); not eq(x, 1)");
  });

  it("reports unsafe variables with OPA's message, once per variable, in source order", () => {
    const es = errs([mod("test", [rule("p", { body: [not(eq(v("x"), n(1))), e(call("gt", v("y"), v("x")))] })])]);
    expect(es.map((x) => `${x.code}: ${x.message}`)).toEqual(["rego_unsafe_var_error: var x is unsafe", "rego_unsafe_var_error: var y is unsafe"]);
  });

  it("shows the source name of renamed and wildcard variables", () => {
    const es = errs([mod("test", [rule("p", { body: [some("x"), e(call("gt", v("x"), v("$wildcard1")))] })])]);
    expect(es.map((x) => x.message)).toEqual(["var x is unsafe", "var _ is unsafe"]);
  });

  it("treats some … in as binding and orders a closure after the variables it closes over", () => {
    const m = mod("test", [
      rule("p", {
        body: [
          e(assign(v("ys"), acomp(v("z"), [e(call("gt", v("z"), v("x"))), someIn(null, v("w"), ref("input.zs")), e(eq(v("z"), v("w")))]))),
          e(eq(v("x"), ref("input.xs", v("$wildcard0")))),
        ],
      }),
    ]);
    expect(body(ok([m]), "test.p")).toBe("eq(x, input.xs[$wildcard0]); eq(L0, [z | some L1 in input.zs; eq(z, L1); gt(z, x)])");
  });

  it("checks every bodies with the domain variables bound", () => {
    const good = mod("test", [rule("p", { body: [every(null, "x", ref("input.xs"), [e(call("gt", v("x"), n(0)))])] })]);
    expect(body(ok([good]), "test.p")).toBe("every L0 in input.xs { gt(L0, 0) }");
    const bad = mod("test", [rule("p", { body: [every(null, "x", ref("input.xs"), [e(call("gt", v("x"), v("y")))])] })]);
    expect(errs([bad]).map((x) => x.message)).toEqual(["var y is unsafe"]);
  });

  it("requires head variables to be bound by the body", () => {
    const m = mod("test", [rule("p", { kind: "partial-set", key: v("x"), body: [e(eq(v("y"), n(1)))] })]);
    expect(errs([m]).map((x) => x.message)).toEqual(["var x is unsafe"]);
  });

  it("treats function args as bound", () => {
    const m = mod("test", [rule("f", { args: [v("a")], value: v("b"), body: [e(eq(v("b"), call("plus", v("a"), n(1))))] })]);
    expect(body(ok([m]), "test.f")).toBe("eq(b, plus(L0, 1))");
  });

  it("accepts a built-in or function named as a with value", () => {
    const m = mod("test", [
      rule("mock", { args: [v("a")], value: n(1) }),
      rule("p", { body: [e(call("gt", call("count", ref("input.xs")), n(0)), { with: [[ref("count"), v("mock")]] })] }),
      rule("q", { body: [e(call("count", ref("input.xs"), v("c")), { with: [[ref("count"), v("sum")]] }), e(call("gt", v("c"), n(0)))] }),
    ]);
    const p = ok([m]);
    expect(body(p, "test.p")).toBe("gt(count(input.xs), 0) with count as data.test.mock");
    expect(body(p, "test.q")).toBe("count(input.xs, c) with count as sum; gt(c, 0)");
    expect([...p.builtins.keys()].sort()).toEqual(["count", "gt", "sum"]);
  });
});

describe("calls and types", () => {
  it("reports undefined functions and arity mismatches", () => {
    const es = errs([
      mod("test", [
        rule("f", { args: [v("a")], value: v("a") }),
        rule("a", { body: [e(call("nope", n(1)))] }),
        rule("b", { body: [e(call("count", n(1), n(2), n(3)))] }),
        rule("c", { body: [e(call("f", n(1), n(2), n(3)))] }),
        rule("e", { body: [e(call("gt", call("count", ref("input.x"), v("n")), n(1)))] }),
      ]),
    ]);
    expect(es.map((x) => `${x.code}: ${x.message.split("\n")[0]}`)).toEqual([
      "rego_type_error: undefined function nope",
      "rego_type_error: count: arity mismatch",
      "rego_type_error: function data.test.f has arity 1, got 3 arguments",
      "rego_type_error: count: arity mismatch",
    ]);
  });

  it("reports arguments whose type is evident from constants, variables, built-in results and rules", () => {
    const es = errs([
      mod("test", [
        rule("one", { value: n(1) }),
        rule("a", { body: [e(call("count", n(1)))] }),
        rule("b", { body: [e(assign(v("x"), n(1))), e(call("count", v("x")))] }),
        rule("c", { body: [e(call("gt", call("count", ref("data.test.one")), n(0)))] }),
        rule("d", { body: [e(call("plus", s("a"), n(1)))] }),
        rule("g", { body: [e(call("count", call("count", ref("input.x"))))] }),
        rule("h", { body: [e(call("lower", ref("input.s"), v("y"))), e(call("count", v("y"), v("z"))), e(call("abs", v("z")))] }),
      ]),
    ]);
    expect(es.map((x) => `${x.rule} ${x.message.split("\n")[0]}`)).toEqual([
      "test.a count: invalid argument(s)",
      "test.b count: invalid argument(s)",
      "test.c count: invalid argument(s)",
      "test.d plus: invalid argument(s)",
      "test.g count: invalid argument(s)",
    ]);
    expect(es[0]!.message).toContain("have: (number)");
  });

  it("accepts arguments of unknown or fitting type", () => {
    const m = mod("test", [
      rule("p", {
        body: [
          e(assign(v("x"), ref("input.y"))),
          e(call("gt", call("count", v("x")), n(0))),
          e(call("concat", s(","), call("split", s("a,b"), s(",")), v("j"))),
          e(call("minus", set(n(1)), set(n(2)), v("d"))),
          e(call("count", v("j"))),
        ],
      }),
    ]);
    ok([m]);
  });

  it("accepts an output argument on an expression-level call and lists built-ins used", () => {
    const m = mod("test", [rule("p", { body: [e(call("count", ref("input.xs"), v("c"))), e(call("strings.replace_n", obj([s("a"), s("b")]), ref("input.s"), v("r")))] })]);
    const p = ok([m]);
    expect([...p.builtins.keys()].sort()).toEqual(["count", "strings.replace_n"]);
    expect(p.builtins.get("strings.replace_n")).toEqual({ arity: 2 });
  });
});

describe("rule conflicts", () => {
  it("reports a path defined as complete and partial, and several defaults", () => {
    const es = errs([
      mod("test", [
        rule("p", { value: n(1) }),
        rule("p", { kind: "partial-set", key: n(1) }),
        rule("q", { isDefault: true, value: n(1) }),
        rule("q", { isDefault: true, value: n(2) }),
      ]),
    ]);
    expect(es.map((x) => x.message.replace(/ at .*/, ""))).toEqual(["conflicting rules data.test.p found", "multiple default rules data.test.q found"]);
    expect(es[1]!.message).toMatch(/^multiple default rules data\.test\.q found at test\.rego:\d+, test\.rego:\d+$/);
  });

  it("allows several complete definitions of one rule (conflicts are found at evaluation)", () => {
    const m = mod("test", [rule("p", { value: n(1) }), rule("p", { value: n(2), body: [e(b(false))] }), rule("p", { isDefault: true, value: n(0) })]);
    const p = ok([m]);
    expect(p.rules.get("test.p")!.map((i) => i.rule.isDefault)).toEqual([false, false, true]);
  });

  it("reports a function defined with two arities", () => {
    const m = mod("test", [rule("f", { args: [v("a")] }), rule("f", { args: [v("a"), v("b")] })]);
    expect(errs([m]).map((x) => x.message)).toEqual(["conflicting rules data.test.f found"]);
  });
});

describe("recursion", () => {
  it("reports mutual recursion between rules", () => {
    const m = mod("test", [rule("p", { body: [e(v("q"))] }), rule("q", { body: [e(v("p"))] })]);
    expect(errs([m]).map((x) => `${x.code}: ${x.message}`)).toEqual([
      "rego_recursion_error: rule p is recursive: p -> q -> p",
      "rego_recursion_error: rule q is recursive: q -> p -> q",
    ]);
  });

  it("reports a recursive function and recursion through a virtual document", () => {
    const es = errs([
      mod("test", [
        rule("f", { args: [v("x")], value: call("f", v("x")) }),
        rule("p", { body: [e(eq(v("x"), ref("data.test", v("k"))))] }),
      ]),
    ]);
    expect(es.map((x) => x.message)).toEqual([
      "rule f is recursive: f -> f",
      "rule p is recursive: p -> p",
    ]);
  });

  it("does not mistake a reference to a sibling rule for recursion", () => {
    const m = mod("test", [rule("p", { body: [e(ref("data.test.q"))] }), rule("q", { body: [e(ref("data.other.p"))] })]);
    expect(ok([m]).rules.size).toBe(2);
  });
});

describe("head rewriting", () => {
  it("moves an enumerating head value and a computed ref key into the body", () => {
    const m = mod("test", [
      rule("xs", { value: arr(n(1), n(2)) }),
      rule("q", { value: ref("xs", v("$wildcard0")) }),
      rule("p", { kind: "partial-object", ref: [v("p"), call("lower", v("k"))], value: n(1), body: [e(eq(v("k"), ref("input.k")))] }),
    ]);
    const p = ok([m]);
    const q = p.rules.get("test.q")![0]!.rule;
    expect(normalizeLocals(`${showTerm(q.head.value!)} : ${showBody(q.body)}`)).toBe("L0 : eq(L0, data.test.xs[$wildcard0])");
    const r = p.rules.get("test.p")![0]!;
    expect(normalizeLocals(`${r.rule.head.ref.map(showTerm).join(",")} key=${showTerm(r.rule.head.key!)} : ${showBody(r.rule.body)}`)).toBe(
      "p,L0 key=L0 : eq(k, input.k); eq(L0, lower(k))",
    );
    expect(r.path.map((x) => (typeof x === "string" ? x : showTerm(x))).map(normalizeLocals)).toEqual(["test", "p", "L0"]);
  });
});

describe("program shape", () => {
  it("indexes ref-head rules by their constant prefix and gives paths with terms for variables", () => {
    const m = mod("a.b", [
      rule("c", { kind: "partial-object", ref: [v("c"), s("d"), v("k")], value: n(1), body: [e(eq(v("k"), s("x")))] }),
      rule("e", { ref: [v("e"), s("f")], value: n(2) }),
    ]);
    const p = ok([m]);
    expect([...p.rules.keys()]).toEqual(["a.b.c.d", "a.b.e.f"]);
    const path = p.rules.get("a.b.c.d")![0]!.path;
    expect(path.slice(0, 4)).toEqual(["a", "b", "c", "d"]);
    expect(typeof path[4]).toBe("object");
  });
});

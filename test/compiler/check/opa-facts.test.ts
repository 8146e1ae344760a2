// Behaviour facts from OPA's own compiler tests (safety reordering and unsafe variables),
// restated as Rego v1 programs and checked against this checker.

import { describe, expect, it } from "vitest";
import { check } from "../../../engine/compiler/check/index.js";
import type { Body, Expr } from "../../../engine/compiler/syntax/ast.js";
import { parseModule } from "../../../engine/compiler/syntax/index.js";
import { showBody } from "./show.js";

const HEADER = `package test
import input.aref.b.c as foo
import input.avar as bar
import data.m.n as baz
`;

function checkRule(rules: string) {
  const parsed = parseModule("test.rego", `${HEADER}\n${rules}\n`);
  if (!parsed.ok) throw new Error("parse: " + parsed.errors.map((e) => e.message).join("; "));
  return { parsed: parsed.value, result: check([parsed.value]) };
}

/** The order of the rule's body after checking, as indexes of the source expressions. */
function order(body: string): number[] {
  const { parsed, result } = checkRule(`p if { ${body} }`);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("; "));
  const source = parsed.rules.find((r) => r.head.ref[0]?.type === "var" && r.head.ref[0].name === "p")!.body;
  const out: Body = result.value.rules.get("test.p")![0]!.rule.body;
  return out.filter((e) => source.some((s) => s.loc.offset === e.loc.offset)).map((e: Expr) => source.findIndex((s) => s.loc.offset === e.loc.offset));
}

function unsafeVars(rules: string): string[] {
  const { result } = checkRule(rules);
  if (result.ok) return [];
  return [...new Set(result.errors.filter((e) => e.code === "rego_unsafe_var_error").map((e) => /var (\S+) is unsafe/.exec(e.message)![1]!))].sort();
}

describe("safety reordering (OPA's cases)", () => {
  const cases: Array<[string, string, number[]]> = [
    ["noop", "x = 1; x != 0", [0, 1]],
    ["var/ref", "a[i] = x; a = [1, 2, 3, 4]", [1, 0]],
    ["var/ref nested", "a = [1, 2, 3, 4]; a[b[i]] = x; b = [0, 0, 0, 0]", [0, 2, 1]],
    ["negation", "a = [true, false]; b = [true, false]; not a[i]; b[i]", [0, 1, 3, 2]],
    ["built-in output", "x != 0; count([1, 2, 3], x)", [1, 0]],
    ["var/var 1", "x = y; z = 1; y = z", [1, 2, 0]],
    ["var/var 2", "x = y; 1 = z; z = y", [1, 2, 0]],
    ["var/var 3", "x != 0; y = x; y = 1", [2, 1, 0]],
    ["comprehension/var", "x != 0; [y | y = 1] = x", [1, 0]],
    ["comprehension/array", "[1] != [x]; [y | y = 1] = [x]", [1, 0]],
    ["with value", "data.a.b.d.t with input as x; x = 1", [1, 0]],
    ["with value 2", "data.a.b.d.t with input.x as x; x = 1", [1, 0]],
    ["ref head", `s = [["foo"], ["bar"]]; x = y[0]; y = s[_]; contains(x, "oo")`, [0, 2, 1, 3]],
    ["closure over a later binding", "every _ in [] { x != 1 }; x = 1", [1, 0]],
    ["every domain", "every _ in xs { true }; xs = [1]", [1, 0]],
    ["closure over function output", `object.get(input.roles[_], comp, [""], output); comp = [1 | true]; every y in [2] { y in output }`, [1, 0, 2]],
  ];
  for (const [note, body, want] of cases) {
    it(note, () => expect(order(body)).toEqual(want));
  }

  it("orders closures after the bindings they read, and their own bodies too", () => {
    const src = `package compr
import data.b
import data.c
p := true if { v = [null | true]; xs = [x | a[i] = x; a = [y | y != 1; y = c[j]]]; xs[j] > 0; z = [true | data.a.b.d.t with input as i2; i2 = i]; b[i] = j }
`;
    const parsed = parseModule("c.rego", src);
    if (!parsed.ok) throw new Error("parse");
    const r = check([parsed.value]);
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("; "));
    const text = showBody(r.value.rules.get("compr.p")![0]!.rule.body);
    expect(text).toBe(
      "eq(v, [null | true]); eq(data.b[i], j); eq(xs, [x | eq(a, [y | eq(y, data.c[j]); neq(y, 1)]); eq(a[i], x)]); gt(xs[j], 0); eq(z, [true | eq(i2, i); data.a.b.d.t with input as i2])",
    );
  });

  it("orders a user function's output before its use", () => {
    const { result } = checkRule(`f(x) := y if { y := x }\np if { split(y, ".", z); f("a.b", y) }`);
    expect(result.ok).toBe(true);
  });
});

describe("unsafe variables (OPA's cases)", () => {
  const cases: Array<[string, string, string[]]> = [
    ["ref head", `p if { a.b.c = "foo" }`, ["a"]],
    ["ref head in a composite", `p if { {"foo": [{"bar": a.b.c}]} = {"foo": [{"bar": "baz"}]} }`, ["a"]],
    ["negation", "p if { a = [1, 2, 3, 4]; not a[i] = x }", ["i", "x"]],
    ["negation, head", "p contains x if { a = [1, 2, 3, 4]; not a[i] = x }", ["i", "x"]],
    ["negation, several", "p if { a = [1, 2, 3, 4]; b = [1, 2, 3, 4]; not a[i] = x; not b[j] = x }", ["i", "j", "x"]],
    ["negation, nested", `p if { a = [{"foo": ["bar", "baz"]}]; not a[0].foo = [a[0].foo[i], a[0].foo[j]] }`, ["i", "j"]],
    ["built-in input", "p if { count([1, 2, x], x) }", ["x"]],
    ["built-in input named like an operator", "p if { count(eq, 1) }", ["eq"]],
    ["comparisons only", "p if { x > 0; x <= 3; x != 2 }", ["x"]],
    ["object keys are not patterns", `p if { x = "a"; [{x: y, z: a}] = [{"a": 1, "b": 2}] }`, ["a", "y", "z"]],
    ["sets are not patterns", `p if { x = "a"; [{x, y}] = [{1, 2}] }`, ["y"]],
    ["comprehension body", "p if { _ = [x | x = data.a[_]; y > 1] }", ["y"]],
    ["nested comprehension body", "p if { _ = [x | x = a[_]; a = [y | y = data.a[_]; z > 1]] }", ["z"]],
    ["comprehension closure", "p if { _ = [v | v = [x | x = data.a[_]]; x > 1] }", ["x"]],
    ["comprehension term", "p if { _ = [u | true] }", ["u"]],
    ["nested comprehension term", "p if { _ = [v | v = [w | w != 0]] }", ["w"]],
    ["comprehension, mixed", "p if { _ = [x | y = [a | a = z[i]]] }", ["a", "i", "x", "z"]],
    ["closure over itself", "p if { x = [x | x = 1] }", ["x"]],
    ["closure, transitive", "p if { x = y; x = [y | y = 1] }", ["x", "y"]],
    ["nested refs with imports", "p if { count(baz[i].attr[bar[dead.beef]], n) }", ["dead"]],
    ["negated imports are safe", "p if { not foo; not bar; not baz }", []],
    ["head term", `p contains {"foo": dead[i]} if { true }`, ["dead", "i"]],
    ["with value", "p if { data.a.b.d.t with input as x }", ["x"]],
    ["with value, also unified", "p if { x = data.a.b.d.t with input as x }", ["x"]],
    ["else body", "p if { false } else if { count(x, 1) }", ["x"]],
    ["function head", "foo(x) := [y, z] if { split(x, y, z) }", ["y", "z"]],
    ["function inputs", "p if { f(x, x) }\nf(x) := x", ["x"]],
    ["function without output", "p if { f(x) }\nf(x) := x", ["x"]],
    ["function, too few args", "p if { f(1, x) }\nf(x, y) := true", ["x"]],
    ["every body", "p if { every y in [10] { x > y } }", ["x"]],
  ];
  for (const [note, rules, want] of cases) {
    it(note, () => expect(unsafeVars(rules)).toEqual(want));
  }
});

describe("recursion (OPA's cases)", () => {
  const modules = [
    `package rec
s := true if { t }
t := true if { s }
a := true if { b }
b := true if { c }
c := true if { d; e }
d := true if { true }
e := true if { a }`,
    `package rec
x := true if { s }`,
    `package rec2
import data.rec.x
y := true if { x }`,
    `package rec3
p[x] := y if { data.rec4[x][y] = z }`,
    `package rec4
import data.rec3.p
q[x] := y if { p[x] = y }`,
    `package rec5
acp contains x if { acq[x] }
acq contains x if { a = [true | acp[_]]; a[_] = x }`,
    `package rec6
np[x] := y if { data.a[data.b.c[nq[x]]] = y }
nq[x] := y if { data.d[data.e[x].f[np[y]]] }`,
    `package rec7
prefix := true if { data.rec7 }`,
    `package rec8
dataref := true if { data }`,
    `package rec9
else_self if { false } else := true if { else_self }
elsetop if { false } else := elsemid if { true }
elsemid if { false } else := true if { elsebottom }
elsebottom if { elsetop }`,
    `package f0
fn(x) := y if { fn(x, y) }`,
    `package f1
foo(x) := y if { bar("buz", x, y) }
bar(x, y) := z if { foo([x, y], z) }`,
    `package f2
foo(x) := y if { bar("buz", x, y) }
bar(x, y) := z if { x = p[y]; z = x }
p[x] := y if { x = "foo.bar"; foo(x, y) }`,
    `package dyn
pkg := "dyn"
foo contains x if { data[pkg]["foo"][x] }`,
  ];

  it("reports every rule on a cycle, with the cycle from that rule", () => {
    const parsed = modules.map((text, i) => {
      const r = parseModule(`m${i}.rego`, text);
      if (!r.ok) throw new Error(`parse m${i}: ${r.errors.map((e) => e.message).join("; ")}`);
      return r.value;
    });
    const r = check(parsed);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.every((e) => e.code === "rego_recursion_error")).toBe(true);
    const msg = (rule: string, ...loop: string[]) => `rule ${rule} is recursive: ${loop.join(" -> ")}`;
    expect(r.errors.map((e) => e.message).sort()).toEqual(
      [
        msg("s", "s", "t", "s"),
        msg("t", "t", "s", "t"),
        msg("a", "a", "b", "c", "e", "a"),
        msg("b", "b", "c", "e", "a", "b"),
        msg("c", "c", "e", "a", "b", "c"),
        msg("e", "e", "a", "b", "c", "e"),
        msg("p", "p", "q", "p"),
        msg("q", "q", "p", "q"),
        msg("acq", "acq", "acp", "acq"),
        msg("acp", "acp", "acq", "acp"),
        msg("np", "np", "nq", "np"),
        msg("nq", "nq", "np", "nq"),
        msg("prefix", "prefix", "prefix"),
        msg("dataref", "dataref", "dataref"),
        msg("else_self", "else_self", "else_self"),
        msg("elsetop", "elsetop", "elsemid", "elsebottom", "elsetop"),
        msg("elsemid", "elsemid", "elsebottom", "elsetop", "elsemid"),
        msg("elsebottom", "elsebottom", "elsetop", "elsemid", "elsebottom"),
        msg("fn", "fn", "fn"),
        msg("foo", "foo", "bar", "foo"),
        msg("bar", "bar", "foo", "bar"),
        msg("bar", "bar", "p", "foo", "bar"),
        msg("foo", "foo", "bar", "p", "foo"),
        msg("p", "p", "foo", "bar", "p"),
        msg("foo", "foo", "foo"),
      ].sort(),
    );
  });
});

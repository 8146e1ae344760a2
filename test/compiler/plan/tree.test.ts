import { describe, expect, it } from "vitest";
import { extendCtx, isMocked, rootCtx } from "../../../engine/compiler/plan/context.js";
import { plan } from "../../../engine/compiler/plan/index.js";
import { buildTree, lookup, nodeKind } from "../../../engine/compiler/plan/tree.js";
import { call, program, rule, v } from "./ast.js";

describe("rule tree", () => {
  it("hangs rules at the constant prefix of their refs and classifies nodes", () => {
    const prog = program({
      "a.b": [
        rule({ ref: "p", value: 1 }),
        rule({ ref: ["obj", v("x"), "c"], value: v("x") }),
        rule({ ref: ["obj", "d"], value: 2 }),
        rule({ kind: "partial-set", ref: "s", key: 1 }),
        rule({ kind: "partial-set", ref: ["objs", v("k")], key: 1 }),
        rule({ ref: "f", args: [v("y")], value: v("y") }),
      ],
    });
    const root = buildTree(prog.rules, prog.packages);
    expect(nodeKind(lookup(root, ["a", "b"])!)).toBe("none");
    expect(nodeKind(lookup(root, ["a", "b", "p"])!)).toBe("complete");
    expect(nodeKind(lookup(root, ["a", "b", "obj"])!)).toBe("object");
    expect(nodeKind(lookup(root, ["a", "b", "obj", "d"])!)).toBe("complete");
    expect(nodeKind(lookup(root, ["a", "b", "s"])!)).toBe("set");
    expect(nodeKind(lookup(root, ["a", "b", "objs"])!)).toBe("object");
    expect(nodeKind(lookup(root, ["a", "b", "f"])!)).toBe("function");
    expect(lookup(root, ["a", "b", "obj"])!.rules[0]!.rest.map((t) => t.type)).toEqual(["var", "string"]);
    expect(lookup(root, ["a", "x"])).toBeUndefined();
  });
});

describe("with contexts", () => {
  it("mocks a path and everything below it, and keys contexts by their mocks", () => {
    const ctx = extendCtx(rootCtx, { dataMock: ["a", "b"] });
    expect(isMocked(["a", "b"], ctx)).toBe(true);
    expect(isMocked(["a", "b", "c"], ctx)).toBe(true);
    expect(isMocked(["a"], ctx)).toBe(false);
    const f1 = extendCtx(extendCtx(rootCtx, { fn: ["count", { kind: "builtin", name: "sum" }] }), { fn: ["data.x.f", { kind: "func", path: ["x", "g"] }] });
    const f2 = extendCtx(extendCtx(rootCtx, { fn: ["data.x.f", { kind: "func", path: ["x", "g"] }] }), { fn: ["count", { kind: "builtin", name: "sum" }] });
    expect(f1.key).toBe(f2.key);
    expect(f1.key).not.toBe("");
    expect(extendCtx(f1, { clearFns: true }).key).toBe("");
  });
});

describe("plan errors", () => {
  it("reports an unknown function with the rule that calls it", () => {
    const r = plan(program({ test: [rule({ ref: "p", value: call("data.test.nope", 1) })] }), ["test/p"]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]).toMatchObject({ code: "rego_unsupported_error", message: "undefined function data.test.nope", rule: "test.p" });
    }
  });
});

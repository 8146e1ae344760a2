import { describe, expect, it } from "vitest";
import { evaluatePlan } from "../../../engine/compiler/ir/interp.js";
import type * as ir from "../../../engine/compiler/ir/ir.js";
import { compare, fromJSON, keyOf, RSet, toJSON } from "../../../engine/compiler/ir/values.js";

const L = (local: number): ir.Operand => ({ kind: "local", local });
const S = (index: number): ir.Operand => ({ kind: "string", index });

/** A policy with one plan "p" whose statements put the result in local 2. */
function run(stmts: ir.Stmt[], input?: unknown, data: unknown = {}, strings: string[] = ["result", "a", "b"]): unknown {
  const policy: ir.Policy = {
    strings,
    builtins: [],
    funcs: [],
    plans: [
      {
        name: "p",
        blocks: [
          {
            stmts: [
              ...stmts,
              { op: "MakeObject", target: 9 },
              { op: "ObjectInsert", key: S(0), value: L(2), object: 9 },
              { op: "ResultSetAdd", value: 9 },
            ],
          },
        ],
      },
    ],
  };
  const r = evaluatePlan(policy, "p", input, data);
  return (r[0] as { result?: unknown } | undefined)?.result;
}

describe("IR interpreter", () => {
  it("leaves only the innermost block on failure", () => {
    const r = run([
      { op: "MakeNumberInt", value: 1, target: 2 },
      { op: "Block", blocks: [{ stmts: [{ op: "Dot", source: L(0), key: S(1), target: 3 }, { op: "MakeNumberInt", value: 2, target: 2 }] }] },
    ], {});
    expect(r).toBe(1);
  });

  it("Break n leaves n+1 blocks, also out of a Scan", () => {
    const scanBody: ir.Block = {
      stmts: [
        { op: "AssignVar", source: L(5), target: 2 },
        { op: "Break", index: 1 },
      ],
    };
    const r = run([
      { op: "Block", blocks: [{ stmts: [{ op: "Scan", source: 0, key: 4, value: 5, block: scanBody }] }] },
    ], [7, 8, 9]);
    expect(r).toBe(7);
  });

  it("Not succeeds when its block fails and fails when it completes", () => {
    const not = (source: ir.Operand): ir.Stmt => ({ op: "Not", block: { stmts: [{ op: "Dot", source, key: S(1), target: 3 }] } });
    expect(run([not(L(0)), { op: "AssignVar", source: { kind: "bool", value: true }, target: 2 }], { b: 1 })).toBe(true);
    expect(run([not(L(0)), { op: "AssignVar", source: { kind: "bool", value: true }, target: 2 }], { a: 1 })).toBeUndefined();
  });

  it("With replaces a path in a copy and restores the local afterwards", () => {
    const r = run([
      { op: "MakeArray", capacity: 2, target: 2 },
      {
        op: "With",
        local: 0,
        path: [1, 2],
        value: { kind: "bool", value: true },
        block: { stmts: [{ op: "AssignVar", source: L(0), target: 6 }, { op: "ArrayAppend", value: L(6), array: 2 }] },
      },
      { op: "ArrayAppend", value: L(0), array: 2 },
    ], { a: { c: 1 } });
    expect(r).toEqual([{ a: { b: true, c: 1 } }, { a: { c: 1 } }]);
  });

  it("aborts with OPA's conflict messages", () => {
    expect(() =>
      run([
        { op: "AssignVarOnce", source: S(1), target: 2, conflict: "complete" },
        { op: "AssignVarOnce", source: S(1), target: 2, conflict: "complete" },
        { op: "AssignVarOnce", source: S(2), target: 2, conflict: "complete" },
      ]),
    ).toThrow("eval_conflict_error: complete rules must not produce multiple outputs");
  });
});

describe("Rego values", () => {
  it("compares by value and orders types as OPA does", () => {
    expect(keyOf(fromJSON({ a: [1, 2] }))).toBe(keyOf(fromJSON({ a: [1.0, 2] })));
    expect(keyOf(new RSet([1, 2]))).toBe(keyOf(new RSet([2, 1, 2])));
    const sorted = [new RSet([]), fromJSON({}), fromJSON([]), "s", 1, true, null].sort(compare);
    expect(sorted.map((v) => (v instanceof RSet ? "set" : JSON.stringify(toJSON(v))))).toEqual(["null", "true", "1", '"s"', "[]", "{}", "set"]);
  });
});

describe("IR interpreter: conflict wording", () => {
  /** A function at data.t.f assigning 1 then 2 once; the plan calls it with the given wording. */
  function conflicting(conflicts?: ir.ConflictWording, kind: ir.ConflictKind = "complete"): () => unknown {
    const f: ir.Func = {
      name: "f",
      params: [0, 1],
      return: 2,
      path: ["t", "f"],
      blocks: [
        {
          stmts: [
            { op: "MakeNumberInt", value: 1, target: 3 },
            { op: "MakeNumberInt", value: 2, target: 4 },
            { op: "AssignVarOnce", source: L(3), target: 2, conflict: kind },
            { op: "AssignVarOnce", source: L(4), target: 2, conflict: kind },
          ],
        },
      ],
    };
    const call: ir.Stmt = { op: "Call", func: "f", args: [L(0), L(1)], result: 5, ...(conflicts ? { conflicts } : {}) };
    const policy: ir.Policy = { strings: [], builtins: [], funcs: [f], plans: [{ name: "p", blocks: [{ stmts: [call] }] }] };
    return () => evaluatePlan(policy, "p", {}, {});
  }

  it("names the rule or function unless the call asks for the generic wording", () => {
    expect(conflicting()).toThrow("rule data.t.f produced conflicting values");
    expect(conflicting("named", "function")).toThrow("function data.t.f produced conflicting values for the same inputs");
    expect(conflicting("generic")).toThrow("complete rules must not produce multiple outputs");
    expect(conflicting("generic", "function")).toThrow("functions must not produce multiple outputs for same inputs");
    expect(conflicting("named", "object")).toThrow("object keys must be unique");
  });
});

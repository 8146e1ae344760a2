// The code generator's control flow, run against the fake runtime (values live in JS) so that each
// IR construct is checked on its own: failure, Break, Scan, Not, With, conflicts, calls, built-ins.

import { describe, expect, it } from "vitest";
import binaryen from "binaryen";
import type * as ir from "../../../engine/compiler/ir/ir.js";
import { emitWasm, emitWasmWithInfo } from "../../../engine/compiler/wasm/emit.js";
import { buildFakeRuntime, runFake } from "./fake-runtime.js";

const runtime = buildFakeRuntime();
const L = (local: number): ir.Operand => ({ kind: "local", local });
const S = (index: number): ir.Operand => ({ kind: "string", index });

/** A plan whose last block adds {"result": local} (strings[0] must be "result"). */
function resultOf(local: number, tmp = 99): ir.Stmt[] {
  return [
    { op: "MakeObject", target: tmp },
    { op: "ObjectInsert", key: S(0), value: L(local), object: tmp },
    { op: "ResultSetAdd", value: tmp },
  ];
}

function policy(p: Partial<ir.Policy> & { plans: ir.Plan[] }): ir.Policy {
  return { strings: ["result"], builtins: [], funcs: [], ...p };
}

function run(pol: ir.Policy, ctx: { input?: unknown; data?: unknown; entrypoint?: number } = {}, host = {}) {
  const wasm = emitWasm(pol, runtime, { validate: true });
  return runFake(wasm, { entrypoint: 0, ...ctx }, host).result;
}

describe("emitWasm against the fake runtime", () => {
  it("links a constant rule into a module that validates and returns its value", () => {
    const pol = policy({ plans: [{ name: "test/p", blocks: [{ stmts: [{ op: "MakeNumberInt", value: 7, target: 2 }, ...resultOf(2)] }] }] });
    const wasm = emitWasm(pol, runtime);
    const m = binaryen.readBinary(wasm);
    expect(m.validate()).toBeTruthy();
    const exports: string[] = [];
    for (let i = 0; i < m.getNumExports(); i++) exports.push(binaryen.getExportInfo(m.getExportByIndex(i)).name);
    m.dispose();
    expect(exports).toContain("eval");
    expect(exports).toContain("opa_eval");
    expect(exports).not.toContain("abi_eval");
    expect(exports).not.toContain("debug_heap_base");
    expect(run(pol)).toEqual([{ result: 7 }]);
  });

  it("reads input and fails the block when a lookup is undefined", () => {
    const pol = policy({
      strings: ["result", "x", "yes"],
      plans: [{
        name: "test/p",
        blocks: [{ stmts: [{ op: "Dot", source: L(0), key: S(1), target: 2 }, { op: "Equal", a: L(2), b: S(2) }, { op: "AssignVar", source: { kind: "bool", value: true }, target: 3 }, ...resultOf(3)] }],
      }],
    });
    expect(run(pol, { input: { x: "yes" } })).toEqual([{ result: true }]);
    expect(run(pol, { input: { x: "no" } })).toEqual([]);
    expect(run(pol, { input: { y: 1 } })).toEqual([]);
    expect(run(pol, {})).toEqual([]);
  });

  it("scans an array, with failures inside the body skipping only that element", () => {
    // p contains x + 1 if { some x in data.a; x != 2 }  — plus is native in the fake runtime.
    const pol = policy({
      strings: ["result", "a", "2"],
      builtins: [{ name: "plus", arity: 2 }],
      plans: [{
        name: "test/p",
        blocks: [{
          stmts: [
            { op: "MakeSet", target: 5 },
            { op: "MakeNumberInt", value: 1, target: 6 },
            { op: "MakeNumberRef", index: 2, target: 7 },
            { op: "Dot", source: L(1), key: S(1), target: 2 },
            { op: "Scan", source: 2, key: 3, value: 4, block: { stmts: [
              { op: "NotEqual", a: L(4), b: L(7) },
              { op: "Call", func: "plus", args: [L(4), L(6)], result: 8 },
              { op: "SetAdd", value: L(8), set: 5 },
            ] } },
            ...resultOf(5),
          ],
        }],
      }],
    });
    expect(run(pol, { data: { a: [1, 2, 3] } })).toEqual([{ result: [2, 4] }]);
    // A scalar or missing collection gives no iterations, not a crash.
    expect(run(pol, { data: { a: 5 } })).toEqual([{ result: [] }]);
  });

  it("Not succeeds when its block fails and fails when it completes", () => {
    const pol = policy({
      strings: ["result", "x"],
      plans: [{
        name: "test/p",
        blocks: [{ stmts: [
          { op: "Not", block: { stmts: [{ op: "Dot", source: L(0), key: S(1), target: 2 }] } },
          { op: "AssignVar", source: { kind: "bool", value: true }, target: 3 },
          ...resultOf(3),
        ] }],
      }],
    });
    expect(run(pol, { input: {} })).toEqual([{ result: true }]);
    expect(run(pol, { input: { x: false } })).toEqual([]);
  });

  it("Break n leaves n+1 blocks, and later blocks of a Block statement still run", () => {
    const pol = policy({
      plans: [{
        name: "test/p",
        blocks: [{ stmts: [
          { op: "MakeArray", capacity: 2, target: 2 },
          { op: "Block", blocks: [
            { stmts: [{ op: "Block", blocks: [{ stmts: [{ op: "Break", index: 1 }, { op: "ArrayAppend", value: { kind: "bool", value: false }, array: 2 }] }] }, { op: "ArrayAppend", value: { kind: "bool", value: false }, array: 2 }] },
            { stmts: [{ op: "ArrayAppend", value: { kind: "bool", value: true }, array: 2 }] },
          ] },
          ...resultOf(2),
        ] }],
      }],
    });
    expect(run(pol)).toEqual([{ result: [true] }]);
  });

  it("With replaces a path of input for its block only and restores it", () => {
    // f(input, data) = input.x; p = [f() with input.x as "w", input.x]
    const pol = policy({
      strings: ["result", "x", "w"],
      funcs: [{ name: "f", params: [0, 1], return: 2, blocks: [{ stmts: [{ op: "Dot", source: L(0), key: S(1), target: 3 }, { op: "AssignVar", source: L(3), target: 2 }] }] }],
      plans: [{
        name: "test/p",
        blocks: [{ stmts: [
          { op: "With", local: 0, path: [1], value: S(2), block: { stmts: [{ op: "Call", func: "f", args: [L(0), L(1)], result: 2 }] } },
          { op: "Dot", source: L(0), key: S(1), target: 3 },
          { op: "MakeArray", capacity: 2, target: 4 },
          { op: "ArrayAppend", value: L(2), array: 4 },
          { op: "ArrayAppend", value: L(3), array: 4 },
          ...resultOf(4),
        ] }],
      }],
    });
    expect(run(pol, { input: { x: "orig", y: 1 } })).toEqual([{ result: ["w", "orig"] }]);
  });

  it("a With whose block fails fails the statement", () => {
    const pol = policy({
      strings: ["result", "x", "w", "nope"],
      plans: [{
        name: "test/p",
        blocks: [{ stmts: [
          { op: "With", local: 0, path: [1], value: S(2), block: { stmts: [{ op: "Dot", source: L(0), key: S(1), target: 2 }, { op: "Equal", a: L(2), b: S(3) }] } },
          { op: "AssignVar", source: { kind: "bool", value: true }, target: 3 },
          ...resultOf(3),
        ] }],
      }],
    });
    expect(run(pol, { input: {} })).toEqual([]);
  });

  it("AssignVarOnce keeps an equal value and aborts on a different one", () => {
    const mk = (a: number, b: number) => policy({
      plans: [{
        name: "test/p",
        blocks: [
          { stmts: [{ op: "MakeNumberInt", value: a, target: 3 }, { op: "AssignVarOnce", source: L(3), target: 2, conflict: "complete" }] },
          { stmts: [{ op: "MakeNumberInt", value: b, target: 3 }, { op: "AssignVarOnce", source: L(3), target: 2, conflict: "complete" }] },
          { stmts: [...resultOf(2)] },
        ],
      }],
    });
    expect(run(mk(1, 1))).toEqual([{ result: 1 }]);
    expect(() => run(mk(1, 2))).toThrow(/eval_conflict_error: kind 0/);
  });

  it("ObjectInsertOnce aborts with the object-key kind", () => {
    const pol = policy({
      strings: ["result", "k"],
      plans: [{
        name: "test/p",
        blocks: [{ stmts: [
          { op: "MakeObject", target: 2 },
          { op: "ObjectInsertOnce", key: S(1), value: { kind: "bool", value: true }, object: 2, conflict: "object" },
          { op: "ObjectInsertOnce", key: S(1), value: { kind: "bool", value: true }, object: 2, conflict: "object" },
          { op: "ObjectInsertOnce", key: S(1), value: { kind: "bool", value: false }, object: 2, conflict: "object" },
        ] }],
      }],
    });
    expect(() => run(pol)).toThrow(/kind 2/);
  });

  it("delegates a built-in the runtime lacks to env.opa_builtinN and lists it in builtins()", () => {
    const pol = policy({
      strings: ["result", "abc"],
      builtins: [{ name: "upper", arity: 1 }, { name: "plus", arity: 2 }],
      plans: [{ name: "test/p", blocks: [{ stmts: [{ op: "Call", func: "upper", args: [S(1)], result: 2 }, ...resultOf(2)] }] }],
    });
    const { wasm, info } = emitWasmWithInfo(pol, runtime, { validate: true });
    expect(info.hostBuiltins).toEqual(["upper"]);
    expect(info.nativeBuiltins).toEqual(["plus"]);
    const { result, fake, exports } = runFake(wasm, { entrypoint: 0 }, { "0": (s: unknown) => String(s).toUpperCase() });
    expect(result).toEqual([{ result: "ABC" }]);
    expect(fake.builtinCalls).toEqual([[0, ["abc"]]]);
    const table = fake.val((exports.builtins as () => number)());
    expect(JSON.stringify([...(table as { obj: Map<string, unknown> }).obj.values()])).toBe(JSON.stringify([["upper", 0]]));
  });

  it("a call whose result is undefined fails the block", () => {
    const pol = policy({
      strings: ["result", "abc"],
      builtins: [{ name: "upper", arity: 1 }],
      plans: [{ name: "test/p", blocks: [{ stmts: [{ op: "Call", func: "upper", args: [S(1)], result: 2 }, ...resultOf(2)] }] }],
    });
    expect(run(pol, {}, { "0": () => undefined })).toEqual([]);
  });

  it("dispatches on the entrypoint id and names entrypoints in entrypoints()", () => {
    const plan = (name: string, v: number): ir.Plan => ({ name, blocks: [{ stmts: [{ op: "MakeNumberInt", value: v, target: 2 }, ...resultOf(2)] }] });
    const pol = policy({ plans: [plan("a/p", 1), plan("a/q", 2)] });
    expect(run(pol, { entrypoint: 0 })).toEqual([{ result: 1 }]);
    expect(run(pol, { entrypoint: 1 })).toEqual([{ result: 2 }]);
    expect(run(pol, { entrypoint: 7 })).toEqual([]);
  });

  it("functions return undefined when the return local is never set, and ReturnLocal returns early", () => {
    const pol = policy({
      strings: ["result"],
      funcs: [
        { name: "undef", params: [0, 1], return: 2, blocks: [] },
        { name: "early", params: [0, 1], return: 2, blocks: [{ stmts: [{ op: "MakeNumberInt", value: 5, target: 3 }, { op: "ReturnLocal", source: 3 }] }, { stmts: [{ op: "MakeNumberInt", value: 6, target: 2 }] }] },
      ],
      plans: [{ name: "t/p", blocks: [
        { stmts: [{ op: "Call", func: "undef", args: [L(0), L(1)], result: 2 }, ...resultOf(2)] },
        { stmts: [{ op: "Call", func: "early", args: [L(0), L(1)], result: 2 }, ...resultOf(2)] },
      ] }],
    });
    expect(run(pol)).toEqual([{ result: 5 }]);
  });

  it("rejects a native built-in called with another arity than the runtime's", () => {
    const pol = policy({ builtins: [{ name: "plus", arity: 3 }], plans: [{ name: "t/p", blocks: [] }] });
    expect(() => emitWasm(pol, runtime)).toThrow(/plus is called with 3 arguments; the runtime's builtin_plus takes 2/);
  });

  it("rejects IR that breaks out of more blocks than enclose it", () => {
    const pol = policy({ plans: [{ name: "t/p", blocks: [{ stmts: [{ op: "Break", index: 1 }] }] }] });
    expect(() => emitWasm(pol, runtime)).toThrow(/Break 1/);
  });

  it("optimisation keeps behaviour", () => {
    const pol = policy({
      strings: ["result", "x"],
      plans: [{ name: "t/p", blocks: [{ stmts: [{ op: "Dot", source: L(0), key: S(1), target: 2 }, ...resultOf(2)] }] }],
    });
    const wasm = emitWasm(pol, runtime, { optimize: true, validate: true });
    expect(runFake(wasm, { entrypoint: 0, input: { x: [1] } }).result).toEqual([{ result: [1] }]);
  });
});

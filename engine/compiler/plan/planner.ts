// The planner: lowers a checked Rego program to the IR of engine/compiler/ir/ir.ts.
//
// Bodies are planned in continuation-passing style, as OPA's planner does: planning an expression
// emits its statements and then calls the continuation *inside* whatever iteration the expression
// opened (a Scan over `xs[i]`), so the rest of the body runs once per solution. A failing statement
// leaves the innermost block, which is how a body "fails" for one solution.
//
// Each rule node of the virtual-document tree (tree.ts) becomes one IR function returning the
// node's value; user functions become IR functions with extra parameters. `with` on rules and
// functions is handled by planning copies of the affected functions under a mock context (Ctx).

import type { CheckedProgram } from "../check/program.js";
import type { CompileError, Result } from "../errors.js";
import type * as ir from "../ir/ir.js";
import { builtinArity } from "./arity.js";
import { BodyPlanner } from "./body.js";
import { FuncBuilder } from "./builder.js";
import { CACHE, withCache } from "./cache.js";
import { rootCtx, type Ctx } from "./context.js";
import { RulePlanner } from "./rules.js";
import { buildTree, type DocNode } from "./tree.js";
import { PlanError, type Operand } from "./util.js";

export function plan(program: CheckedProgram, entrypoints: string[]): Result<ir.Policy> {
  try {
    return { ok: true, value: new Planner(program).run(entrypoints) };
  } catch (e) {
    if (e instanceof PlanError) {
      const err: CompileError = { code: "rego_unsupported_error", message: e.message, location: e.location };
      if (e.rule !== undefined) err.rule = e.rule;
      return { ok: false, errors: [err] };
    }
    throw e;
  }
}

export class Planner {
  private readonly root: DocNode;
  private readonly strings: string[] = [];
  private readonly stringIndex = new Map<string, number>();
  private readonly builtins = new Map<string, number>();
  private readonly funcs: ir.Func[] = [];
  /** ctx key + node path → function name (planned or being planned). */
  private readonly funcNames = new Map<string, string>();
  private mockCounter = 0;

  constructor(private readonly program: CheckedProgram) {
    this.root = buildTree(program.rules, program.packages);
  }

  run(entrypoints: string[]): ir.Policy {
    const plans: ir.Plan[] = [];
    for (const ep of entrypoints) {
      const path = ep.split("/").filter((s) => s.length > 0);
      const b = new BodyPlanner(this, new FuncBuilder(CACHE + 1), rootCtx);
      const top = b.fb.block(() => {
        b.fb.emit({ op: "MakeObject", target: CACHE });
        b.planDataPath(path, (v) => {
          const r = b.fb.newLocal();
          b.fb.emit({ op: "MakeObject", target: r });
          b.fb.emit({ op: "ObjectInsert", key: this.str("result"), value: v, object: r });
          b.fb.emit({ op: "ResultSetAdd", value: r });
        });
      });
      plans.push({ name: path.join("/"), blocks: [top] });
    }
    const builtins = [...this.builtins].map(([name, arity]) => ({ name, arity }));
    return { strings: this.strings, builtins, plans, funcs: this.funcs };
  }

  str(s: string): Operand {
    return { kind: "string", index: this.strIndex(s) };
  }

  strIndex(s: string): number {
    let i = this.stringIndex.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.stringIndex.set(s, i);
    }
    return i;
  }

  useBuiltin(name: string, arity: number): void {
    this.builtins.set(name, arity);
  }

  arity(name: string): number | undefined {
    return builtinArity(name, this.program.builtins);
  }

  isBuiltin(name: string): boolean {
    return this.arity(name) !== undefined;
  }

  get tree(): DocNode {
    return this.root;
  }

  nextMockKey(): string {
    return `__mock${this.mockCounter++}__`;
  }

  /** Name of the function computing the value of a rule node (or a user function) under ctx. */
  ruleFunc(node: DocNode, ctx: Ctx): string {
    const memo = `${ctx.key}|${node.path.join("\u0000")}`;
    const known = this.funcNames.get(memo);
    if (known) return known;
    const name = `g0.data.${node.path.join(".")}${ctx.key ? `#${this.funcNames.size}` : ""}`;
    this.funcNames.set(memo, name);
    try {
      this.funcs.push(new RulePlanner(this, node, ctx).planFunc(name));
    } catch (e) {
      // Name the innermost rule being planned in the error, as the other stages do.
      if (e instanceof PlanError && e.rule === undefined) e.rule = node.path.join(".");
      throw e;
    }
    return name;
  }

  /** Name of the function building the object of everything below a prefix node (no base data). */
  virtualFunc(node: DocNode, ctx: Ctx): string {
    const memo = `${ctx.key}|virtual|${node.path.join("\u0000")}`;
    const known = this.funcNames.get(memo);
    if (known) return known;
    const name = `g0.virtual.data${node.path.map((p) => "." + p).join("")}${ctx.key ? `#${this.funcNames.size}` : ""}`;
    this.funcNames.set(memo, name);
    const fb = new FuncBuilder(CACHE + 1);
    const b = new BodyPlanner(this, fb, ctx);
    const ret = fb.newLocal();
    const top = fb.block(() => {
      fb.emit({ op: "MakeObject", target: ret });
      b.insertChildren(node, ret);
    });
    const blocks = withCache(this, fb, name, ret, [top]);
    this.funcs.push({ name, params: [0, 1, CACHE], return: ret, blocks, path: node.path });
    return name;
  }
}


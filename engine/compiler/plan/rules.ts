// Plans the IR function of one rule node: complete rules (default, else chains, conflicts),
// partial sets and objects, rules with ref heads (objects built along the ref), and functions.

import type * as ir from "../ir/ir.js";
import type { Rule } from "../syntax/ast.js";
import { isGround } from "../syntax/terms.js";
import { BodyPlanner } from "./body.js";
import { FuncBuilder } from "./builder.js";
import { CACHE, withCache } from "./cache.js";
import type { Ctx } from "./context.js";
import type { Planner } from "./planner.js";
import { nodeKind, type DocNode, type PlacedRule } from "./tree.js";
import { trueTerm, type Cont, type Local, type Operand } from "./util.js";

/** Plans the IR function of one rule node (complete, partial set/object, ref heads, functions). */
export class RulePlanner {
  constructor(
    private readonly p: Planner,
    private readonly node: DocNode,
    private readonly ctx: Ctx,
  ) {}

  planFunc(name: string): ir.Func {
    const node = this.node;
    const kind = nodeKind(node);
    const nargs = kind === "function" ? (node.rules[0]!.rule.head.args?.length ?? 0) : 0;
    const params = Array.from({ length: CACHE + 1 + nargs }, (_, i) => i);
    const fb = new FuncBuilder(params.length);
    const ret = fb.newLocal();
    const blocks: ir.Block[] = [];
    const fresh = () => new BodyPlanner(this.p, fb, this.ctx);

    blocks.push(
      fb.block(() => {
        fb.emit({ op: "ResetLocal", target: ret });
        if (kind === "set") fb.emit({ op: "MakeSet", target: ret });
        if (kind === "object") fb.emit({ op: "MakeObject", target: ret });
      }),
    );
    const defaults: PlacedRule[] = [];
    for (const pr of node.rules) {
      if (pr.rule.isDefault) {
        defaults.push(pr);
        continue;
      }
      blocks.push(fb.block(() => this.planChain(fresh(), fb, pr, kind, ret, params.slice(CACHE + 1))));
    }
    if (kind === "object") {
      blocks.push(fb.block(() => fresh().insertChildren(node, ret)));
    }
    for (const d of defaults) {
      blocks.push(
        fb.block(() => {
          fb.emit({ op: "IsUndefined", source: ret });
          const b = fresh();
          const value = d.rule.head.value ?? trueTerm(d.rule.loc);
          const run = () =>
            b.planTerm(value, (v) => {
              fb.emit({ op: "AssignVar", source: v, target: ret });
            });
          if (kind === "function") this.bindArgs(b, d.rule, params.slice(CACHE + 1), run);
          else run();
        }),
      );
    }
    if (kind === "function") {
      blocks.push(fb.block(() => fb.emit({ op: "ReturnLocal", source: ret })));
      return { name, params, return: ret, blocks, path: node.path };
    }
    // Rules (not functions) depend only on input and data: cache their value per evaluation.
    return { name, params, return: ret, blocks: withCache(this.p, fb, name, ret, blocks), path: node.path };
  }

  private bindArgs(b: BodyPlanner, rule: Rule, argLocals: Local[], k: Cont): void {
    const args = rule.head.args ?? [];
    const step = (i: number): void => {
      if (i >= args.length) return k();
      b.unifyValue(args[i]!, { kind: "local", local: argLocals[i]! }, () => step(i + 1));
    };
    step(0);
  }

  /** One rule with its else chain: the first alternative with a solution gives the value. */
  private planChain(b: BodyPlanner, fb: FuncBuilder, pr: PlacedRule, kind: string, ret: Local, argLocals: Local[]): void {
    const conflict: ir.ConflictKind = kind === "function" ? "function" : "complete";
    if (!pr.rule.else) {
      return this.planAlternative(b, pr.rule, pr, kind, argLocals, (v) => {
        if (kind === "set") fb.emit({ op: "SetAdd", value: v, set: ret });
        else if (kind === "object") this.insertRefHead(b, fb, pr, ret, v);
        else fb.emit({ op: "AssignVarOnce", source: v, target: ret, conflict });
      });
    }
    // OPA: the first alternative with any solution gives the value; all of its solutions must
    // agree (an else alternative that iterates to different values is a conflict).
    const chainRes = fb.newLocal();
    fb.emit({ op: "ResetLocal", target: chainRes });
    const alts: ir.Block[] = [];
    for (let r: Rule | null = pr.rule; r; r = r.else) {
      const alt = r;
      const scope = new BodyPlanner(this.p, fb, this.ctx);
      alts.push(
        fb.block(() => {
          fb.emit({ op: "IsUndefined", source: chainRes });
          this.planAlternative(scope, alt, pr, kind, argLocals, (v) => {
            fb.emit({ op: "AssignVarOnce", source: v, target: chainRes, conflict });
          });
        }),
      );
    }
    fb.emit({ op: "Block", blocks: alts });
    fb.emit({ op: "IsDefined", source: chainRes });
    fb.emit({ op: "AssignVarOnce", source: { kind: "local", local: chainRes }, target: ret, conflict });
  }

  /** Plans one body (after binding function args) and hands the head value to `k`. */
  private planAlternative(
    b: BodyPlanner,
    rule: Rule,
    pr: PlacedRule,
    kind: string,
    argLocals: Local[],
    k: (v: Operand) => void,
  ): void {
    // OPA evaluates a complete rule with a constant value with early exit (the first solution
    // decides); conflicts it meets on the way are worded generically (ir.ConflictWording).
    const value = rule.head.value ?? pr.rule.head.value;
    b.earlyExit = kind === "complete" && (value === undefined || value === null || isGround(value));
    const afterArgs = () =>
      b.planBody(rule.body, () => {
        if (kind === "set" || pr.rule.kind === "partial-set") return b.planTerm(rule.head.key ?? pr.rule.head.key!, k);
        const value = rule.head.value ?? pr.rule.head.value ?? trueTerm(rule.loc);
        if (kind === "object") {
          // Keys are planned by insertRefHead; plan the value here.
          return b.planTerm(value, k);
        }
        b.planTerm(value, k);
      });
    // Else alternatives share the parameters of the rule that starts the chain.
    if (kind === "function") this.bindArgs(b, pr.rule, argLocals, afterArgs);
    else afterArgs();
  }

  /** obj[k1][k2]…[kn] := v for a rule `a.b[k1]…[kn] := v` hanging at a.b. */
  private insertRefHead(b: BodyPlanner, fb: FuncBuilder, pr: PlacedRule, ret: Local, v: Operand): void {
    const keys = pr.rest;
    if (keys.length === 0) {
      // A complete rule at an object node (e.g. `b["d"] := 1` next to `b[x] := …`) cannot happen:
      // such rules hang at their own node. Treat as a conflict-checked assignment.
      fb.emit({ op: "AssignVarOnce", source: v, target: ret, conflict: "complete" });
      return;
    }
    const conflict: ir.ConflictKind = pr.rule.kind === "partial-object" ? "object" : "complete";
    const leafSet = pr.rule.kind === "partial-set";
    b.planTerms(keys, (ops) => {
      let cur = ret;
      // Walk (creating) objects down to the last key; partial sets also create the leaf set.
      for (let j = 0; j < (leafSet ? ops.length : ops.length - 1); j++) {
        const last = j === ops.length - 1;
        const t = fb.newLocal();
        fb.emit({ op: "ResetLocal", target: t });
        fb.group(() => fb.emit({ op: "Dot", source: { kind: "local", local: cur }, key: ops[j]!, target: t }));
        fb.group(() => {
          fb.emit({ op: "IsUndefined", source: t });
          fb.emit(last ? { op: "MakeSet", target: t } : { op: "MakeObject", target: t });
          fb.emit({ op: "ObjectInsert", key: ops[j]!, value: { kind: "local", local: t }, object: cur });
        });
        cur = t;
      }
      if (leafSet) fb.emit({ op: "SetAdd", value: v, set: cur });
      else fb.emit({ op: "ObjectInsertOnce", key: ops[ops.length - 1]!, value: v, object: cur, conflict });
    });
  }
}


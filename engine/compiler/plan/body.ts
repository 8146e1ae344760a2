// Plans bodies, expressions, terms, references, unification, calls and `with` into the builder
// of one function, in continuation-passing style (see planner.ts).

import type * as ir from "../ir/ir.js";
import type { Body, CallTerm, Expr, Location, Term, VarTerm } from "../syntax/ast.js";
import { constKey } from "../syntax/terms.js";
import type { FuncBuilder } from "./builder.js";
import { CACHE } from "./cache.js";
import { extendCtx, isMocked, type Ctx, type Mock } from "./context.js";
import type { Planner } from "./planner.js";
import { lookup, nodeKind, type DocNode } from "./tree.js";
import { nowhere, PlanError, refName, refNameOrNull, type Cont, type Local, type Operand } from "./util.js";

/** Plans bodies and terms into one function's builder. */
export class BodyPlanner {
  /** Rego variable → local holding its value (absent: unbound). */
  vars = new Map<string, Local>();
  input: Local = 0;
  data: Local = 1;
  /** The per-evaluation cache of rule values (see RulePlanner); a `with` scope gets its own. */
  cache: Local = CACHE;
  /**
   * Whether this body belongs to a complete rule with a constant value, which OPA evaluates with
   * early exit; conflicts of rules and functions it reaches are then worded generically (see
   * ir.ConflictWording).
   */
  earlyExit = false;

  constructor(
    readonly p: Planner,
    readonly fb: FuncBuilder,
    public ctx: Ctx,
  ) {}

  private emit(s: ir.Stmt): void {
    this.fb.emit(s);
  }

  /** The leading arguments of every planned function: input, data and the rule-value cache. */
  docArgs(): Operand[] {
    return [
      { kind: "local", local: this.input },
      { kind: "local", local: this.data },
      { kind: "local", local: this.cache },
    ];
  }

  private fail(): void {
    this.emit({ op: "Equal", a: { kind: "bool", value: true }, b: { kind: "bool", value: false } });
  }

  private local(op: Operand): Local {
    if (op.kind === "local") return op.local;
    const l = this.fb.newLocal();
    this.emit({ op: "AssignVar", source: op, target: l });
    return l;
  }

  private int(n: number): Operand {
    const l = this.fb.newLocal();
    this.emit({ op: "MakeNumberInt", value: n, target: l });
    return { kind: "local", local: l };
  }

  // ------------------------------------------------------------------------------------------
  // Variables

  isUnbound(t: Term): t is VarTerm {
    return t.type === "var" && !this.vars.has(t.name) && t.name !== "input" && t.name !== "data";
  }

  /** True if unifying with t can bind variables (an unbound var at a pattern position). */
  hasPatternVars(t: Term): boolean {
    switch (t.type) {
      case "var":
        return this.isUnbound(t);
      case "array":
        return t.items.some((i) => this.hasPatternVars(i));
      case "object":
        return t.items.some(([, v]) => this.hasPatternVars(v));
      default:
        return false;
    }
  }

  private bindVar(v: VarTerm, op: Operand, k: Cont): void {
    if (v.name.startsWith("$wildcard") || v.name === "_") return k();
    const bound = this.vars.get(v.name);
    if (bound !== undefined) {
      this.emit({ op: "Equal", a: { kind: "local", local: bound }, b: op });
      return k();
    }
    let l: Local;
    // Alias the local unless it is input/data, which a `with` may replace in place.
    if (op.kind === "local" && op.local !== this.input && op.local !== this.data) l = op.local;
    else {
      l = this.fb.newLocal();
      this.emit({ op: "AssignVar", source: op, target: l });
    }
    this.vars.set(v.name, l);
    k();
  }

  /** Plans a closure (not, every, comprehension body): its bindings do not leak out. */
  scoped(fn: () => void): void {
    const saved = new Map(this.vars);
    try {
      fn();
    } finally {
      this.vars = saved;
    }
  }

  // ------------------------------------------------------------------------------------------
  // Bodies and expressions

  planBody(body: Body, k: Cont, i = 0): void {
    if (i >= body.length) return k();
    this.planExpr(body[i]!, () => this.planBody(body, k, i + 1));
  }

  planExpr(e: Expr, k: Cont): void {
    if (e.with.length > 0) return this.planWith(e, 0, k);
    this.planExprNoWith(e, k);
  }

  private planExprNoWith(e: Expr, k: Cont): void {
    if (e.negated) {
      const blk = this.fb.block(() => this.scoped(() => this.planExprNode(e, () => {})));
      this.emit({ op: "Not", block: blk });
      return k();
    }
    this.planExprNode(e, k);
  }

  private planExprNode(e: Expr, k: Cont): void {
    const n = e.node;
    switch (n.type) {
      case "some-decl":
        return k();
      case "some-in":
        return this.planTerm(n.collection, (coll) => {
          const src = this.local(coll);
          const key = this.fb.newLocal();
          const val = this.fb.newLocal();
          const blk = this.fb.block(() =>
            this.unifyValue(n.value, { kind: "local", local: val }, () =>
              n.key ? this.unifyValue(n.key, { kind: "local", local: key }, k) : k(),
            ),
          );
          this.emit({ op: "Scan", source: src, key, value: val, block: blk });
        });
      case "every":
        return this.planTerm(n.domain, (dom) => {
          const src = this.local(dom);
          const key = this.fb.newLocal();
          const val = this.fb.newLocal();
          const counter = this.fb.newLocal();
          this.emit({ op: "ResetLocal", target: counter });
          const blk = this.fb.block(() => {
            if (n.key) this.vars.set(n.key.name, key);
            this.vars.set(n.value.name, val);
            const inner = this.fb.block(() => this.scoped(() => this.planBody(n.body, () => {})));
            this.emit({ op: "Not", block: inner });
            this.emit({ op: "AssignVar", source: { kind: "bool", value: true }, target: counter });
          });
          this.emit({ op: "Scan", source: src, key, value: val, block: blk });
          this.emit({ op: "IsUndefined", source: counter });
          k();
        });
      case "term": {
        const t = n.term;
        if (t.type === "call") return this.planCallExpr(t, k);
        return this.planTerm(t, (v) => {
          this.truthy(v);
          k();
        });
      }
    }
  }

  /** The expression value must be defined (it is, once planned) and not false. */
  private truthy(v: Operand): void {
    if (v.kind === "bool") {
      if (!v.value) this.fail();
      return;
    }
    this.emit({ op: "NotEqual", a: v, b: { kind: "bool", value: false } });
  }

  // ------------------------------------------------------------------------------------------
  // with

  private planWith(e: Expr, i: number, k: Cont): void {
    if (i >= e.with.length) return this.planExprNoWith(e, k);
    const w = e.with[i]!;
    const target = w.target.terms;
    const head = target[0];
    const next = (kk: Cont) => this.planWith(e, i + 1, kk);
    if (head?.type === "var" && head.name === "input") {
      const path = this.constPath(target.slice(1), w.loc);
      return this.planTerm(w.value, (v) => this.replaceDoc("input", path, v, next, k));
    }
    if (head?.type === "var" && head.name === "data") {
      const path = this.constPath(target.slice(1), w.loc);
      const node = lookup(this.p.tree, path);
      if (node && nodeKind(node) === "function") {
        return this.withFnMock("data." + path.join("."), w.value, next, k);
      }
      // A path at or below the rule tree: rules there are replaced by the value written to data.
      const touchesRules = node !== undefined || this.ruleNodeAbove(path) !== undefined;
      return this.planTerm(w.value, (v) => {
        const saved = this.ctx;
        const mocked = touchesRules ? extendCtx(this.ctx, { dataMock: path }) : saved;
        this.ctx = mocked;
        this.replaceDoc("data", path, v, next, () => {
          this.ctx = saved;
          k();
          this.ctx = mocked;
        });
        this.ctx = saved;
      });
    }
    // A built-in (or a function named other than by data…): mock the callee.
    return this.withFnMock(refName(w.target), w.value, next, k);
  }

  private ruleNodeAbove(path: string[]): DocNode | undefined {
    let n: DocNode | undefined = this.p.tree;
    for (const seg of path) {
      n = n.children.get(seg);
      if (!n) return undefined;
      if (n.rules.length > 0) return n;
    }
    return undefined;
  }

  /** Plans `inner` with the callee `name` replaced, and its continuation without. */
  private withFnMock(name: string, value: Term, inner: (kk: Cont) => void, k: Cont): void {
    const saved = this.ctx;
    const under = (mock: Mock, run: (kk: Cont) => void) => {
      const mocked = extendCtx(this.ctx, { fn: [name, mock] });
      this.ctx = mocked;
      run(() => {
        this.ctx = saved;
        k();
        this.ctx = mocked;
      });
      this.ctx = saved;
    };
    const fnPath = this.functionPath(value);
    if (fnPath) return under({ kind: "func", path: fnPath }, inner);
    const bname = value.type === "var" || value.type === "ref" ? refNameOrNull(value) : null;
    if (bname && this.p.isBuiltin(bname) && !(value.type === "var" && this.vars.has(value.name))) {
      return under({ kind: "builtin", name: bname }, inner);
    }
    // A value: store it in data under a reserved key so that every called copy reads it.
    const key = this.p.nextMockKey();
    this.planTerm(value, (v) => under({ kind: "data", key }, (kk) => this.replaceDoc("data", [key], v, inner, kk)));
  }

  private functionPath(value: Term): string[] | null {
    if (value.type !== "ref") return null;
    const h = value.terms[0];
    if (h?.type !== "var" || h.name !== "data") return null;
    const path: string[] = [];
    for (const t of value.terms.slice(1)) {
      if (t.type !== "string") return null;
      path.push(t.value);
    }
    const node = lookup(this.p.tree, path);
    return node && nodeKind(node) === "function" ? path : null;
  }

  /**
   * Plans `inner` with input or data replaced by a copy that holds v at path; the continuation
   * it is given (the rest of the body, k) sees the original document again.
   */
  private replaceDoc(which: "input" | "data", path: string[], v: Operand, inner: (kk: Cont) => void, k: Cont): void {
    const current = which === "input" ? this.input : this.data;
    const outerCache = this.cache;
    const innerCache = this.fb.newLocal();
    // Rule values computed under the replaced document must not be mixed with the others.
    this.emit({ op: "MakeObject", target: innerCache });
    const set = (l: Local) => {
      if (which === "input") this.input = l;
      else this.data = l;
    };
    if (path.length === 0) {
      const l = this.local(v);
      const swap = (doc: Local, cache: Local) => {
        set(doc);
        this.cache = cache;
      };
      swap(l, innerCache);
      inner(() => {
        swap(current, outerCache);
        k();
        swap(l, innerCache);
      });
      swap(current, outerCache);
      return;
    }
    // With replaces the local in place for its block; the continuation runs inside the block
    // too (it must, to see the bindings of every solution), so it reads a saved copy instead.
    const saved = this.fb.newLocal();
    this.emit({ op: "AssignVar", source: { kind: "local", local: current }, target: saved });
    this.cache = innerCache;
    const blk = this.fb.block(() =>
      inner(() => {
        set(saved);
        this.cache = outerCache;
        k();
        set(current);
        this.cache = innerCache;
      }),
    );
    this.cache = outerCache;
    this.emit({ op: "With", local: current, path: path.map((s) => this.p.strIndex(s)), value: v, block: blk });
  }

  private constPath(terms: Term[], loc: Location): string[] {
    return terms.map((t) => {
      if (t.type !== "string") throw new PlanError("with: target path must be constant", loc);
      return t.value;
    });
  }

  // ------------------------------------------------------------------------------------------
  // Calls

  private planCallExpr(c: CallTerm, k: Cont): void {
    const name = refName(c.operator);
    const args = c.args;
    switch (name) {
      case "eq":
      case "assign":
        return this.unify(args[0]!, args[1]!, k);
      case "internal.member_2":
      case "internal.member_3":
        return this.planMember(c, (found) => {
          this.emit({ op: "IsDefined", source: found });
          k();
        });
      case "print":
        return this.planPrint(c, k);
    }
    this.planCall(c, true, () => k());
  }

  /**
   * `print(a, b)` as OPA lowers it: internal.print([{values of a}, {values of b}]), each set
   * collecting every value of its argument (empty when undefined, printed as <undefined>).
   * Printing never fails the body.
   */
  private planPrint(c: CallTerm, k: Cont): void {
    const groups = this.fb.newLocal();
    this.emit({ op: "MakeArray", capacity: c.args.length, target: groups });
    for (const a of c.args) {
      const set = this.fb.newLocal();
      this.emit({ op: "MakeSet", target: set });
      this.fb.group(() => this.scoped(() => this.planTerm(a, (v) => this.emit({ op: "SetAdd", value: v, set }))));
      this.emit({ op: "ArrayAppend", value: { kind: "local", local: set }, array: groups });
    }
    this.p.useBuiltin("internal.print", 1);
    this.fb.group(() => {
      const r = this.fb.newLocal();
      this.emit({ op: "Call", func: "internal.print", args: [{ kind: "local", local: groups }], result: r });
    });
    k();
  }

  /** `x in xs` / `k, v in xs`: found := true if a member matches, else undefined. */
  private planMember(c: CallTerm, k: (found: Local) => void): void {
    const two = refName(c.operator) === "internal.member_2";
    const coll = two ? c.args[1]! : c.args[2]!;
    const terms = two ? [c.args[0]!] : [c.args[0]!, c.args[1]!];
    this.planTerms([...terms, coll], (ops) => {
      const found = this.fb.newLocal();
      this.emit({ op: "ResetLocal", target: found });
      const src = this.local(ops[ops.length - 1]!);
      if (two) {
        const key = this.fb.newLocal();
        const val = this.fb.newLocal();
        // Sets answer membership by lookup; arrays and objects (values) are scanned.
        const isSet = this.fb.newLocal();
        this.emit({ op: "ResetLocal", target: isSet });
        this.fb.group(() => {
          this.emit({ op: "IsSet", source: { kind: "local", local: src } });
          this.emit({ op: "AssignVar", source: { kind: "bool", value: true }, target: isSet });
          const t = this.fb.newLocal();
          this.emit({ op: "Dot", source: { kind: "local", local: src }, key: ops[0]!, target: t });
          this.emit({ op: "AssignVar", source: { kind: "bool", value: true }, target: found });
        });
        this.fb.group(() => {
          this.emit({ op: "IsUndefined", source: isSet });
          const groupDepth = this.fb.depth;
          const blk = this.fb.block(() => {
            this.emit({ op: "Equal", a: { kind: "local", local: val }, b: ops[0]! });
            this.emit({ op: "AssignVar", source: { kind: "bool", value: true }, target: found });
            this.emit(this.fb.breakTo(groupDepth));
          });
          this.emit({ op: "Scan", source: src, key, value: val, block: blk });
        });
      } else {
        this.fb.group(() => {
          const t = this.fb.newLocal();
          this.emit({ op: "Dot", source: { kind: "local", local: src }, key: ops[0]!, target: t });
          this.emit({ op: "Equal", a: { kind: "local", local: t }, b: ops[1]! });
          this.emit({ op: "AssignVar", source: { kind: "bool", value: true }, target: found });
        });
      }
      k(found);
    });
  }

  /**
   * Plans a call of a user function or built-in. In statement position the result must not be
   * false; an extra last argument is an output unified with the result.
   */
  planCall(c: CallTerm, stmt: boolean, k: (result: Operand) => void): void {
    const name = refName(c.operator);
    const mock = this.ctx.fnMocks.get(name);
    let target: { kind: "func"; path: string[] } | { kind: "builtin"; name: string } | { kind: "data"; key: string };
    if (mock) target = mock;
    else if (name.startsWith("data.")) target = { kind: "func", path: name.slice(5).split(".") };
    else target = { kind: "builtin", name };

    let arity: number;
    if (target.kind === "func") {
      const node = lookup(this.p.tree, target.path);
      if (!node || nodeKind(node) !== "function") throw new PlanError(`undefined function ${name}`, c.loc);
      arity = node.rules[0]!.rule.head.args?.length ?? 0;
    } else if (target.kind === "builtin") {
      arity = this.p.arity(target.name) ?? c.args.length;
    } else {
      arity = this.p.arity(name) ?? this.userArity(name) ?? c.args.length;
    }
    const inputs = c.args.slice(0, arity);
    const out = c.args.length > arity ? c.args[arity]! : null;
    const relation = target.kind === "builtin" && target.name === "walk";

    this.planTerms(inputs, (ops) => {
      const r = this.fb.newLocal();
      if (target.kind === "func") {
        const node = lookup(this.p.tree, target.path)!;
        // A replacement function runs without the function mocks that selected it (OPA: a mock
        // calling the original gets the original; mocks do not call other mocks).
        const ctx = mock ? extendCtx(this.ctx, { clearFns: true }) : this.ctx;
        const fname = this.p.ruleFunc(node, ctx);
        const args: Operand[] = [...this.docArgs(), ...ops];
        const used = !stmt || out !== null;
        this.emit({ op: "Call", func: fname, args, result: r, conflicts: this.earlyExit && used ? "generic" : "named" });
      } else if (target.kind === "builtin") {
        this.p.useBuiltin(target.name, arity);
        this.emit({ op: "Call", func: target.name, args: ops, result: r });
      } else {
        this.emit({ op: "Dot", source: { kind: "local", local: this.data }, key: this.p.str(target.key), target: r });
      }
      const res: Operand = { kind: "local", local: r };
      if (relation) {
        // walk(x, out) enumerates [path, value] pairs.
        const key = this.fb.newLocal();
        const val = this.fb.newLocal();
        const blk = this.fb.block(() => {
          const v: Operand = { kind: "local", local: val };
          if (out) this.unifyValue(out, v, () => k(v));
          else k(v);
        });
        this.emit({ op: "Scan", source: r, key, value: val, block: blk });
        return;
      }
      if (out) return this.unifyValue(out, res, () => k(res));
      if (stmt) this.truthy(res);
      k(res);
    });
  }

  private userArity(name: string): number | undefined {
    if (!name.startsWith("data.")) return undefined;
    const node = lookup(this.p.tree, name.slice(5).split("."));
    return node?.rules[0]?.rule.head.args?.length;
  }

  /** Plans terms left to right, except that terms that are bare unbound vars go last (refs in
   *  other terms may bind them, as in `x == input.xs[x]`). */
  planTerms(terms: Term[], k: (ops: Operand[]) => void): void {
    const order = terms.map((_, i) => i);
    order.sort((a, b) => Number(this.isUnbound(terms[a]!)) - Number(this.isUnbound(terms[b]!)));
    const ops: Operand[] = new Array(terms.length);
    const step = (j: number): void => {
      if (j >= order.length) return k(ops);
      const idx = order[j]!;
      this.planTerm(terms[idx]!, (op) => {
        ops[idx] = op;
        step(j + 1);
      });
    };
    step(0);
  }

  // ------------------------------------------------------------------------------------------
  // Unification

  unify(a: Term, b: Term, k: Cont): void {
    if (this.isUnbound(a) && this.isUnbound(b)) {
      throw new PlanError(`cannot unify two unbound variables ${a.name} and ${b.name}`, a.loc);
    }
    if (this.isUnbound(a)) return this.planTerm(b, (v) => this.bindVar(a, v, k));
    if (this.isUnbound(b)) return this.planTerm(a, (v) => this.bindVar(b, v, k));
    if (a.type === "array" && b.type === "array") {
      if (a.items.length !== b.items.length) return this.fail();
      const step = (i: number): void => {
        if (i >= a.items.length) return k();
        this.unify(a.items[i]!, b.items[i]!, () => step(i + 1));
      };
      return step(0);
    }
    if (a.type === "object" && b.type === "object" && (this.hasPatternVars(a) || this.hasPatternVars(b))) {
      const bk = new Map(b.items.map(([kt, vt]) => [constKey(kt), vt]));
      const pairs: Array<[Term, Term]> = [];
      for (const [kt, vt] of a.items) {
        const other = bk.get(constKey(kt));
        if (other === undefined || constKey(kt) === null) break;
        pairs.push([vt, other]);
      }
      if (pairs.length === a.items.length && a.items.length === b.items.length) {
        const step = (i: number): void => {
          if (i >= pairs.length) return k();
          this.unify(pairs[i]![0], pairs[i]![1], () => step(i + 1));
        };
        return step(0);
      }
      if (a.items.length !== b.items.length || pairs.length < a.items.length) {
        if (a.items.every(([kt]) => constKey(kt) !== null) && b.items.every(([kt]) => constKey(kt) !== null)) return this.fail();
      }
    }
    if (this.hasPatternVars(a)) return this.planTerm(b, (v) => this.unifyValue(a, v, k));
    if (this.hasPatternVars(b)) return this.planTerm(a, (v) => this.unifyValue(b, v, k));
    this.planTerms([a, b], ([x, y]) => {
      this.emit({ op: "Equal", a: x!, b: y! });
      k();
    });
  }

  /** Unifies a term (a pattern when it has unbound vars) with a planned value. */
  unifyValue(t: Term, v: Operand, k: Cont): void {
    if (this.isUnbound(t)) return this.bindVar(t, v, k);
    if (t.type === "array" && this.hasPatternVars(t)) {
      this.expectShape("IsArray", v, t.items.length);
      const step = (i: number): void => {
        if (i >= t.items.length) return k();
        const e = this.fb.newLocal();
        this.emit({ op: "Dot", source: v, key: this.int(i), target: e });
        this.unifyValue(t.items[i]!, { kind: "local", local: e }, () => step(i + 1));
      };
      return step(0);
    }
    if (t.type === "object" && this.hasPatternVars(t)) {
      this.expectShape("IsObject", v, t.items.length);
      const step = (i: number): void => {
        if (i >= t.items.length) return k();
        const [kt, vt] = t.items[i]!;
        this.planTerm(kt, (ko) => {
          const e = this.fb.newLocal();
          this.emit({ op: "Dot", source: v, key: ko, target: e });
          this.unifyValue(vt, { kind: "local", local: e }, () => step(i + 1));
        });
      };
      return step(0);
    }
    this.planTerm(t, (x) => {
      this.emit({ op: "Equal", a: x, b: v });
      k();
    });
  }

  /** Guards that `v` is an array (or object) of exactly `n` elements, before its parts unify. */
  private expectShape(op: "IsArray" | "IsObject", v: Operand, n: number): void {
    this.emit({ op, source: v });
    const len = this.fb.newLocal();
    this.emit({ op: "Len", source: v, target: len });
    this.emit({ op: "Equal", a: { kind: "local", local: len }, b: this.int(n) });
  }

  // ------------------------------------------------------------------------------------------
  // Terms

  planTerm(t: Term, k: (v: Operand) => void): void {
    switch (t.type) {
      case "null": {
        const l = this.fb.newLocal();
        this.emit({ op: "MakeNull", target: l });
        return k({ kind: "local", local: l });
      }
      case "boolean":
        return k({ kind: "bool", value: t.value });
      case "string":
        return k(this.p.str(t.value));
      case "number":
        return k(this.number(t.text));
      case "var": {
        const l = this.vars.get(t.name);
        if (l !== undefined) return k({ kind: "local", local: l });
        if (t.name === "input") {
          this.emit({ op: "IsDefined", source: this.input });
          return k({ kind: "local", local: this.input });
        }
        if (t.name === "data") return this.planDataPath([], k);
        throw new PlanError(`var ${t.name} is unbound where its value is needed`, t.loc);
      }
      case "ref":
        return this.planRef(t.terms, k);
      case "array":
        return this.planTerms(t.items, (ops) => {
          const l = this.fb.newLocal();
          this.emit({ op: "MakeArray", capacity: ops.length, target: l });
          for (const o of ops) this.emit({ op: "ArrayAppend", value: o, array: l });
          k({ kind: "local", local: l });
        });
      case "set":
        return this.planTerms(t.items, (ops) => {
          const l = this.fb.newLocal();
          this.emit({ op: "MakeSet", target: l });
          for (const o of ops) this.emit({ op: "SetAdd", value: o, set: l });
          k({ kind: "local", local: l });
        });
      case "object":
        return this.planTerms(t.items.flat(), (ops) => {
          const l = this.fb.newLocal();
          this.emit({ op: "MakeObject", target: l });
          for (let i = 0; i + 1 < ops.length; i += 2) {
            this.emit({ op: "ObjectInsertOnce", key: ops[i]!, value: ops[i + 1]!, object: l, conflict: "object" });
          }
          k({ kind: "local", local: l });
        });
      case "arraycomprehension":
      case "setcomprehension":
      case "objectcomprehension":
        return this.planComprehension(t, k);
      case "call": {
        const name = refName(t.operator);
        if (name === "internal.member_2" || name === "internal.member_3") {
          return this.planMember(t, (found) => {
            const r = this.fb.newLocal();
            this.emit({ op: "AssignVar", source: { kind: "bool", value: false }, target: r });
            this.fb.group(() => {
              this.emit({ op: "IsDefined", source: found });
              this.emit({ op: "AssignVar", source: { kind: "bool", value: true }, target: r });
            });
            k({ kind: "local", local: r });
          });
        }
        return this.planCall(t, false, k);
      }
    }
  }

  private number(text: string): Operand {
    const l = this.fb.newLocal();
    const n = Number(text);
    if (/^-?\d+$/.test(text) && Number.isSafeInteger(n)) this.emit({ op: "MakeNumberInt", value: n, target: l });
    else this.emit({ op: "MakeNumberRef", index: this.p.strIndex(text), target: l });
    return { kind: "local", local: l };
  }

  private planComprehension(
    t: Extract<Term, { type: "arraycomprehension" | "setcomprehension" | "objectcomprehension" }>,
    k: (v: Operand) => void,
  ): void {
    const c = this.fb.newLocal();
    if (t.type === "arraycomprehension") this.emit({ op: "MakeArray", capacity: 0, target: c });
    else if (t.type === "setcomprehension") this.emit({ op: "MakeSet", target: c });
    else this.emit({ op: "MakeObject", target: c });
    this.fb.group(() => this.scoped(() =>
      this.planBody(t.body, () => {
        if (t.type === "arraycomprehension") {
          this.planTerm(t.term, (v) => this.emit({ op: "ArrayAppend", value: v, array: c }));
        } else if (t.type === "setcomprehension") {
          this.planTerm(t.term, (v) => this.emit({ op: "SetAdd", value: v, set: c }));
        } else {
          this.planTerms([t.key, t.value], ([kk, vv]) =>
            this.emit({ op: "ObjectInsertOnce", key: kk!, value: vv!, object: c, conflict: "object" }),
          );
        }
      }),
    ));
    k({ kind: "local", local: c });
  }

  // ------------------------------------------------------------------------------------------
  // References

  planRef(terms: Term[], k: (v: Operand) => void): void {
    const head = terms[0]!;
    if (head.type === "var" && !this.vars.has(head.name)) {
      if (head.name === "data") return this.planDataRef(this.p.tree, terms, 1, k);
      if (head.name === "input") {
        // `input` alone must be defined too (a mocked callee may never look at its argument).
        if (terms.length === 1) this.emit({ op: "IsDefined", source: this.input });
        return this.planRefRest(this.input, terms, 1, k);
      }
    }
    this.planTerm(head, (h) => this.planRefRest(this.local(h), terms, 1, k));
  }

  /** Walks the rest of a ref over a value: lookups for known keys, Scan for unbound ones. */
  planRefRest(src: Local, terms: Term[], i: number, k: (v: Operand) => void): void {
    if (i >= terms.length) return k({ kind: "local", local: src });
    const t = terms[i]!;
    if (this.isUnbound(t) || this.hasPatternVars(t)) {
      const key = this.fb.newLocal();
      const val = this.fb.newLocal();
      const blk = this.fb.block(() =>
        this.unifyValue(t, { kind: "local", local: key }, () => this.planRefRest(val, terms, i + 1, k)),
      );
      this.emit({ op: "Scan", source: src, key, value: val, block: blk });
      return;
    }
    this.planTerm(t, (kv) => {
      const out = this.fb.newLocal();
      this.emit({ op: "Dot", source: { kind: "local", local: src }, key: kv, target: out });
      this.planRefRest(out, terms, i + 1, k);
    });
  }

  /** The value of data at a constant path (entrypoints). */
  planDataPath(path: string[], k: (v: Operand) => void): void {
    const terms: Term[] = [
      { type: "var", name: "data", loc: nowhere },
      ...path.map((value): Term => ({ type: "string", value, raw: false, loc: nowhere })),
    ];
    this.planDataRef(this.p.tree, terms, 1, k);
  }

  /** Resolves `data.…` against the rule tree: node is where terms[0..i) led. */
  private planDataRef(node: DocNode, terms: Term[], i: number, k: (v: Operand) => void): void {
    if (isMocked(node.path, this.ctx)) return this.planBase(node.path, terms, i, k);
    if (node.rules.length > 0) {
      const kind = nodeKind(node);
      if (kind === "function") throw new PlanError(`function data.${node.path.join(".")} used as a value`, terms[0]!.loc);
      const r = this.fb.newLocal();
      const fname = this.p.ruleFunc(node, this.ctx);
      const args: Operand[] = this.docArgs();
      this.emit({ op: "Call", func: fname, args, result: r, conflicts: this.earlyExit ? "generic" : "named" });
      return this.planRefRest(r, terms, i, k);
    }
    if (i < terms.length) {
      const t = terms[i]!;
      if (t.type === "string") {
        const child = node.children.get(t.value);
        if (child) return this.planDataRef(child, terms, i + 1, k);
        // Nothing virtual below: plain base data.
        return this.planBase([...node.path, t.value], terms, i + 1, k);
      }
      if (!this.isUnbound(t) && !this.hasPatternVars(t)) {
        // A key known only at run time: dispatch on it to the child it names (as OPA's planner
        // does) rather than building the whole document, which may contain the caller itself.
        return this.planTerm(t, (key) => {
          const res = this.fb.newLocal();
          this.emit({ op: "ResetLocal", target: res });
          for (const [name, child] of node.children) {
            if (nodeKind(child) === "function") continue;
            this.fb.group(() => {
              this.emit({ op: "Equal", a: key, b: this.p.str(name) });
              const v = this.docValue(child);
              this.emit({ op: "AssignVar", source: { kind: "local", local: v }, target: res });
            });
          }
          this.fb.group(() => {
            this.emit({ op: "IsUndefined", source: res });
            const base = this.baseAt(node.path);
            const v = this.baseDot(base, t, key);
            this.emit({ op: "AssignVar", source: { kind: "local", local: v }, target: res });
          });
          this.emit({ op: "IsDefined", source: res });
          this.planRefRest(res, terms, i + 1, k);
        });
      }
    }
    const v = this.materialize(node);
    this.planRefRest(v, terms, i, k);
  }

  /** Base data at path, then the rest of the ref. */
  private planBase(path: string[], terms: Term[], i: number, k: (v: Operand) => void): void {
    let src = this.baseAt(path);
    // Constant number keys into base data also find string keys: OPA reads base data through
    // storage paths, where `data.x[2]` means key "2" of an object (conformance "data/…integer").
    for (; i < terms.length; i++) {
      const t = terms[i]!;
      if (t.type !== "number") break;
      src = this.baseDot(src, t, this.number(t.text));
    }
    this.planRefRest(src, terms, i, k);
  }

  /** src[key] for base data; a number constant key also tries its text as an object key. */
  private baseDot(src: Local, t: Term, key: Operand): Local {
    const out = this.fb.newLocal();
    if (t.type !== "number") {
      this.emit({ op: "Dot", source: { kind: "local", local: src }, key, target: out });
      return out;
    }
    this.emit({ op: "ResetLocal", target: out });
    this.fb.group(() => this.emit({ op: "Dot", source: { kind: "local", local: src }, key, target: out }));
    this.fb.group(() => {
      this.emit({ op: "IsUndefined", source: out });
      this.emit({ op: "Dot", source: { kind: "local", local: src }, key: this.p.str(t.text), target: out });
    });
    this.emit({ op: "IsDefined", source: out });
    return out;
  }

  /** Lookups of base data at a constant path (fail when absent). */
  private baseAt(path: string[]): Local {
    let cur = this.data;
    for (const seg of path) {
      const out = this.fb.newLocal();
      this.emit({ op: "Dot", source: { kind: "local", local: cur }, key: this.p.str(seg), target: out });
      cur = out;
    }
    return cur;
  }

  /** The whole document at a node: rule value, mocked base data, or materialised prefix. */
  private docValue(node: DocNode): Local {
    if (isMocked(node.path, this.ctx)) return this.baseAt(node.path);
    if (node.rules.length > 0) {
      const r = this.fb.newLocal();
      const args: Operand[] = this.docArgs();
      this.emit({ op: "Call", func: this.p.ruleFunc(node, this.ctx), args, result: r, conflicts: "named" });
      return r;
    }
    return this.materialize(node);
  }

  /** The document at a prefix node: its virtual object merged with the base data there. */
  private materialize(node: DocNode): Local {
    const virt = this.fb.newLocal();
    const fname = this.p.virtualFunc(node, this.ctx);
    this.emit({ op: "Call", func: fname, args: this.docArgs(), result: virt, conflicts: "named" });
    const res = this.fb.newLocal();
    this.emit({ op: "AssignVar", source: { kind: "local", local: virt }, target: res });
    this.fb.group(() => {
      let cur = this.data;
      for (const seg of node.path) {
        const out = this.fb.newLocal();
        this.emit({ op: "Dot", source: { kind: "local", local: cur }, key: this.p.str(seg), target: out });
        cur = out;
      }
      const m = this.fb.newLocal();
      // Base data wins over virtual documents on conflicting leaves, as OPA's conformance
      // cases show (baseandvirtualdocs "base/virtual: conflicts").
      this.emit({ op: "ObjectMerge", a: cur, b: virt, target: m });
      this.emit({ op: "AssignVar", source: { kind: "local", local: m }, target: res });
    });
    return res;
  }

  /** Inserts the values of node's children (rules and prefixes below) into the object `obj`. */
  insertChildren(node: DocNode, obj: Local): void {
    for (const [name, child] of node.children) {
      if (isMocked(child.path, this.ctx)) continue;
      const kind = nodeKind(child);
      if (kind === "function") continue;
      this.fb.group(() => {
        const v = this.fb.newLocal();
        const fname = kind === "none" ? this.p.virtualFunc(child, this.ctx) : this.p.ruleFunc(child, this.ctx);
        this.emit({ op: "Call", func: fname, args: this.docArgs(), result: v, conflicts: "named" });
        this.mergeInsert(obj, this.p.str(name), v);
      });
    }
  }

  /** obj[key] := v, deep-merging when both the present value and v are objects. */
  private mergeInsert(obj: Local, key: Operand, v: Local): void {
    const present = this.fb.newLocal();
    this.emit({ op: "ResetLocal", target: present });
    this.fb.group(() => this.emit({ op: "Dot", source: { kind: "local", local: obj }, key, target: present }));
    this.fb.group(() => {
      this.emit({ op: "IsUndefined", source: present });
      this.emit({ op: "ObjectInsert", key, value: { kind: "local", local: v }, object: obj });
    });
    this.fb.group(() => {
      this.emit({ op: "IsDefined", source: present });
      const m = this.fb.newLocal();
      this.emit({ op: "ObjectMerge", a: present, b: v, target: m });
      this.emit({ op: "ObjectInsert", key, value: { kind: "local", local: m }, object: obj });
    });
  }
}


// A small interpreter of the planner IR over plain JSON values, with Rego value semantics (sets,
// value equality, OPA's ordering). It lets the planner be tested without the Wasm backend and
// gives the team a differential oracle for the generated code: same IR, two executions.
//
// Control flow follows ir.ts: a failing statement leaves the innermost block; `Break n` leaves
// n+1 blocks; the blocks of a Block statement, of a Scan iteration, of Not and of With are each
// one level.

import type * as ir from "./ir.js";
import { conflictMessages, namedConflictMessage } from "./ir.js";
import { interpBuiltins, type BuiltinImpl } from "./interp-builtins.js";
import { equal, fromJSON, RObject, RSet, toJSON, unionObjects, type Value } from "./values.js";

export class EvalError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export interface InterpOptions {
  /** Extra or replacement built-ins by OPA name. */
  builtins?: Record<string, BuiltinImpl>;
  /** Abort after this many statements (guards tests against runaway loops). */
  maxSteps?: number;
}

/** Outcome of running statements: completed, failed, left by Break (levels still to leave), or returned. */
type Outcome = { t: "done" } | { t: "fail" } | { t: "break"; n: number } | { t: "return" };
const DONE: Outcome = { t: "done" };
const FAIL: Outcome = { t: "fail" };

type Locals = Array<Value | undefined>;

/** Evaluates one plan; returns the result set as JSON (e.g. [{"result": …}]). */
export function evaluatePlan(policy: ir.Policy, entrypoint: string, input: unknown, data: unknown, opts: InterpOptions = {}): unknown[] {
  return new Interp(policy, opts).run(entrypoint, input === undefined ? undefined : fromJSON(input), fromJSON(data ?? {}));
}

export class Interp {
  private readonly funcs = new Map<string, ir.Func>();
  private readonly builtins: Record<string, BuiltinImpl>;
  /** Statements executed so far (tests use it to check the cost of plans). */
  steps = 0;
  private readonly maxSteps: number;
  private results: RSet | null = null;

  constructor(
    private readonly policy: ir.Policy,
    opts: InterpOptions = {},
  ) {
    for (const f of policy.funcs) this.funcs.set(f.name, f);
    this.builtins = { ...interpBuiltins, ...opts.builtins };
    this.maxSteps = opts.maxSteps ?? 50_000_000;
  }

  run(entrypoint: string, input: Value | undefined, data: Value): unknown[] {
    const plan = this.policy.plans.find((p) => p.name === entrypoint);
    if (!plan) throw new EvalError("eval_internal_error", `no plan for entrypoint ${entrypoint}`);
    this.results = new RSet();
    this.genericConflicts = false; // an aborted evaluation leaves it as it was
    const locals: Locals = [input, data];
    for (const b of plan.blocks) {
      const o = this.block(b, locals);
      if (o.t === "return") break;
    }
    return this.results.values().map(toJSON);
  }

  /** The function running now, whose path conflict messages name. */
  private current: ir.Func | null = null;
  /** Whether conflicts are worded generically now (set by the Call that is running; ir.ConflictWording). */
  private genericConflicts = false;

  private conflictMessage(kind: ir.ConflictKind): string {
    const path = this.current?.path;
    if (kind === "object" || !path || this.genericConflicts) return conflictMessages[kind];
    return namedConflictMessage(kind, path);
  }

  callFunc(f: ir.Func, args: Array<Value | undefined>): Value | undefined {
    const caller = this.current;
    this.current = f;
    try {
      return this.runFunc(f, args);
    } finally {
      this.current = caller;
    }
  }

  private runFunc(f: ir.Func, args: Array<Value | undefined>): Value | undefined {
    const locals: Locals = [];
    f.params.forEach((p, i) => (locals[p] = args[i]));
    for (const b of f.blocks) {
      const o = this.block(b, locals);
      if (o.t === "return") break;
      if (o.t === "break" && o.n > 0) throw new EvalError("eval_internal_error", `Break leaves function ${f.name}`);
    }
    return locals[f.return];
  }

  /** Runs a block as one level: failure and Break 0 end it normally. */
  private block(b: ir.Block, l: Locals): Outcome {
    const o = this.stmts(b.stmts, l);
    if (o.t === "fail") return DONE;
    if (o.t === "break") return o.n === 0 ? DONE : { t: "break", n: o.n - 1 };
    return o;
  }

  private stmts(stmts: ir.Stmt[], l: Locals): Outcome {
    for (const s of stmts) {
      if (++this.steps > this.maxSteps) throw new EvalError("eval_internal_error", "step limit exceeded");
      const o = this.stmt(s, l);
      if (o !== DONE) return o;
    }
    return DONE;
  }

  private op(o: ir.Operand, l: Locals): Value | undefined {
    if (o.kind === "local") return l[o.local];
    if (o.kind === "bool") return o.value;
    const s = this.policy.strings[o.index];
    if (s === undefined) throw new EvalError("eval_internal_error", `no string ${o.index}`);
    return s;
  }

  private str(i: number): string {
    const s = this.policy.strings[i];
    if (s === undefined) throw new EvalError("eval_internal_error", `no string ${i}`);
    return s;
  }

  private stmt(s: ir.Stmt, l: Locals): Outcome {
    switch (s.op) {
      case "Nop":
        return DONE;
      case "ReturnLocal":
        return { t: "return" };
      case "Call": {
        const args = s.args.map((a) => this.op(a, l));
        const f = this.funcs.get(s.func);
        let r: Value | undefined;
        if (f) {
          const wording = this.genericConflicts;
          if (s.conflicts !== undefined) this.genericConflicts = s.conflicts === "generic";
          r = this.callFunc(f, args);
          this.genericConflicts = wording;
        } else {
          const b = this.builtins[s.func];
          if (!b) throw new EvalError("eval_internal_error", `unknown function or built-in ${s.func}`);
          if (args.some((a) => a === undefined)) return FAIL;
          r = b(args as Value[]);
        }
        l[s.result] = r;
        return r === undefined ? FAIL : DONE;
      }
      case "Block":
        for (const b of s.blocks) {
          const o = this.block(b, l);
          if (o.t !== "done") return o;
        }
        return DONE;
      case "Break":
        return { t: "break", n: s.index };
      case "Dot": {
        const v = get(this.op(s.source, l), this.op(s.key, l));
        l[s.target] = v;
        return v === undefined ? FAIL : DONE;
      }
      case "Len": {
        const v = this.op(s.source, l);
        let n: number | undefined;
        if (typeof v === "string") n = [...v].length;
        else if (Array.isArray(v)) n = v.length;
        else if (v instanceof RObject || v instanceof RSet) n = v.size;
        l[s.target] = n;
        return n === undefined ? FAIL : DONE;
      }
      case "Scan": {
        const src = l[s.source];
        for (const [k, v] of iterate(src)) {
          l[s.key] = k;
          l[s.value] = v;
          const o = this.block(s.block, l);
          if (o.t !== "done") return o;
        }
        return DONE;
      }
      case "Not": {
        const o = this.stmts(s.block.stmts, l);
        if (o.t === "fail") return DONE;
        if (o.t === "break" && o.n > 0) return { t: "break", n: o.n - 1 };
        if (o.t === "return") return o;
        return FAIL;
      }
      case "AssignInt":
      case "MakeNumberInt":
        l[s.target] = s.value;
        return DONE;
      case "AssignVar":
        l[s.target] = this.op(s.source, l);
        return DONE;
      case "AssignVarOnce": {
        const v = this.op(s.source, l);
        const cur = l[s.target];
        if (cur === undefined) l[s.target] = v;
        else if (v !== undefined && !equal(cur, v)) throw new EvalError("eval_conflict_error", this.conflictMessage(s.conflict));
        return DONE;
      }
      case "ResetLocal":
        l[s.target] = undefined;
        return DONE;
      case "MakeNull":
        l[s.target] = null;
        return DONE;
      case "MakeNumberRef":
        l[s.target] = Number(this.str(s.index));
        return DONE;
      case "MakeArray":
        l[s.target] = [];
        return DONE;
      case "MakeObject":
        l[s.target] = new RObject();
        return DONE;
      case "MakeSet":
        l[s.target] = new RSet();
        return DONE;
      case "Equal": {
        const a = this.op(s.a, l);
        const b = this.op(s.b, l);
        return a !== undefined && b !== undefined && equal(a, b) ? DONE : FAIL;
      }
      case "NotEqual": {
        const a = this.op(s.a, l);
        const b = this.op(s.b, l);
        return a !== undefined && b !== undefined && !equal(a, b) ? DONE : FAIL;
      }
      case "IsArray":
        return Array.isArray(this.op(s.source, l)) ? DONE : FAIL;
      case "IsObject":
        return this.op(s.source, l) instanceof RObject ? DONE : FAIL;
      case "IsSet":
        return this.op(s.source, l) instanceof RSet ? DONE : FAIL;
      case "IsDefined":
        return l[s.source] !== undefined ? DONE : FAIL;
      case "IsUndefined":
        return l[s.source] === undefined ? DONE : FAIL;
      case "ArrayAppend": {
        const a = l[s.array];
        const v = this.op(s.value, l);
        if (!Array.isArray(a) || v === undefined) return FAIL;
        a.push(v);
        return DONE;
      }
      case "ObjectInsert": {
        const o = l[s.object];
        const k = this.op(s.key, l);
        const v = this.op(s.value, l);
        if (!(o instanceof RObject) || k === undefined || v === undefined) return FAIL;
        o.set(k, v);
        return DONE;
      }
      case "ObjectInsertOnce": {
        const o = l[s.object];
        const k = this.op(s.key, l);
        const v = this.op(s.value, l);
        if (!(o instanceof RObject) || k === undefined || v === undefined) return FAIL;
        const cur = o.get(k);
        if (cur !== undefined && !equal(cur, v)) throw new EvalError("eval_conflict_error", this.conflictMessage(s.conflict));
        o.set(k, v);
        return DONE;
      }
      case "ObjectMerge": {
        const a = l[s.a];
        const b = l[s.b];
        if (!(a instanceof RObject) || !(b instanceof RObject)) return FAIL;
        // a wins where both have a key (nested objects are merged the same way).
        l[s.target] = unionObjects(b, a);
        return DONE;
      }
      case "SetAdd": {
        const set = l[s.set];
        const v = this.op(s.value, l);
        if (!(set instanceof RSet) || v === undefined) return FAIL;
        set.add(v);
        return DONE;
      }
      case "With": {
        const saved = l[s.local];
        const v = this.op(s.value, l);
        if (v === undefined) return FAIL;
        l[s.local] = upsert(saved, s.path.map((i) => this.str(i)), v);
        try {
          const o = this.stmts(s.block.stmts, l);
          if (o.t === "fail") return FAIL;
          if (o.t === "break") return o.n === 0 ? DONE : { t: "break", n: o.n - 1 };
          return o;
        } finally {
          l[s.local] = saved;
        }
      }
      case "ResultSetAdd": {
        const v = l[s.value];
        if (v !== undefined) this.results?.add(v);
        return DONE;
      }
    }
  }
}

/** source[key] with OPA's rules: integral number index into arrays, any key into objects, member of sets. */
export function get(src: Value | undefined, key: Value | undefined): Value | undefined {
  if (src === undefined || key === undefined) return undefined;
  if (Array.isArray(src)) {
    return typeof key === "number" && Number.isInteger(key) && key >= 0 ? src[key] : undefined;
  }
  if (src instanceof RObject) return src.get(key);
  if (src instanceof RSet) return src.get(key);
  return undefined;
}

export function iterate(src: Value | undefined): Array<[Value, Value]> {
  if (Array.isArray(src)) return src.map((v, i) => [i, v]);
  if (src instanceof RObject) return src.entries();
  if (src instanceof RSet) return src.values().map((v) => [v, v]);
  return [];
}

function upsert(base: Value | undefined, path: string[], v: Value): Value {
  if (path.length === 0) return v;
  const o = base instanceof RObject ? base.copy() : new RObject();
  o.set(path[0]!, upsert(o.get(path[0]!), path.slice(1), v));
  return o;
}


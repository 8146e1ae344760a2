// IR → binaryen functions. One Wasm function per IR Func and per Plan; every IR local is an i32
// Wasm local holding a value pointer (0 = undefined).
//
// Control flow: each IR Block becomes a labelled Wasm `block`. A statement that fails branches to
// the end of the innermost IR block (`br`), `Break n` to the end of the n-th enclosing one. Scan is
// a `loop` over opa_value_iter; Not and With wrap their block so that completion or failure of the
// inner block decides the outcome of the statement, as OPA's own Wasm compiler does.

import binaryen from "binaryen";
import type * as ir from "../ir/ir.js";
import { documentName } from "../ir/ir.js";
import { valueType, type RuntimeHelper } from "./abi.js";
import type { StringTable } from "./strings.js";

type Expr = binaryen.ExpressionRef;

export type BuiltinTarget =
  | { kind: "native"; internal: string; arity: number }
  | { kind: "host"; id: number; importName: string; arity: number };

export interface CodegenContext {
  m: binaryen.Module;
  /** Runtime helper → internal function name. */
  helper(name: RuntimeHelper): string;
  strings: StringTable;
  /** IR Func name → internal Wasm name and parameter count. */
  funcs: Map<string, { internal: string; params: number }>;
  builtins: Map<string, BuiltinTarget>;
  /**
   * When set, each string constant's value is built once per evaluation and kept in a global
   * (string → global name); policy.eval clears them, since the SDK resets the heap between
   * evaluations. When null, a constant's value is built at each use.
   */
  stringGlobals: Map<string, string> | null;
  /**
   * The i32 global that says how conflicts are worded while a call runs (1: generic, 0: named;
   * see ir.ConflictWording); added on first use. policy.eval clears it, as an aborted evaluation
   * leaves it as it was.
   */
  conflictGlobal?: string;
}


export class CodegenError extends Error {}

const conflictCode: Record<ir.ConflictKind, number> = { complete: 0, function: 1, object: 2 };

interface Frame {
  label: string;
  /** Set on a With block: what restores the local when a Break leaves the frame entirely. */
  restore?: () => Expr;
}

/** Emits one Wasm function. Parameters are the first IR locals given; the rest become vars. */
class FunctionEmitter {
  private readonly locals = new Map<number, number>();
  private readonly varTypes: number[] = [];
  private readonly frames: Frame[] = [];
  private labelCount = 0;
  private readonly m: binaryen.Module;
  /** The result-set local of a plan; ResultSetAdd is only valid in plans. */
  resultSet: number | null = null;

  constructor(
    private readonly ctx: CodegenContext,
    private readonly paramCount: number,
    params: ir.Local[],
    private readonly where: string,
    /** The document a rule function evaluates ("data.a.p"), which conflict errors name. */
    private readonly docName: string | null = null,
  ) {
    this.m = ctx.m;
    params.forEach((l, i) => this.locals.set(l, i));
  }

  get vars(): number[] {
    return this.varTypes;
  }

  temp(): number {
    this.varTypes.push(binaryen.i32);
    return this.paramCount + this.varTypes.length - 1;
  }

  private index(l: ir.Local): number {
    let i = this.locals.get(l);
    if (i === undefined) {
      i = this.temp();
      this.locals.set(l, i);
    }
    return i;
  }

  get(l: ir.Local): Expr {
    return this.m.local.get(this.index(l), binaryen.i32);
  }

  set(l: ir.Local, value: Expr): Expr {
    return this.m.local.set(this.index(l), value);
  }

  private call(helper: RuntimeHelper, args: Expr[], result = binaryen.i32): Expr {
    return this.m.call(this.ctx.helper(helper), args, result);
  }

  /** A string value built from the static data segment (opa_string references, not copies). */
  stringValue(s: string): Expr {
    const { offset, length } = this.ctx.strings.intern(s);
    const build = () => this.call("opa_string", [this.m.i32.const(offset), this.m.i32.const(length)]);
    const cache = this.ctx.stringGlobals;
    if (!cache) return build();
    let g = cache.get(s);
    if (g === undefined) {
      g = `policy$str$${cache.size}`;
      cache.set(s, g);
      this.m.addGlobal(g, binaryen.i32, true, this.m.i32.const(0));
    }
    const m = this.m;
    return m.block(null, [m.if(m.i32.eqz(m.global.get(g, binaryen.i32)), m.global.set(g, build())), m.global.get(g, binaryen.i32)], binaryen.i32);
  }

  operand(op: ir.Operand): Expr {
    switch (op.kind) {
      case "local":
        return this.get(op.local);
      case "bool":
        return this.call("opa_boolean", [this.m.i32.const(op.value ? 1 : 0)]);
      case "string":
        return this.stringValue(this.ctx.strings.constant(op.index));
    }
  }

  private newLabel(): string {
    return `L${this.labelCount++}`;
  }

  /** Branch to the end of the innermost IR block: what a failing statement does. */
  private fail(): Expr {
    const top = this.frames[this.frames.length - 1];
    if (!top) throw new CodegenError(`${this.where}: statement outside any block`);
    return this.m.br(top.label);
  }

  private failIf(cond: Expr): Expr {
    const top = this.frames[this.frames.length - 1];
    if (!top) throw new CodegenError(`${this.where}: statement outside any block`);
    return this.m.br(top.label, cond);
  }

  /** An IR block as a labelled Wasm block; `after` runs inside it after the statements. */
  block(b: ir.Block, frame: Partial<Frame> = {}, after: Expr[] = []): Expr {
    const label = frame.label ?? this.newLabel();
    this.frames.push({ ...frame, label });
    const body: Expr[] = [];
    for (const s of b.stmts) body.push(...this.stmt(s));
    body.push(...after);
    this.frames.pop();
    return this.m.block(label, body, binaryen.none);
  }

  blocks(bs: ir.Block[]): Expr[] {
    return bs.map((b) => this.block(b));
  }

  private stmt(s: ir.Stmt): Expr[] {
    const m = this.m;
    switch (s.op) {
      case "Nop":
        return [];
      case "ReturnLocal":
        return [m.return(this.get(s.source))];
      case "Call":
        return this.callStmt(s);
      case "Block":
        return this.blocks(s.blocks);
      case "Break":
        return this.breakStmt(s.index);
      case "Dot": {
        const src = this.operand(s.source);
        const key = this.operand(s.key);
        if (s.source.kind === "local") {
          // A lookup in an undefined value fails instead of reaching the runtime with pointer 0.
          return [
            this.failIf(m.i32.eqz(this.get(s.source.local))),
            this.set(s.target, this.call("opa_value_get", [src, key])),
            this.failIf(m.i32.eqz(this.get(s.target))),
          ];
        }
        return [
          this.set(s.target, this.call("opa_value_get", [src, key])),
          this.failIf(m.i32.eqz(this.get(s.target))),
        ];
      }
      case "Len":
        return [
          this.set(s.target, this.call("rt_len", [this.operand(s.source)])),
          this.failIf(m.i32.eqz(this.get(s.target))),
        ];
      case "Scan":
        return this.scan(s);
      case "Not": {
        // Failure inside the block lands after it (the Not succeeds); completion fails the Not.
        const enclosing = this.frames[this.frames.length - 1];
        if (!enclosing) throw new CodegenError(`${this.where}: Not outside any block`);
        return [this.block(s.block, {}, [m.br(enclosing.label)])];
      }
      case "AssignInt":
        return [this.set(s.target, this.numberInt(s.value))];
      case "AssignVar":
        return [this.set(s.target, this.operand(s.source))];
      case "AssignVarOnce": {
        const tmp = this.temp();
        const t = () => this.get(s.target);
        return [
          m.local.set(tmp, this.operand(s.source)),
          m.if(
            m.i32.eqz(t()),
            this.set(s.target, m.local.get(tmp, binaryen.i32)),
            m.if(m.i32.eqz(this.call("rt_equal", [t(), m.local.get(tmp, binaryen.i32)])), this.abortConflict(s.conflict)),
          ),
        ];
      }
      case "ResetLocal":
        return [this.set(s.target, m.i32.const(0))];
      case "MakeNull":
        return [this.set(s.target, this.call("opa_null", []))];
      case "MakeNumberInt":
        return [this.set(s.target, this.numberInt(s.value))];
      case "MakeNumberRef": {
        const { offset, length } = this.ctx.strings.intern(this.ctx.strings.constant(s.index));
        return [this.set(s.target, this.call("opa_number_ref", [m.i32.const(offset), m.i32.const(length)]))];
      }
      case "MakeArray":
        return [this.set(s.target, this.call("opa_array_with_cap", [m.i32.const(s.capacity)]))];
      case "MakeObject":
        return [this.set(s.target, this.call("opa_object", []))];
      case "MakeSet":
        return [this.set(s.target, this.call("opa_set", []))];
      case "Equal":
        return [this.failIf(m.i32.eqz(this.call("rt_equal", [this.operand(s.a), this.operand(s.b)])))];
      case "NotEqual":
        return [this.failIf(this.call("rt_equal", [this.operand(s.a), this.operand(s.b)]))];
      case "IsArray":
        return this.typeCheck(s.source, valueType.array);
      case "IsObject":
        return this.typeCheck(s.source, valueType.object);
      case "IsSet":
        return this.typeCheck(s.source, valueType.set);
      case "IsDefined":
        return [this.failIf(m.i32.eqz(this.get(s.source)))];
      case "IsUndefined":
        return [this.failIf(m.i32.ne(this.get(s.source), m.i32.const(0)))];
      case "ArrayAppend":
        return [this.call("opa_array_append", [this.get(s.array), this.operand(s.value)], binaryen.none)];
      case "ObjectInsert":
        return [this.call("opa_object_insert", [this.get(s.object), this.operand(s.key), this.operand(s.value)], binaryen.none)];
      case "ObjectInsertOnce":
        return [
          m.if(
            this.call("rt_object_insert_once", [this.get(s.object), this.operand(s.key), this.operand(s.value)]),
            this.abortConflict(s.conflict),
          ),
        ];
      case "ObjectMerge":
        return [
          this.set(s.target, this.call("rt_object_merge", [this.get(s.a), this.get(s.b)])),
          this.failIf(m.i32.eqz(this.get(s.target))),
        ];
      case "SetAdd":
        return [this.call("opa_set_add", [this.get(s.set), this.operand(s.value)], binaryen.none)];
      case "With":
        return this.withStmt(s);
      case "ResultSetAdd": {
        if (this.resultSet === null) throw new CodegenError(`${this.where}: ResultSetAdd outside a plan`);
        return [this.call("opa_set_add", [m.local.get(this.resultSet, binaryen.i32), this.get(s.value)], binaryen.none)];
      }
    }
  }

  numberInt(value: number): Expr {
    if (!Number.isSafeInteger(value)) throw new CodegenError(`${this.where}: ${value} is not an integer`);
    return this.call("opa_number_int", [this.m.i64.const(BigInt(value))]);
  }

  private abortConflict(kind: ir.ConflictKind): Expr {
    const m = this.m;
    const generic = this.call("rt_abort_conflict", [m.i32.const(conflictCode[kind])], binaryen.none);
    if (kind === "object" || this.docName === null) return m.block(null, [generic, m.unreachable()]);
    const { offset, length } = this.ctx.strings.intern(this.docName);
    const named = this.call("rt_abort_conflict_named", [m.i32.const(conflictCode[kind]), m.i32.const(offset), m.i32.const(length)], binaryen.none);
    return m.block(null, [m.if(m.global.get(this.conflictGlobal(), binaryen.i32), generic, named), m.unreachable()]);
  }

  private conflictGlobal(): string {
    if (this.ctx.conflictGlobal === undefined) {
      this.ctx.conflictGlobal = "policy$conflict_generic";
      this.m.addGlobal(this.ctx.conflictGlobal, binaryen.i32, true, this.m.i32.const(0));
    }
    return this.ctx.conflictGlobal;
  }

  private typeCheck(source: ir.Operand, code: number): Expr[] {
    const m = this.m;
    if (source.kind === "local") {
      return [
        this.failIf(m.i32.eqz(this.get(source.local))),
        this.failIf(m.i32.ne(this.call("opa_value_type", [this.get(source.local)]), m.i32.const(code))),
      ];
    }
    return [this.failIf(m.i32.ne(this.call("opa_value_type", [this.operand(source)]), m.i32.const(code)))];
  }

  private callStmt(s: Extract<ir.Stmt, { op: "Call" }>): Expr[] {
    const m = this.m;
    const fn = this.ctx.funcs.get(s.func);
    let call: Expr;
    if (fn) {
      let args = s.args.map((a) => this.operand(a));
      // Functions take input and data first; accept calls that leave them implicit.
      if (args.length + 2 === fn.params) args = [this.get(0), this.get(1), ...args];
      if (args.length !== fn.params) {
        throw new CodegenError(`${this.where}: call of ${s.func} with ${s.args.length} args, it takes ${fn.params}`);
      }
      call = m.call(fn.internal, args, binaryen.i32);
      if (s.conflicts !== undefined) {
        // The callee's conflicts are worded as this call says; the caller's wording comes back after.
        const g = this.conflictGlobal();
        const saved = this.temp();
        return [
          m.local.set(saved, m.global.get(g, binaryen.i32)),
          m.global.set(g, m.i32.const(s.conflicts === "generic" ? 1 : 0)),
          this.set(s.result, call),
          m.global.set(g, m.local.get(saved, binaryen.i32)),
          this.failIf(m.i32.eqz(this.get(s.result))),
        ];
      }
    } else {
      const b = this.ctx.builtins.get(s.func);
      if (!b) throw new CodegenError(`${this.where}: call of unknown function or built-in ${s.func}`);
      if (s.args.length !== b.arity) {
        throw new CodegenError(`${this.where}: ${s.func} takes ${b.arity} arguments, called with ${s.args.length}`);
      }
      const args = s.args.map((a) => this.operand(a));
      call =
        b.kind === "native"
          ? m.call(b.internal, args, binaryen.i32)
          : m.call(b.importName, [m.i32.const(b.id), m.i32.const(0), ...args], binaryen.i32);
    }
    return [this.set(s.result, call), this.failIf(m.i32.eqz(this.get(s.result)))];
  }

  private breakStmt(index: number): Expr[] {
    const depth = this.frames.length - 1 - index;
    const target = this.frames[depth];
    if (!target) throw new CodegenError(`${this.where}: Break ${index} leaves more blocks than enclose it`);
    // With blocks left entirely are restored here; the target's own code restores its local.
    const restores: Expr[] = [];
    for (let i = this.frames.length - 1; i > depth; i--) {
      const r = this.frames[i]?.restore;
      if (r) restores.push(r());
    }
    return [...restores, this.m.br(target.label)];
  }

  private scan(s: Extract<ir.Stmt, { op: "Scan" }>): Expr[] {
    const m = this.m;
    const src = this.temp();
    const cursor = this.temp();
    const exit = this.newLabel();
    const loop = this.newLabel();
    const get = (i: number) => m.local.get(i, binaryen.i32);
    // The exit label is not an IR block: Breaks count only IR blocks, so it is not a frame.
    const body = this.block(s.block);
    return [
      m.local.set(src, this.get(s.source)),
      m.local.set(cursor, m.i32.const(0)),
      m.block(exit, [
        m.br(exit, m.i32.eqz(get(src))),
        m.loop(
          loop,
          m.block(null, [
            m.local.set(cursor, this.call("opa_value_iter", [get(src), get(cursor)])),
            m.br(exit, m.i32.eqz(get(cursor))),
            this.set(s.key, get(cursor)),
            this.set(s.value, this.call("opa_value_get", [get(src), get(cursor)])),
            body,
            m.br(loop),
          ]),
        ),
      ]),
    ];
  }

  private withStmt(s: Extract<ir.Stmt, { op: "With" }>): Expr[] {
    const m = this.m;
    const saved = this.temp();
    const failed = this.temp();
    const restore = () => this.set(s.local, m.local.get(saved, binaryen.i32));
    let replaced: Expr;
    if (s.path.length === 0) {
      replaced = this.operand(s.value);
    } else {
      const path = this.temp();
      const build: Expr[] = [m.local.set(path, this.call("opa_array_with_cap", [m.i32.const(s.path.length)]))];
      for (const p of s.path) {
        build.push(
          this.call("opa_array_append", [m.local.get(path, binaryen.i32), this.stringValue(this.ctx.strings.constant(p))], binaryen.none),
        );
      }
      replaced = m.block(null, [...build, this.call("rt_upsert", [this.get(s.local), m.local.get(path, binaryen.i32), this.operand(s.value)])], binaryen.i32);
    }
    const enclosing = this.frames[this.frames.length - 1];
    if (!enclosing) throw new CodegenError(`${this.where}: With outside any block`);
    return [
      m.local.set(saved, this.get(s.local)),
      this.set(s.local, replaced),
      m.local.set(failed, m.i32.const(1)),
      this.block(s.block, { restore }, [m.local.set(failed, m.i32.const(0))]),
      restore(),
      m.br(enclosing.label, m.local.get(failed, binaryen.i32)),
    ];
  }
}

/** Wasm name of an IR function; prefixed so it cannot clash with the runtime's names. */
export function funcInternalName(name: string): string {
  return `policy$func$${name}`;
}

export function planInternalName(index: number): string {
  return `policy$plan$${index}`;
}

export function emitFunc(ctx: CodegenContext, f: ir.Func): void {
  const e = new FunctionEmitter(ctx, f.params.length, f.params, `function ${f.name}`, f.path ? documentName(f.path) : null);
  const body = [...e.blocks(f.blocks), ctx.m.return(e.get(f.return))];
  const params = binaryen.createType(f.params.map(() => binaryen.i32));
  ctx.m.addFunction(funcInternalName(f.name), params, binaryen.i32, e.vars, ctx.m.block(null, body, binaryen.i32));
}

/** A plan is a function (input, data) → result set. */
export function emitPlan(ctx: CodegenContext, p: ir.Plan, index: number): void {
  const m = ctx.m;
  const e = new FunctionEmitter(ctx, 2, [0, 1], `plan ${p.name}`);
  const rs = e.temp();
  e.resultSet = rs;
  const body = [
    m.local.set(rs, m.call(ctx.helper("opa_set"), [], binaryen.i32)),
    ...e.blocks(p.blocks),
    m.return(m.local.get(rs, binaryen.i32)),
  ];
  m.addFunction(planInternalName(index), binaryen.createType([binaryen.i32, binaryen.i32]), binaryen.i32, e.vars, m.block(null, body, binaryen.i32));
}

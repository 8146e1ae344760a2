// emitWasm: link the planner IR of a policy into the prebuilt runtime module and return the final
// Wasm binary that @open-policy-agent/opa-wasm loads unchanged.
//
// Importing this module loads binaryen (about half a second); the compile driver imports it lazily
// so that commands that never compile do not pay for it.

import binaryen from "binaryen";
import type * as ir from "../ir/ir.js";
import { maxHostBuiltinArity, nativeBuiltinExport, runtimeHelpers, strictBuiltinErrorsSection, type PolicyHook, type RuntimeHelper } from "./abi.js";
import { CodegenError, emitFunc, emitPlan, funcInternalName, planInternalName, type BuiltinTarget, type CodegenContext } from "./codegen.js";
import { align, inspectRuntime, LinkError, runtimeFunction, setAbiExports, setSegments, type RuntimeLayout } from "./link.js";
import { StringTable } from "./strings.js";

export { CodegenError, LinkError };

export interface EmitOptions {
  /** Run binaryen's optimiser on the generated functions (not on the runtime, already optimised). */
  optimize?: boolean;
  /** binaryen optimisation level for `optimize` (default 2). */
  optimizeLevel?: number;
  /** Validate the linked module and throw LinkError if binaryen finds it invalid. */
  validate?: boolean;
  /**
   * Keep string constant values in globals for the evaluation instead of building them at each
   * use (default true: measured up to 3x faster on string-comparing loops, and fewer allocations).
   */
  cacheStrings?: boolean;
  /**
   * OPA's strict built-in errors: a failing built-in aborts evaluation with its error instead of
   * being undefined. policy.eval switches the runtime's flag on at the start, and the module gets
   * the custom section strictBuiltinErrorsSection so that the loader makes host built-ins throw too.
   */
  strictBuiltinErrors?: boolean;
}


export interface EmitInfo {
  /** Host-delegated built-ins by id, as `builtins()` lists them. */
  hostBuiltins: string[];
  /** Built-ins the runtime implements natively. */
  nativeBuiltins: string[];
  /** Entrypoint names by id. */
  entrypoints: string[];
  /** Bytes of policy static data. */
  dataBytes: number;
  /** Milliseconds spent in each step of emitWasmWithInfo (for benchmarks). */
  timings: EmitTimings;
}

export interface EmitTimings {
  /** binaryen reading (and copying into its heap) the runtime module. */
  readRuntime: number;
  /** Generating the policy's functions and linking them into the runtime. */
  link: number;
  /** binaryen's validation (0 when not asked for). */
  validate: number;
  /** Writing the final binary. */
  write: number;
}

const PAGE = 65536;

/** What AssemblyScript emits by default and Node 20 runs; validation needs them declared. */
function features(): binaryen.Features {
  const f = binaryen.Features;
  return f.MVP | f.MutableGlobals | f.SignExt | f.BulkMemory | f.BulkMemoryOpt | f.NontrappingFPToInt | f.Multivalue | f.ReferenceTypes | f.SIMD128;
}

export function emitWasm(policy: ir.Policy, runtime: Uint8Array, options: EmitOptions = {}): Uint8Array {
  return emitWasmWithInfo(policy, runtime, options).wasm;
}

export function emitWasmWithInfo(
  policy: ir.Policy,
  runtime: Uint8Array,
  options: EmitOptions = {},
): { wasm: Uint8Array; info: EmitInfo } {
  const t0 = performance.now();
  const m = binaryen.readBinaryWithFeatures(runtime, features());
  const readRuntime = performance.now() - t0;
  try {
    const out = link(m, policy, options);
    out.info.timings.readRuntime = readRuntime;
    return out;
  } finally {
    m.dispose();
  }
}

function link(m: binaryen.Module, policy: ir.Policy, options: EmitOptions): { wasm: Uint8Array; info: EmitInfo } {
  const t0 = performance.now();
  const layout = inspectRuntime(m);
  for (const h of ["eval", "builtins", "entrypoints", "heap_base"] as const) {
    if (!layout.hooks.has(h)) throw new LinkError(`runtime does not import policy.${h}`);
  }
  const helpers = new Map<RuntimeHelper, string>();
  for (const h of runtimeHelpers) {
    const internal = runtimeFunction(layout, h);
    if (internal !== null) helpers.set(h, internal);
  }
  const helper = (name: RuntimeHelper): string => {
    const internal = helpers.get(name);
    if (internal === undefined) throw new LinkError(`runtime does not export ${name}`);
    return internal;
  };

  const strings = new StringTable(align(layout.staticEnd, 16), policy.strings);
  const builtins = resolveBuiltins(m, layout, policy.builtins);
  const funcs = new Map<string, { internal: string; params: number }>();
  for (const f of policy.funcs) {
    if (funcs.has(f.name)) throw new CodegenError(`function ${f.name} is defined twice`);
    funcs.set(f.name, { internal: funcInternalName(f.name), params: f.params.length });
  }
  const stringGlobals = options.cacheStrings === false ? null : new Map<string, string>();
  const ctx: CodegenContext = { m, helper, strings, funcs, builtins, stringGlobals };
  for (const f of policy.funcs) emitFunc(ctx, f);
  policy.plans.forEach((p, i) => emitPlan(ctx, p, i));

  const hostBuiltins = [...builtins].filter(([, b]) => b.kind === "host").map(([n]) => n);
  const entrypoints = policy.plans.map((p) => p.name);
  replaceHook(m, layout, "eval", evalHook(ctx, policy.plans.length, options.strictBuiltinErrors === true));
  replaceHook(m, layout, "builtins", nameTableHook(ctx, hostBuiltins));
  replaceHook(m, layout, "entrypoints", nameTableHook(ctx, entrypoints));
  // Every string is interned by now: the heap starts after them.
  const heapBase = align(strings.end, 16);
  replaceHook(m, layout, "heap_base", { body: m.i32.const(heapBase), vars: [] });

  const data = strings.bytes();
  // Static data must fit the memory's initial size; loadCompiledPolicy reads this minimum from the
  // module and gives the SDK at least that many pages.
  layout.memoryInitial = Math.max(layout.memoryInitial, Math.ceil((heapBase + 1) / PAGE));
  setSegments(m, layout, data.length > 0 ? [{ name: "policy$strings", offset: strings.base, data, passive: false }] : []);
  setAbiExports(m, layout);
  if (options.strictBuiltinErrors) m.addCustomSection(strictBuiltinErrorsSection, new Uint8Array([1]));

  if (options.optimize) {
    const generated = [...funcs.values()].map((f) => f.internal).concat(policy.plans.map((_, i) => planInternalName(i)));
    binaryen.setOptimizeLevel(options.optimizeLevel ?? 2);
    binaryen.setShrinkLevel(1);
    for (const name of generated) m.optimizeFunction(name);
  }
  const t1 = performance.now();
  if (options.validate && !m.validate()) throw new LinkError("linked module does not validate");
  const t2 = performance.now();
  const wasm = m.emitBinary();
  const timings: EmitTimings = { readRuntime: 0, link: t1 - t0, validate: t2 - t1, write: performance.now() - t2 };
  return {
    wasm,
    info: {
      hostBuiltins,
      nativeBuiltins: [...builtins].filter(([, b]) => b.kind === "native").map(([n]) => n),
      entrypoints,
      dataBytes: data.length,
      timings,
    },
  };
}

function resolveBuiltins(m: binaryen.Module, layout: RuntimeLayout, decls: ir.BuiltinDecl[]): Map<string, BuiltinTarget> {
  const out = new Map<string, BuiltinTarget>();
  let nextId = 0;
  for (const d of decls) {
    if (out.has(d.name)) continue;
    const native = layout.functions.get(nativeBuiltinExport(d.name));
    if (native !== undefined) {
      const params = binaryen.expandType(binaryen.getFunctionInfo(m.getFunction(native)).params).length;
      if (params !== d.arity) {
        throw new CodegenError(`built-in ${d.name} is called with ${d.arity} arguments; the runtime's ${nativeBuiltinExport(d.name)} takes ${params}`);
      }
      out.set(d.name, { kind: "native", internal: native, arity: d.arity });
      continue;
    }
    if (d.arity > maxHostBuiltinArity) {
      throw new CodegenError(`built-in ${d.name} takes ${d.arity} arguments: the runtime lacks it and the host interface stops at ${maxHostBuiltinArity}`);
    }
    out.set(d.name, { kind: "host", id: nextId++, importName: hostImport(m, layout, d.arity), arity: d.arity });
  }
  return out;
}

/** The internal name of `env.opa_builtin<arity>`, importing it on first use. */
function hostImport(m: binaryen.Module, layout: RuntimeLayout, arity: number): string {
  const base = `opa_builtin${arity}`;
  let internal = layout.envImports.get(base);
  if (internal === undefined) {
    internal = `env$${base}`;
    const params = binaryen.createType(Array.from({ length: arity + 2 }, () => binaryen.i32));
    m.addFunctionImport(internal, "env", base, params, binaryen.i32);
    layout.envImports.set(base, internal);
  }
  return internal;
}

/** Replace the runtime's import of policy.<hook> by a function with the same name and type. */
interface HookCode {
  body: binaryen.ExpressionRef;
  /** Locals after the hook's parameters. */
  vars: number[];
}

function replaceHook(m: binaryen.Module, layout: RuntimeLayout, hook: PolicyHook, code: HookCode): void {
  const internal = layout.hooks.get(hook);
  if (internal === undefined) throw new LinkError(`runtime does not import policy.${hook}`);
  const info = binaryen.getFunctionInfo(m.getFunction(internal));
  m.removeFunction(internal);
  m.addFunction(internal, info.params, info.results, code.vars, code.body);
}

/** policy.eval(ctx): run the plan the entrypoint id names; an unknown id gives an empty result set. */
function evalHook(ctx: CodegenContext, plans: number, strict: boolean): HookCode {
  const m = ctx.m;
  const i32 = binaryen.i32;
  const ctxp = () => m.local.get(0, i32);
  const ep = 1;
  const rs = 2;
  const done = "done";
  const arms: binaryen.ExpressionRef[] = [m.local.set(ep, m.call(ctx.helper("rt_ctx_entrypoint"), [ctxp()], i32))];
  // Cached string values of a previous evaluation point into a heap the SDK has reset.
  for (const g of ctx.stringGlobals?.values() ?? []) arms.unshift(m.global.set(g, m.i32.const(0)));
  if (ctx.conflictGlobal !== undefined) arms.unshift(m.global.set(ctx.conflictGlobal, m.i32.const(0)));
  // The flag lives in the instance; only strict modules touch it (the runtime's default is off).
  if (strict) arms.unshift(m.call(ctx.helper("rt_set_strict_builtin_errors"), [m.i32.const(1)], binaryen.none));
  for (let i = 0; i < plans; i++) {
    arms.push(
      m.if(
        m.i32.eq(m.local.get(ep, i32), m.i32.const(i)),
        m.block(null, [
          m.local.set(
            rs,
            m.call(planInternalName(i), [m.call(ctx.helper("rt_ctx_input"), [ctxp()], i32), m.call(ctx.helper("rt_ctx_data"), [ctxp()], i32)], i32),
          ),
          m.br(done),
        ]),
      ),
    );
  }
  arms.push(m.local.set(rs, m.call(ctx.helper("opa_set"), [], i32)));
  const body = m.block(null, [m.block(done, arms), m.call(ctx.helper("rt_ctx_set_result"), [ctxp(), m.local.get(rs, i32)], binaryen.none)]);
  return { body, vars: [i32, i32] };
}

/** An object value { name: id, … } for builtins() and entrypoints(). */
function nameTableHook(ctx: CodegenContext, names: string[]): HookCode {
  const m = ctx.m;
  const i32 = binaryen.i32;
  const obj = 0;
  const body: binaryen.ExpressionRef[] = [m.local.set(obj, m.call(ctx.helper("opa_object"), [], i32))];
  names.forEach((name, id) => {
    const { offset, length } = ctx.strings.intern(name);
    body.push(
      m.call(
        ctx.helper("opa_object_insert"),
        [
          m.local.get(obj, i32),
          m.call(ctx.helper("opa_string"), [m.i32.const(offset), m.i32.const(length)], i32),
          m.call(ctx.helper("opa_number_int"), [m.i64.const(BigInt(id))], i32),
        ],
        binaryen.none,
      ),
    );
  });
  body.push(m.return(m.local.get(obj, i32)));
  return { body: m.block(null, body, i32), vars: [i32] };
}

// A stand-in for build/opa-runtime.wasm that lets the code generator's output run before (and
// independently of) the real AssemblyScript runtime: a Wasm module with the runtime's shape
// (imports env.memory and the policy.* hooks, exports the ABI and the helpers) whose helpers call
// into JavaScript, where values are handles to JS values. It checks the generated control flow,
// not the runtime's value semantics.

import binaryen from "binaryen";
import { abiFunctionExports, runtimeHelpers } from "../../../engine/compiler/wasm/abi.js";

type I = number;
const i32 = () => binaryen.i32;

/** Helper signatures: [params, result] with "i" = i32, "I" = i64, "" = void. */
const sigs: Record<string, [string, string]> = {
  opa_null: ["", "i"], opa_boolean: ["i", "i"], opa_number_int: ["I", "i"], opa_number_ref: ["ii", "i"],
  opa_string: ["ii", "i"], opa_array_with_cap: ["i", "i"], opa_object: ["", "i"], opa_set: ["", "i"],
  opa_array_append: ["ii", ""], opa_object_insert: ["iii", ""], rt_object_insert_once: ["iii", "i"],
  opa_set_add: ["ii", ""], opa_value_get: ["ii", "i"], rt_len: ["i", "i"], opa_value_iter: ["ii", "i"],
  rt_equal: ["ii", "i"], opa_value_type: ["i", "i"], rt_object_merge: ["ii", "i"], rt_upsert: ["iii", "i"],
  rt_abort_conflict: ["i", ""], rt_ctx_input: ["i", "i"], rt_ctx_data: ["i", "i"], rt_ctx_entrypoint: ["i", "i"],
  rt_ctx_set_result: ["ii", ""],
  // ABI functions the linker must find (bodies are never run by these tests except eval).
  opa_malloc: ["i", "i"], opa_free: ["i", ""], opa_json_parse: ["ii", "i"], opa_value_parse: ["ii", "i"],
  opa_json_dump: ["i", "i"], opa_value_dump: ["i", "i"], opa_heap_ptr_get: ["", "i"], opa_heap_ptr_set: ["i", ""],
  opa_eval_ctx_new: ["", "i"], opa_eval_ctx_set_input: ["ii", ""], opa_eval_ctx_set_data: ["ii", ""],
  opa_eval_ctx_set_entrypoint: ["ii", ""], opa_eval_ctx_get_result: ["i", "i"], opa_eval: ["iiiiiii", "i"],
  builtin_plus: ["ii", "i"],
};

function types(s: string): number {
  return binaryen.createType([...s].map((c) => (c === "I" ? binaryen.i64 : binaryen.i32)));
}

/** Build the fake runtime module. `builtin_plus` is "native"; everything else is host-delegated. */
export function buildFakeRuntime(): Uint8Array {
  const m = new binaryen.Module();
  m.addMemoryImport("mem", "env", "memory");
  m.setMemory(1, -1, null, [{ offset: m.i32.const(1024), data: new Uint8Array([1, 2, 3, 4]), passive: false }], false, false, "mem");
  m.addMemoryImport("mem", "env", "memory");
  m.addFunctionImport("hook_eval", "policy", "eval", i32(), binaryen.none);
  m.addFunctionImport("hook_builtins", "policy", "builtins", binaryen.none, i32());
  m.addFunctionImport("hook_entrypoints", "policy", "entrypoints", binaryen.none, i32());
  m.addFunctionImport("hook_heap_base", "policy", "heap_base", binaryen.none, i32());
  for (const [name, [p, r]] of Object.entries(sigs)) {
    const params = types(p);
    const result = r === "" ? binaryen.none : i32();
    m.addFunctionImport(`js_${name}`, "fake", name, params, result);
    const args = [...p].map((c, i) => m.local.get(i, c === "I" ? binaryen.i64 : binaryen.i32));
    m.addFunction(`rt_${name}`, params, result, [], m.call(`js_${name}`, args, result));
    m.addFunctionExport(`rt_${name}`, name);
  }
  // AssemblyScript cannot name a function `eval`: the runtime exports abi_eval and the linker renames.
  m.addFunction("abi_eval", i32(), i32(), [], m.block(null, [m.call("hook_eval", [m.local.get(0, i32())], binaryen.none), m.i32.const(0)], i32()));
  m.addFunctionExport("abi_eval", "abi_eval");
  m.addFunction("abi_builtins", binaryen.none, i32(), [], m.call("hook_builtins", [], i32()));
  m.addFunctionExport("abi_builtins", "builtins");
  m.addFunction("abi_entrypoints", binaryen.none, i32(), [], m.call("hook_entrypoints", [], i32()));
  m.addFunctionExport("abi_entrypoints", "entrypoints");
  m.addFunction("heap_base", binaryen.none, i32(), [], m.call("hook_heap_base", [], i32()));
  m.addFunctionExport("heap_base", "debug_heap_base");
  m.addGlobal("abi_major", i32(), false, m.i32.const(1));
  m.addGlobal("abi_minor", i32(), false, m.i32.const(3));
  m.addGlobalExport("abi_major", "opa_wasm_abi_version");
  m.addGlobalExport("abi_minor", "opa_wasm_abi_minor_version");
  if (!m.validate()) throw new Error("fake runtime does not validate");
  const out = m.emitBinary();
  m.dispose();
  return out;
}

// ---------------------------------------------------------------------------------------------
// JS side: values are entries of `heap`; handle 0 is undefined.

type V = null | boolean | number | string | V[] | { obj: Map<string, [V, V]> } | { set: Map<string, V> };

function key(v: V): string {
  return JSON.stringify(canon(v));
}
function canon(v: V): unknown {
  if (Array.isArray(v)) return v.map(canon);
  if (v && typeof v === "object" && "obj" in v) return { o: [...v.obj.keys()].sort() .map((k) => [k, canon(v.obj.get(k)![1])]) };
  if (v && typeof v === "object" && "set" in v) return { s: [...v.set.keys()].sort() };
  return v;
}

export function toJS(v: V): unknown {
  if (Array.isArray(v)) return v.map(toJS);
  if (v && typeof v === "object" && "obj" in v) {
    const o: Record<string, unknown> = {};
    for (const [, [k, x]] of [...v.obj].sort(([a], [b]) => (a < b ? -1 : 1))) o[String(toJS(k))] = toJS(x);
    return o;
  }
  if (v && typeof v === "object" && "set" in v) return [...v.set].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, x]) => toJS(x));
  return v;
}

export function fromJS(x: unknown): V {
  if (Array.isArray(x)) return x.map(fromJS);
  if (x !== null && typeof x === "object") {
    const obj = new Map<string, [V, V]>();
    for (const [k, v] of Object.entries(x)) obj.set(key(k), [k, fromJS(v)]);
    return { obj };
  }
  return x as V;
}

export class FakeHost {
  heap: V[] = [null];
  result: V | undefined;
  builtinCalls: Array<[number, unknown[]]> = [];
  constructor(private readonly memory: WebAssembly.Memory, private readonly ctx: { input?: unknown; data?: unknown; entrypoint: number }) {}

  put(v: V): I {
    this.heap.push(v);
    return this.heap.length - 1;
  }
  val(h: I): V {
    if (h === 0 || h >= this.heap.length) throw new Error(`bad handle ${h}`);
    return this.heap[h] as V;
  }
  text(p: I, n: I): string {
    return new TextDecoder().decode(new Uint8Array(this.memory.buffer, p, n));
  }

  imports(): Record<string, Function> {
    const f: Record<string, Function> = {
      opa_null: () => this.put(null),
      opa_boolean: (b: I) => this.put(b !== 0),
      opa_number_int: (n: bigint) => this.put(Number(n)),
      opa_number_ref: (p: I, n: I) => this.put(Number(this.text(p, n))),
      opa_string: (p: I, n: I) => this.put(this.text(p, n)),
      opa_array_with_cap: () => this.put([]),
      opa_object: () => this.put({ obj: new Map() }),
      opa_set: () => this.put({ set: new Map() }),
      opa_array_append: (a: I, v: I) => void (this.val(a) as V[]).push(this.val(v)),
      opa_object_insert: (o: I, k: I, v: I) => void (this.val(o) as { obj: Map<string, [V, V]> }).obj.set(key(this.val(k)), [this.val(k), this.val(v)]),
      rt_object_insert_once: (o: I, k: I, v: I) => {
        const m = (this.val(o) as { obj: Map<string, [V, V]> }).obj;
        const old = m.get(key(this.val(k)));
        if (old && key(old[1]) !== key(this.val(v))) return 1;
        m.set(key(this.val(k)), [this.val(k), this.val(v)]);
        return 0;
      },
      opa_set_add: (s: I, v: I) => void (this.val(s) as { set: Map<string, V> }).set.set(key(this.val(v)), this.val(v)),
      opa_value_get: (c: I, k: I) => {
        const v = this.val(c);
        const kv = this.val(k);
        if (Array.isArray(v)) return typeof kv === "number" && kv in v ? this.put(v[kv] as V) : 0;
        if (v && typeof v === "object" && "obj" in v) { const e = v.obj.get(key(kv)); return e ? this.put(e[1]) : 0; }
        if (v && typeof v === "object" && "set" in v) return v.set.has(key(kv)) ? this.put(kv) : 0;
        return 0;
      },
      rt_len: (c: I) => {
        const v = this.val(c);
        if (typeof v === "string" || Array.isArray(v)) return this.put(v.length);
        if (v && typeof v === "object") return this.put("obj" in v ? v.obj.size : v.set.size);
        return 0;
      },
      opa_value_iter: (c: I, prev: I) => {
        const v = this.val(c);
        let keys: V[] = [];
        if (Array.isArray(v)) keys = v.map((_, i) => i);
        else if (v && typeof v === "object") keys = "obj" in v ? [...v.obj.values()].map((e) => e[0]) : [...v.set.values()];
        const i = prev === 0 ? 0 : keys.findIndex((k) => key(k) === key(this.val(prev))) + 1;
        return i < keys.length ? this.put(keys[i] as V) : 0;
      },
      rt_equal: (a: I, b: I) => (key(this.val(a)) === key(this.val(b)) ? 1 : 0),
      opa_value_type: (h: I) => {
        const v = this.val(h);
        if (v === null) return 1;
        if (typeof v === "boolean") return 2;
        if (typeof v === "number") return 3;
        if (typeof v === "string") return 4;
        if (Array.isArray(v)) return 5;
        return "obj" in v ? 6 : 7;
      },
      rt_object_merge: () => { throw new Error("not faked"); },
      rt_upsert: (base: I, path: I, v: I) => {
        const copy = fromJS(structuredClone(base === 0 ? {} : toJS(this.val(base)))) as { obj: Map<string, [V, V]> };
        let at = copy;
        const keys = this.val(path) as string[];
        keys.forEach((k, i) => {
          if (i === keys.length - 1) { at.obj.set(key(k), [k, this.val(v)]); return; }
          let next = at.obj.get(key(k))?.[1] as { obj: Map<string, [V, V]> } | undefined;
          if (!next || typeof next !== "object" || !("obj" in next)) { next = { obj: new Map() }; at.obj.set(key(k), [k, next]); }
          at = next;
        });
        return this.put(copy);
      },
      rt_abort_conflict: (k: I) => { throw new Error(`eval_conflict_error: kind ${k}`); },
      rt_ctx_input: () => (this.ctx.input === undefined ? 0 : this.put(fromJS(this.ctx.input))),
      rt_ctx_data: () => this.put(fromJS(this.ctx.data ?? {})),
      rt_ctx_entrypoint: () => this.ctx.entrypoint,
      rt_ctx_set_result: (_c: I, v: I) => { this.result = this.val(v); },
      builtin_plus: (a: I, b: I) => this.put((this.val(a) as number) + (this.val(b) as number)),
    };
    for (const n of [...abiFunctionExports, ...runtimeHelpers]) if (!f[n]) f[n] = () => { throw new Error(`${n} not faked`); };
    return f;
  }
}

/** Instantiate a module linked against the fake runtime and evaluate one entrypoint. */
export function runFake(
  wasm: Uint8Array,
  ctx: { input?: unknown; data?: unknown; entrypoint: number },
  host: Record<string, (...args: unknown[]) => unknown> = {},
): { result: unknown; fake: FakeHost; exports: WebAssembly.Exports } {
  const memory = new WebAssembly.Memory({ initial: 2 });
  const fake = new FakeHost(memory, ctx);
  const env: Record<string, unknown> = {
    memory,
    opa_abort: () => { throw new Error("abort"); },
    opa_println: () => {},
  };
  for (let n = 0; n <= 4; n++) {
    env[`opa_builtin${n}`] = (id: number, _ctx: number, ...args: number[]) => {
      const js = args.map((a) => toJS(fake.val(a)));
      fake.builtinCalls.push([id, js]);
      const impl = host[String(id)];
      const r = impl ? impl(...js) : undefined;
      return r === undefined ? 0 : fake.put(fromJS(r));
    };
  }
  const inst = new WebAssembly.Instance(new WebAssembly.Module(wasm), { env, fake: fake.imports() } as WebAssembly.Imports);
  (inst.exports.eval as (c: number) => number)(1);
  return { result: fake.result === undefined ? undefined : toJS(fake.result), fake, exports: inst.exports };
}

// Instantiates build/opa-runtime.wasm on its own, with the "policy" hooks supplied from JS, and
// offers small helpers to move values in and out of linear memory.
import { readFileSync } from "node:fs";
import { ensureRuntime } from "./ensure-runtime.js";

type Fn = (...args: any[]) => any;

export interface Runtime {
  exports: Record<string, Fn> & Record<string, any>;
  memory: WebAssembly.Memory;
  /** Value pointer for JSON text (throws when the runtime rejects it). */
  json(text: string): number;
  /** JSON text of a value (opa_json_dump). */
  dump(v: number): string;
  /** Rego text of a value (opa_value_dump). */
  dumpValue(v: number): string;
  /** JS value of a value (JSON.parse of the dump), undefined for 0. */
  js(v: number): unknown;
  /** Calls builtin_<name> with JSON-text args; returns JSON text of the result or undefined. */
  call(name: string, ...args: string[]): string | undefined;
  str(s: string): number;
  cstr(p: number): string;
  aborts: string[];
  /** Hook set by a test: what policy.eval does with the ctx. */
  onEval: (ctx: number) => void;
}

let compiled: WebAssembly.Module | undefined;

export function loadRuntime(pages = 5): Runtime {
  compiled ??= new WebAssembly.Module(readFileSync(ensureRuntime()));
  const memory = new WebAssembly.Memory({ initial: pages });
  const aborts: string[] = [];
  let inst: WebAssembly.Instance | undefined;
  const rt = {} as Runtime;
  const cstr = (p: number): string => {
    const b = new Uint8Array(memory.buffer);
    let e = p;
    while (b[e] !== 0) e++;
    return new TextDecoder().decode(b.subarray(p, e));
  };
  const imports = {
    env: {
      memory,
      opa_abort: (p: number) => { const m = cstr(p); aborts.push(m); throw new Error(m); },
      opa_println: (p: number) => { console.log(cstr(p)); },
    },
    policy: {
      heap_base: () => ((inst!.exports.rt_static_end as Fn)() + 15) & ~15,
      eval: (ctx: number) => rt.onEval(ctx),
      builtins: () => rt.json('{"custom.fn":0}'),
      entrypoints: () => rt.json('{"a/b":0}'),
    },
  };
  inst = new WebAssembly.Instance(compiled, imports);
  const ex = inst.exports as Runtime["exports"];
  const put = (bytes: Uint8Array): number => {
    const p = ex.opa_malloc(bytes.length);
    new Uint8Array(memory.buffer).set(bytes, p);
    return p;
  };
  Object.assign(rt, {
    exports: ex,
    memory,
    aborts,
    onEval: () => {},
    cstr,
    json(text: string): number {
      const b = new TextEncoder().encode(text);
      const v = ex.opa_json_parse(put(b), b.length);
      if (v === 0) throw new Error(`runtime rejected JSON: ${text.slice(0, 80)}`);
      return v;
    },
    str(s: string): number {
      const b = new TextEncoder().encode(s);
      return ex.opa_string(put(b), b.length);
    },
    dump: (v: number) => cstr(ex.opa_json_dump(v)),
    dumpValue: (v: number) => cstr(ex.opa_value_dump(v)),
    js: (v: number) => (v === 0 ? undefined : JSON.parse(cstr(ex.opa_json_dump(v)))),
    call(name: string, ...args: string[]): string | undefined {
      const fn = ex[`builtin_${name.replaceAll(".", "_")}`];
      if (typeof fn !== "function") throw new Error(`no native builtin ${name}`);
      const r = fn(...args.map((a) => rt.json(a)));
      return r === 0 ? undefined : cstr(ex.opa_json_dump(r));
    },
  });
  return rt;
}

// Host built-ins (TypeScript implementations of the built-ins the Wasm runtime does not implement
// natively) and the one way the project loads a compiled policy: through the unmodified
// @open-policy-agent/opa-wasm SDK, with these built-ins as its `customBuiltins`.
//
// Note the SDK's own built-ins (sprintf, json.is_valid, regex.split, yaml.*) take precedence over
// custom ones of the same name.

import * as opaWasmModule from "@open-policy-agent/opa-wasm";
import { encodingBuiltins } from "./host/encoding.js";
import { jsonBuiltins } from "./host/json.js";
import { netBuiltins } from "./host/net.js";
import { regexBuiltins } from "./host/regex.js";
import { stringBuiltins } from "./host/strings.js";
import { timeBuiltins } from "./host/time.js";
import { unitBuiltins } from "./host/units.js";
import { asInt, isString, type HostFn } from "./host/util.js";
import { strictBuiltinErrorsSection } from "../wasm/abi.js";
import { inErrorMode } from "./errors.js";

export { BuiltinError, inErrorMode } from "./errors.js";

export { builtinSignature, builtinSignatures, type BuiltinSignature } from "./signatures.js";
export { strictBuiltinErrorsSection };

export interface HostOptions {
  /** Clock for time.now_ns, in nanoseconds (tests pin it). */
  now?: () => bigint;
  /** Where print output goes (default: stderr). */
  print?: (line: string) => void;
}

const realNow = () => BigInt(Date.now()) * 1_000_000n;

/** Every host built-in, by OPA name. */
export function hostBuiltins(options: HostOptions = {}): Record<string, HostFn> {
  const print = options.print ?? ((l: string) => process.stderr.write(l + "\n"));
  return {
    ...stringBuiltins,
    ...regexBuiltins,
    ...encodingBuiltins,
    ...netBuiltins,
    ...jsonBuiltins,
    ...unitBuiltins,
    ...timeBuiltins(options.now ?? realNow),
    "rand.intn": (s, n) => {
      const max = asInt(n);
      if (!isString(s) || max === undefined) return undefined;
      return max === 0 ? 0 : Math.floor(Math.random() * Math.abs(max));
    },
    // print(x, y) is planned as internal.print([{x values}, {y values}]); it never fails.
    "internal.print": (groups) => {
      if (Array.isArray(groups)) {
        print(groups.map((g) => (Array.isArray(g) && g.length > 0 ? g.map((v) => (isString(v) ? v : JSON.stringify(v))).join(", ") : "<undefined>")).join(" "));
      }
      return true;
    },
  };
}

/** The SDK's LoadedPolicy, as far as the project uses it. */
export interface LoadedPolicy {
  evaluate(input?: unknown, entrypoint?: number | string): Array<{ result: unknown }>;
  setData(data: unknown): void;
  entrypoints: Record<string, number>;
  wasmInstance: WebAssembly.Instance;
  mem: WebAssembly.Memory;
}

interface Sdk {
  loadPolicy(wasm: BufferSource | WebAssembly.Module, memory?: number | WebAssembly.MemoryDescriptor, customBuiltins?: Record<string, HostFn>): Promise<LoadedPolicy>;
  loadPolicySync(wasm: BufferSource | WebAssembly.Module, memory?: number | WebAssembly.MemoryDescriptor, customBuiltins?: Record<string, HostFn>): LoadedPolicy;
}

// The SDK is CommonJS: Node hands its module.exports over as the namespace's default (its type
// declarations do not say so, and name only some of the functions).
const sdk = ((opaWasmModule as { default?: unknown }).default ?? opaWasmModule) as Sdk;
function opaWasm(): Sdk {
  return sdk;
}

export interface LoadOptions extends HostOptions {
  /** Initial memory pages (the SDK's default is 5; the module grows memory itself). */
  memoryPages?: number;
  /** Upper bound on memory pages (64 KiB each); unbounded unless given. */
  memoryMaxPages?: number;
  /** Extra or replacement host built-ins. */
  builtins?: Record<string, HostFn>;
}

/** The host built-ins given to the SDK, failing as the module's error mode says. */
function customBuiltins(options: LoadOptions, strict: boolean): Record<string, HostFn> {
  const all: Record<string, HostFn> = { ...hostBuiltins(options), ...options.builtins };
  for (const [name, fn] of Object.entries(all)) all[name] = inErrorMode(name, fn, strict);
  return all;
}

/** Whether a module was compiled with strict built-in errors (it carries strictBuiltinErrorsSection). */
export function compiledStrict(wasm: Uint8Array | WebAssembly.Module): boolean {
  if (!(wasm instanceof Uint8Array)) return WebAssembly.Module.customSections(wasm, strictBuiltinErrorsSection).length > 0;
  const want = new TextEncoder().encode(strictBuiltinErrorsSection);
  for (const s of sections(wasm)) {
    if (s.id !== 0) continue;
    const { value: len, next } = leb128(wasm, s.start);
    if (len === want.length && want.every((b, i) => wasm[next + i] === b)) return true;
  }
  return false;
}

/** An unsigned LEB128 number at `at`, and the offset after it. */
function leb128(wasm: Uint8Array, at: number): { value: number; next: number } {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = wasm[at++];
    if (b === undefined) throw new RangeError("truncated module");
    value |= (b & 0x7f) << shift;
    if ((b & 0x80) === 0) return { value: value >>> 0, next: at };
    shift += 7;
  }
}

/** The sections of a module: id and the byte range of the contents; stops at a truncated one. */
function* sections(wasm: Uint8Array): Generator<{ id: number; start: number; end: number }> {
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at++] as number;
    let size;
    try {
      size = leb128(wasm, at);
    } catch {
      return;
    }
    const end = size.next + size.value;
    if (end > wasm.length) return;
    yield { id, start: size.next, end };
    at = end;
  }
}

/**
 * The minimum size of the memory a module imports (env.memory), in pages; 0 if none is found.
 * Read from the import section so that a policy with much static data gets the memory it needs.
 */
export function importedMemoryMinimum(wasm: Uint8Array): number {
  try {
    for (const s of sections(wasm)) {
      if (s.id !== 2) continue;
      let at = s.start;
      const u32 = (): number => {
        const r = leb128(wasm, at);
        at = r.next;
        return r.value;
      };
      const skipName = (): void => {
        const n = u32(); // read before `at` moves past the length (not `at += u32()`)
        at += n;
      };
      const count = u32();
      for (let i = 0; i < count; i++) {
        skipName(); // module
        skipName(); // field
        const kind = wasm[at++];
        if (kind === 0) u32(); // function: type index
        else if (kind === 1) {
          at++; // table: reference type, then limits
          const flags = u32();
          u32();
          if (flags & 1) u32();
        } else if (kind === 2) {
          u32(); // memory: limits flags, then the minimum
          return u32();
        } else if (kind === 3) at += 2; // global: value type and mutability
        else return 0;
      }
      return 0;
    }
  } catch {
    return 0; // truncated
  }
  return 0;
}

function memory(options: LoadOptions, wasm: Uint8Array | WebAssembly.Module): WebAssembly.MemoryDescriptor {
  const needed = wasm instanceof Uint8Array ? importedMemoryMinimum(wasm) : 0;
  const initial = Math.max(options.memoryPages ?? 5, needed);
  return options.memoryMaxPages !== undefined ? { initial, maximum: Math.max(initial, options.memoryMaxPages) } : { initial };
}

/** Load a compiled policy through the unmodified SDK, with the project's host built-ins. */
export function loadCompiledPolicy(wasm: Uint8Array | WebAssembly.Module, options: LoadOptions = {}): Promise<LoadedPolicy> {
  return opaWasm().loadPolicy(wasm as BufferSource, memory(options, wasm), customBuiltins(options, compiledStrict(wasm)));
}

export function loadCompiledPolicySync(wasm: Uint8Array | WebAssembly.Module, options: LoadOptions = {}): LoadedPolicy {
  return opaWasm().loadPolicySync(wasm as BufferSource, memory(options, wasm), customBuiltins(options, compiledStrict(wasm)));
}

// Host built-ins (TypeScript implementations of the built-ins the Wasm runtime does not implement
// natively) and the one way the project loads a compiled policy: through the unmodified
// @open-policy-agent/opa-wasm SDK, with these built-ins as its `customBuiltins`.
//
// Note the SDK's own built-ins (sprintf, json.is_valid, regex.split, yaml.*) take precedence over
// custom ones of the same name.

import { createRequire } from "node:module";
import { encodingBuiltins } from "./host/encoding.js";
import { netBuiltins } from "./host/net.js";
import { regexBuiltins } from "./host/regex.js";
import { stringBuiltins } from "./host/strings.js";
import { timeBuiltins } from "./host/time.js";
import { unitBuiltins } from "./host/units.js";
import { asInt, isString, type HostFn } from "./host/util.js";

export { builtinSignature, builtinSignatures, type BuiltinSignature } from "./signatures.js";

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

const require = createRequire(import.meta.url);
let sdk: Sdk | null = null;
function opaWasm(): Sdk {
  sdk ??= require("@open-policy-agent/opa-wasm") as Sdk;
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

function customBuiltins(options: LoadOptions): Record<string, HostFn> {
  return { ...hostBuiltins(options), ...options.builtins };
}

function memory(options: LoadOptions): WebAssembly.MemoryDescriptor {
  const initial = options.memoryPages ?? 5;
  return options.memoryMaxPages !== undefined ? { initial, maximum: Math.max(initial, options.memoryMaxPages) } : { initial };
}

/** Load a compiled policy through the unmodified SDK, with the project's host built-ins. */
export function loadCompiledPolicy(wasm: Uint8Array | WebAssembly.Module, options: LoadOptions = {}): Promise<LoadedPolicy> {
  return opaWasm().loadPolicy(wasm as BufferSource, memory(options), customBuiltins(options));
}

export function loadCompiledPolicySync(wasm: Uint8Array | WebAssembly.Module, options: LoadOptions = {}): LoadedPolicy {
  return opaWasm().loadPolicySync(wasm as BufferSource, memory(options), customBuiltins(options));
}

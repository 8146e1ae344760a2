// Reading the runtime module and linking the policy code into it: which functions the runtime
// exports and imports, where its static data ends, and the final memory, segments and exports.
// Everything here works on a binaryen Module that was read from build/opa-runtime.wasm.

import binaryen from "binaryen";
import { abiFunctionExports, abiGlobalExports, policyHooks, runtimeAliases, type PolicyHook } from "./abi.js";

/** Data segment functions that binaryen.js has but its type declarations lack. */
interface SegmentApi {
  getNumDataSegments(): number;
  getDataSegmentByIndex(index: number): number;
  getDataSegmentInfo(ref: number): { name: string; offset: number | null; data: ArrayBuffer; passive: boolean };
}

export interface Segment {
  name: string;
  offset: number;
  data: Uint8Array;
  passive: boolean;
}

export interface RuntimeLayout {
  /** Export name → internal name, for function exports. */
  functions: Map<string, string>;
  /** Export name → internal name, for global exports. */
  globals: Map<string, string>;
  /** Hook → internal name of the runtime's import of `policy.<hook>`. */
  hooks: Map<PolicyHook, string>;
  /** `env.<base>` function import → internal name. */
  envImports: Map<string, string>;
  memoryName: string;
  memoryInitial: number;
  memoryMax: number | undefined;
  segments: Segment[];
  /** First byte after the runtime's active data segments. */
  staticEnd: number;
}

export class LinkError extends Error {}

/** What the runtime offers; throws LinkError when it lacks what the ABI needs. */
export function inspectRuntime(m: binaryen.Module): RuntimeLayout {
  const functions = new Map<string, string>();
  const globals = new Map<string, string>();
  let memoryExport: string | null = null;
  for (let i = 0; i < m.getNumExports(); i++) {
    const e = binaryen.getExportInfo(m.getExportByIndex(i));
    if (e.kind === binaryen.ExternalFunction) functions.set(e.name, e.value);
    else if (e.kind === binaryen.ExternalGlobal) globals.set(e.name, e.value);
    else if (e.kind === binaryen.ExternalMemory) memoryExport = e.value;
  }
  const hooks = new Map<PolicyHook, string>();
  const envImports = new Map<string, string>();
  for (let i = 0; i < m.getNumFunctions(); i++) {
    const f = binaryen.getFunctionInfo(m.getFunctionByIndex(i));
    if (f.module === "policy" && f.base && (policyHooks as readonly string[]).includes(f.base)) {
      hooks.set(f.base as PolicyHook, f.name);
    } else if (f.module === "policy") {
      throw new LinkError(`runtime imports unknown hook policy.${f.base}`);
    } else if (f.module === "env" && f.base) {
      envImports.set(f.base, f.name);
    }
  }
  if (!m.hasMemory()) throw new LinkError("runtime has no memory");
  const mem = m.getMemoryInfo();
  if (mem.module !== "env" || mem.base !== "memory") {
    throw new LinkError("runtime must import its memory as env.memory (build with --importMemory)");
  }
  const seg = m as unknown as SegmentApi;
  const segments: Segment[] = [];
  let staticEnd = 0;
  for (let i = 0; i < seg.getNumDataSegments(); i++) {
    const s = seg.getDataSegmentInfo(seg.getDataSegmentByIndex(i));
    const data = new Uint8Array(s.data);
    const offset = s.offset ?? 0;
    segments.push({ name: s.name, offset, data, passive: s.passive });
    if (!s.passive) staticEnd = Math.max(staticEnd, offset + data.length);
  }
  return {
    functions,
    globals,
    hooks,
    envImports,
    // binaryen names an unnamed imported memory "mimport$0"; an export tells us its real name.
    memoryName: memoryExport ?? "mimport$0",
    memoryInitial: mem.initial,
    memoryMax: mem.max,
    segments,
    staticEnd,
  };
}

/** The internal name of a runtime export, through the alias table; null when absent. */
export function runtimeFunction(layout: RuntimeLayout, abiName: string): string | null {
  for (const alias of runtimeAliases[abiName] ?? [abiName]) {
    const internal = layout.functions.get(alias);
    if (internal !== undefined) return internal;
  }
  return null;
}

/** Re-declare memory with the runtime's segments plus the policy's, still imported as env.memory. */
export function setSegments(m: binaryen.Module, layout: RuntimeLayout, extra: Segment[]): void {
  const all = [...layout.segments, ...extra].map((s) => ({
    name: s.name,
    offset: m.i32.const(s.offset),
    data: s.data,
    passive: s.passive,
  }));
  m.setMemory(layout.memoryInitial, layout.memoryMax ?? -1, null, all, false, false, layout.memoryName);
  m.addMemoryImport(layout.memoryName, "env", "memory");
}

/** Replace every export by exactly the ABI's exports. */
export function setAbiExports(m: binaryen.Module, layout: RuntimeLayout): void {
  const names: string[] = [];
  for (let i = 0; i < m.getNumExports(); i++) names.push(binaryen.getExportInfo(m.getExportByIndex(i)).name);
  for (const n of names) m.removeExport(n);
  for (const abi of abiFunctionExports) {
    const internal = runtimeFunction(layout, abi);
    if (internal === null) throw new LinkError(`runtime does not export ${abi}`);
    m.addFunctionExport(internal, abi);
  }
  for (const abi of abiGlobalExports) {
    const internal = layout.globals.get(abi);
    if (internal === undefined) throw new LinkError(`runtime does not export global ${abi}`);
    m.addGlobalExport(internal, abi);
  }
}

export function align(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

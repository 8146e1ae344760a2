// The Rego → Wasm compiler's public API.
//
//   const r = await compile({ modules: [{ file: "p.rego", text }], entrypoints: ["test/p"] });
//   if (r.ok) { const policy = await loadCompiledPolicy(r.value); policy.setData({}); policy.evaluate(input); }
//
// Every part of the project loads compiled policies through loadCompiledPolicy, which gives the
// unmodified @open-policy-agent/opa-wasm SDK the project's host built-ins.

export {
  compile,
  compileWithTimings,
  compileDirectory,
  readRegoDirectory,
  normalizeEntrypoint,
  defaultRuntime,
  type CompileRequest,
  type CompileOutput,
  type SourceModule,
  type StageTimings,
} from "./compile.js";
export {
  loadCompiledPolicy,
  loadCompiledPolicySync,
  hostBuiltins,
  type LoadedPolicy,
  type LoadOptions,
  type HostOptions,
} from "./builtins/index.js";
export { builtinSignature, builtinSignatures, type BuiltinSignature } from "./builtins/signatures.js";
export { formatCompileError, type CompileError, type CompileErrorCode, type Result } from "./errors.js";

import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);
import {
  builtinSignature,
  builtinSignatures,
  compile,
  compileDirectory,
  compileWithTimings,
  defaultRuntime,
  formatCompileError,
  hostBuiltins,
  loadCompiledPolicy,
  loadCompiledPolicySync,
  normalizeEntrypoint,
  readRegoDirectory
} from "./chunk-E5HV6BEY.js";
import "./chunk-7IE4MIOT.js";
export {
  builtinSignature,
  builtinSignatures,
  compile,
  compileDirectory,
  compileWithTimings,
  defaultRuntime,
  formatCompileError,
  hostBuiltins,
  loadCompiledPolicy,
  loadCompiledPolicySync,
  normalizeEntrypoint,
  readRegoDirectory
};

import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// engine/compiler/wasm/abi.ts
var abiFunctionExports = [
  "opa_malloc",
  "opa_free",
  "opa_json_parse",
  "opa_value_parse",
  "opa_json_dump",
  "opa_value_dump",
  "opa_heap_ptr_get",
  "opa_heap_ptr_set",
  "opa_eval_ctx_new",
  "opa_eval_ctx_set_input",
  "opa_eval_ctx_set_data",
  "opa_eval_ctx_set_entrypoint",
  "opa_eval_ctx_get_result",
  "eval",
  "builtins",
  "entrypoints",
  "opa_eval"
];
var abiGlobalExports = ["opa_wasm_abi_version", "opa_wasm_abi_minor_version"];
var runtimeAliases = {
  eval: ["eval", "abi_eval", "opa_eval_ctx_eval"],
  builtins: ["builtins", "abi_builtins"],
  entrypoints: ["entrypoints", "abi_entrypoints"]
};
var policyHooks = ["eval", "builtins", "entrypoints", "heap_base"];
var runtimeHelpers = [
  "opa_null",
  "opa_boolean",
  "opa_number_int",
  "opa_number_ref",
  "opa_string",
  "opa_array_with_cap",
  "opa_object",
  "opa_set",
  "opa_array_append",
  "opa_object_insert",
  "rt_object_insert_once",
  "opa_set_add",
  "opa_value_get",
  "rt_len",
  "opa_value_iter",
  "rt_equal",
  "opa_value_type",
  "rt_object_merge",
  "rt_upsert",
  "rt_abort_conflict",
  "rt_ctx_input",
  "rt_ctx_data",
  "rt_ctx_entrypoint",
  "rt_ctx_set_result",
  "rt_set_strict_builtin_errors",
  "rt_abort_conflict_named"
];
var valueType = { null: 1, boolean: 2, number: 3, string: 4, array: 5, object: 6, set: 7 };
var maxHostBuiltinArity = 4;
function nativeBuiltinExport(name) {
  return `builtin_${name.replace(/\./g, "_")}`;
}
var strictBuiltinErrorsSection = "exempt.strict_builtin_errors";

export {
  __require,
  __commonJS,
  __export,
  __toESM,
  abiFunctionExports,
  abiGlobalExports,
  runtimeAliases,
  policyHooks,
  runtimeHelpers,
  valueType,
  maxHostBuiltinArity,
  nativeBuiltinExport,
  strictBuiltinErrorsSection
};

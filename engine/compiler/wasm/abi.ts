// The single place that knows the names of OPA's Wasm ABI (what @open-policy-agent/opa-wasm calls)
// and how they map to the names the AssemblyScript runtime exports them under.

/** Function exports of the final module, in the order they are added. */
export const abiFunctionExports = [
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
  "opa_eval",
] as const;

/** Global exports of the final module. */
export const abiGlobalExports = ["opa_wasm_abi_version", "opa_wasm_abi_minor_version"] as const;

/**
 * Runtime export names that differ from the ABI name (AssemblyScript cannot always use the ABI
 * name, e.g. `eval`). Each ABI name is looked up under these aliases, first match wins.
 */
export const runtimeAliases: Record<string, string[]> = {
  eval: ["eval", "abi_eval", "opa_eval_ctx_eval"],
  builtins: ["builtins", "abi_builtins"],
  entrypoints: ["entrypoints", "abi_entrypoints"],
};

/** The hooks the runtime imports from module "policy" and the generator defines. */
export const policyHooks = ["eval", "builtins", "entrypoints", "heap_base"] as const;
export type PolicyHook = (typeof policyHooks)[number];

/** Runtime exports the generated code calls (see runtime/API.md). */
export const runtimeHelpers = [
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
  "rt_abort_conflict_named",
] as const;
export type RuntimeHelper = (typeof runtimeHelpers)[number];

/** OPA's value type codes, as `opa_value_type` returns them. */
export const valueType = { null: 1, boolean: 2, number: 3, string: 4, array: 5, object: 6, set: 7 } as const;

/** The most arguments a host-delegated built-in can take (`env.opa_builtin0` … `opa_builtin4`). */
export const maxHostBuiltinArity = 4;

/** The runtime export name of a native built-in: dots become underscores. */
export function nativeBuiltinExport(name: string): string {
  return `builtin_${name.replace(/\./g, "_")}`;
}

/**
 * Name of the custom section that marks a module compiled with strict built-in errors: the loader
 * (builtins/index.ts) reads it to make host built-ins fail the same way as native ones.
 */
export const strictBuiltinErrorsSection = "exempt.strict_builtin_errors";

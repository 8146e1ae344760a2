// Entry file of the runtime: everything exported here becomes a Wasm export.
export * from "./abi";
export { abi_eval as eval } from "./abi";
export * from "./builtins/arith";
export * from "./builtins/aggregates";
export * from "./builtins/arrays";
export * from "./builtins/objects";
export * from "./builtins/strings";
export * from "./builtins/types";
export * from "./builtins/sprintf";
export * from "./builtins/encoding";
export * from "./builtins/member";

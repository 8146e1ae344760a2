// Entry file of the runtime: everything exported here becomes a Wasm export.
export * from "./abi";
export { abi_eval as eval } from "./abi";

export * from "./types.js";
export * from "./format.js";
export * from "./escape.js";
export { reportSchemaPath, validateReport } from "./schema.js";

export * from "./types.js";
export * from "./format.js";
export * from "./escape.js";
export { reportSchemaPath, validateReport } from "./schema.js";
export { reportChunks, jsonChunks, csvChunks, CHUNK_CHARS } from "./stream.js";
export { writeChunks, type DrainableStream } from "./write.js";

export * from "./issues.js";
export * from "./rows.js";
export * from "./assessments.js";
export * from "./tree.js";
export * from "./controls.js";
export * from "./metadata.js";
export { listItems } from "./json-file.js";

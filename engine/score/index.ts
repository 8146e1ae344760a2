export * from "./formula.js";
export * from "./accumulator.js";
export * from "./recommendations.js";

// The planner stage: checked Rego program → planner IR (engine/compiler/ir/ir.ts).
export { plan } from "./planner.js";

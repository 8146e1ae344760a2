// The committed example tenant is exactly what its generator writes (deterministic seed), and its
// shape is what the docs promise.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateTenant } from "../../engine/examples/generate-tenant.js";

const TENANT = join(import.meta.dirname, "../../engine/examples/tenant");
const read = (p: string) => JSON.parse(readFileSync(join(TENANT, p), "utf8"));

describe("example tenant", () => {
  it("matches its generator's output", () => {
    const { rows, tree } = generateTenant(read("controls.json"));
    const committed = [...read("assessments/page-0001.json").data, ...read("assessments/page-0002.json").data];
    expect(committed).toEqual(rows);
    expect(read("tree.json")).toEqual(tree);
  });

  it("has several hundred assessments, nested management groups and only keys of the controls", () => {
    const { rows, tree } = generateTenant(read("controls.json"));
    expect(rows.length).toBeGreaterThanOrEqual(300);
    const keys = new Set(read("controls.json").value.flatMap((c: { properties: { definition: { properties: { assessmentDefinitions: { id: string }[] } } } }) => c.properties.definition.properties.assessmentDefinitions.map((d) => d.id.split("/").pop()!.toLowerCase())));
    expect(rows.every((r) => keys.has(r.name))).toBe(true);
    const depths = tree.data.filter((r) => r.type === "microsoft.resources/subscriptions").map((r) => (r.properties as { managementGroupAncestorsChain: unknown[] }).managementGroupAncestorsChain.length);
    expect(Math.max(...depths)).toBeGreaterThanOrEqual(4);
  });
});

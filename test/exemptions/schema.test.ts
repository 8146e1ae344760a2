// The JSON Schema itself, and the example set that ships with the repository.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { EXEMPTION_SCHEMA, KNOWN_FIELDS, fileStateAt, loadExemptions } from "../../engine/exemptions/index.js";
import { JUSTIFICATIONS } from "../../engine/exemptions/index.js";

describe("engine/schema/exemption.schema.json", () => {
  it("is a strict-valid JSON Schema 2020-12 document", () => {
    const raw = JSON.parse(readFileSync("engine/schema/exemption.schema.json", "utf8")) as Record<string, unknown>;
    expect(raw.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(raw).toEqual(EXEMPTION_SCHEMA);
    const ajv = new Ajv2020({ strict: true });
    expect(() => ajv.compile(raw)).not.toThrow();
  });

  it("lists the fields of DESIGN.md §2 and the justifications", () => {
    expect([...KNOWN_FIELDS].sort()).toEqual(
      ["category", "description", "displayName", "expiresOn", "justification", "metadata", "name", "owner", "recommendations", "scopes", "status", "ticket"],
    );
    const props = (EXEMPTION_SCHEMA as { properties: Record<string, { enum?: string[] }> }).properties;
    expect(props.justification!.enum).toEqual([...JUSTIFICATIONS]);
  });
});

describe("the example set in exemptions/", () => {
  const at = new Date("2026-11-22T12:00:00Z");

  it("validates with no errors; the one expired record is a warning", async () => {
    const r = await loadExemptions(["exemptions"], { at });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.file])).toEqual([["expired", "exemptions/records/my-test-vm-endpoint-migration.yaml"]]);
    expect(r.files.length).toBeGreaterThanOrEqual(10);
  });

  it("covers every scope level, both categories, every justification, a canceled and an expired file", async () => {
    const r = await loadExemptions(["exemptions"], { at });
    const levels = new Set(r.exemptions.flatMap((e) => e.scopes.map((s) => s.level)));
    expect([...levels].sort()).toEqual(["global", "managementGroup", "resource", "resourceGroup", "subscription"]);
    expect(r.exemptions.some((e) => e.scopes.some((s) => s.level === "resource" && s.segments.length > 1))).toBe(true);
    expect(new Set(r.exemptions.map((e) => e.category))).toEqual(new Set(["mitigated", "waiver"]));
    expect(new Set(r.exemptions.map((e) => e.justification))).toEqual(new Set(JUSTIFICATIONS));
    expect(r.exemptions.map((e) => fileStateAt(e, at)).sort()).toContain("canceled");
    expect(r.exemptions.map((e) => fileStateAt(e, at))).toContain("expired");
  });

  it("every file carries the yaml-language-server $schema line pointing at the schema", async () => {
    const r = await loadExemptions(["exemptions"], { at });
    for (const f of r.files) {
      const first = readFileSync(f.file, "utf8").split("\n")[0]!;
      const m = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
      expect(m, f.file).not.toBeNull();
      const resolved = new URL(m![1]!, new URL(`file://${process.cwd()}/${f.file}`)).pathname;
      expect(resolved).toBe(`${process.cwd()}/engine/schema/exemption.schema.json`);
    }
  });
});

// The engine port implemented by the real engine library (compiled Rego policies through Wasm).
import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { libraryEngine } from "../../action/engine-adapter.js";

const root = resolve(".");
const tenant = join(root, "engine/examples/tenant");
const data = { assessments: join(tenant, "assessments"), tree: join(tenant, "tree.json"), controls: join(tenant, "controls.json"), at: new Date("2026-11-22T00:00:00Z") };

describe("library engine behind the action's port", () => {
  const engine = libraryEngine();
  it("validates the example exemptions with repository-relative file names", async () => {
    const v = await engine.validate(join(root, "exemptions"), root, data);
    expect(v.exemptions.length).toBeGreaterThanOrEqual(10);
    expect(v.exemptions.every((e) => e.file.startsWith("exemptions/"))).toBe(true);
    expect(v.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
  it("evaluates: exemptions raise the score and make resources not applicable", async () => {
    const r = await engine.evaluate({ ...data, exemptionsDir: join(root, "exemptions") });
    expect(r.notApplicable.length).toBeGreaterThan(0);
    expect(r.secureScore.after.percentage).toBeGreaterThan(r.secureScore.before.percentage);
  });
  it("asks the approval policy who must approve a management-group waiver", async () => {
    const v = await engine.validate(join(root, "exemptions"), root, data);
    const mg = v.exemptions.find((e) => e.scopes.some((s) => /managementGroups/i.test(s)));
    expect(mg).toBeDefined();
    const req = await engine.approvals([{ kind: "added", name: mg!.name, before: null, after: mg! }], { at: data.at });
    expect(req.map((r) => r.group)).toContain("security-leads");
  });
  it("a policies folder that does not compile fails with each error at file:line:col, its code and rule", async () => {
    const dir = mkdtempSync(join(tmpdir(), "policies-"));
    try {
      writeFileSync(join(dir, "broken.rego"), "package exemptions.decision\n\nallow if {\n  x == 1\n}\n");
      const failure = engine.evaluate({ ...data, exemptionsDir: join(root, "exemptions"), policies: dir });
      await expect(failure).rejects.toThrow(/do not compile:\n.*broken\.rego:4:\d+: rego_unsafe_var_error: var x is unsafe \(rule exemptions\.decision\.allow\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// The policies of policies/ compiled by the project's own compiler, one entrypoint at a time;
// see also policy.test.ts.
import { describe, expect, it } from "vitest";
import { readPolicyModules, defaultPolicyDir } from "../../engine/evaluate/wasm-runner.js";
import { compile } from "../../engine/compiler/index.js";
import { ENTRYPOINTS } from "../../engine/evaluate/types.js";

describe("policies compile", () => {
  for (const [name, ep] of Object.entries(ENTRYPOINTS)) {
    it(`${name} (${ep})`, async () => {
      const modules = await readPolicyModules(defaultPolicyDir());
      const t0 = performance.now();
      const r = await compile({ modules, entrypoints: [ep] });
      const ms = performance.now() - t0;
      if (!r.ok) {
        const errs = (r.errors ?? []) as { code?: string; message?: string; location?: { file?: string; line?: number; col?: number } }[];
        console.log(errs.slice(0, 10).map((e) => `${String(e.location?.file).slice(0, 60)}:${e.location?.line}:${e.location?.col}: ${e.code}: ${e.message}`).join("\n"));
      }
      expect(r.ok).toBe(true);
      console.log(`${ep}: compiled in ${ms.toFixed(0)} ms`);
    });
  }
});

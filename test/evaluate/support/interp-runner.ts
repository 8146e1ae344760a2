// Test support: run the policies of policies/ through the compiler's front end (parse → check →
// plan) and its reference IR interpreter. The product runs them as Wasm (engine/evaluate/
// wasm-runner.ts); this runner lets the policy tests check the Rego itself while the Wasm back end
// is being finished, and the same cases then run through Wasm too (policy.test.ts).
import { readPolicyModules, defaultPolicyDir } from "../../../engine/evaluate/wasm-runner.js";
import type { PolicyRunner } from "../../../engine/evaluate/types.js";

export async function interpreterRunner(config: unknown = {}): Promise<PolicyRunner | null> {
  let parts;
  try {
    const [{ parseModule }, { check }, { plan }, interp, ib, values, builtins] = await Promise.all([
      import("../../../engine/compiler/syntax/module.js"),
      import("../../../engine/compiler/check/index.js"),
      import("../../../engine/compiler/plan/index.js"),
      import("../../../engine/compiler/ir/interp.js"),
      import("../../../engine/compiler/ir/interp-builtins.js"),
      import("../../../engine/compiler/ir/values.js"),
      import("../../../engine/compiler/builtins/index.js"),
    ]);
    parts = { parseModule, check, plan, interp, ib, values, builtins };
  } catch {
    return null;
  }
  const { parseModule, check, plan, interp, ib, values, builtins } = parts;
  const modules = [];
  for (const m of await readPolicyModules(defaultPolicyDir())) {
    const r = parseModule(m.file, m.source);
    if (!r.ok) throw new Error(`parse ${m.file}: ${JSON.stringify(r.errors.slice(0, 3))}`);
    modules.push(r.value);
  }
  const extra: Record<string, (args: unknown[]) => unknown> = {};
  for (const [name, fn] of Object.entries(builtins.hostBuiltins({ now: () => 0n, print: () => {} }))) {
    if (name in ib.interpBuiltins) continue;
    extra[name] = (args: unknown[]) => {
      const r = (fn as (...a: unknown[]) => unknown)(...args.map((a) => values.toJSON(a as never)));
      return r === undefined ? undefined : values.fromJSON(r);
    };
  }
  const plans = new Map<string, unknown>();
  return {
    async evaluate(entrypoint: string, input: unknown): Promise<unknown> {
      let p = plans.get(entrypoint);
      if (!p) {
        const checked = check(modules, { entrypoints: [entrypoint] });
        if (!checked.ok) throw new Error(`check: ${checked.errors.map((e) => `${e.location?.file}:${e.location?.line}: ${e.code}: ${e.message}`).join("\n")}`);
        const planned = plan(checked.value, [entrypoint]);
        if (!planned.ok) throw new Error(`plan: ${planned.errors.map((e) => `${e.location?.file}:${e.location?.line}: ${e.code}: ${e.message}`).join("\n")}`);
        p = planned.value;
        plans.set(entrypoint, p);
      }
      const rs = interp.evaluatePlan(p as never, entrypoint, input, { config }, { maxSteps: 50_000_000, builtins: extra as never });
      return rs.length > 0 ? (rs[0] as { result: unknown }).result : undefined;
    },
  };
}

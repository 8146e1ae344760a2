// The engine port implemented with the engine library (engine/): exemption loading and checks,
// the Rego policies compiled to Wasm, and the evaluate pipeline. Only this file and
// engine-port.ts know both sides.
//
// Which compiled policy runs:
// - the `policies` input (a folder of .rego files from the base commit): compiled here, with the
//   project's own compiler;
// - otherwise the policy compiled at bundle time, dist/policy.wasm next to the bundle;
// - otherwise (running from source, e.g. in tests) the repository's policies/ compiled here.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { loadExemptions } from "../engine/exemptions/load.js";
import { DEFAULT_CHECKS } from "../engine/exemptions/checks.js";
import type { Exemption } from "../engine/exemptions/types.js";
import { evaluate as evaluatePipeline } from "../engine/evaluate/pipeline.js";
import { PolicyEngine } from "../engine/evaluate/engine.js";
import { policyValidationCheck } from "../engine/evaluate/validation-check.js";
import { toValidationExemption } from "../engine/evaluate/policy-input.js";
import { loadConfig } from "../engine/evaluate/config.js";
import { ENTRYPOINTS, type PolicyRunner } from "../engine/evaluate/types.js";
import { IssueLog } from "../engine/inputs/issues.js";
import { loadTree } from "../engine/inputs/tree.js";
import { loadMetadata } from "../engine/inputs/metadata.js";
import { loadCompiledPolicy } from "../engine/compiler/builtins/index.js";
import type { Engine, EvaluationInputs, ExemptionInfo, EvaluationReport, ApprovalChange } from "./engine-port.js";

const here = dirname(fileURLToPath(import.meta.url));

/** The precompiled policy shipped next to the bundle, if any. */
export function bundledPolicyPath(): string | undefined {
  const p = join(here, "policy.wasm");
  return existsSync(p) ? p : undefined;
}

async function compileFolder(dir: string): Promise<Uint8Array> {
  // Loaded only when policies must be compiled here: the compiler (with binaryen) is most of the
  // bundle, and the usual run loads the precompiled dist/policy.wasm instead.
  const { compile, formatCompileError, readRegoDirectory } = await import("../engine/compiler/index.js");
  const modules = await readRegoDirectory(dir);
  const r = await compile({ modules, entrypoints: Object.values(ENTRYPOINTS) });
  if (r.ok) return r.value;
  throw new Error(`the policies in ${dir} do not compile:\n${r.errors.map(formatCompileError).join("\n")}`);
}

async function policyWasm(policies: string | undefined): Promise<Uint8Array> {
  if (policies) return compileFolder(policies);
  const bundled = bundledPolicyPath();
  if (bundled) return new Uint8Array(readFileSync(bundled));
  return compileFolder(join(here, "..", "policies"));
}

function info(e: Exemption): ExemptionInfo {
  return {
    name: e.name, file: e.file, displayName: e.displayName, description: e.description,
    category: e.category, justification: e.justification,
    scopes: e.scopes.map((s) => s.id), recommendations: [...e.recommendations],
    ...(e.expiresOnText ? { expiresOn: e.expiresOnText } : {}),
    status: e.status,
  };
}

/** `load` memoised by key (the promise is kept, so concurrent callers share one load). */
function once<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let p = cache.get(key);
    if (!p) {
      p = load(key);
      cache.set(key, p);
    }
    return p;
  };
}

export function libraryEngine(): Engine {
  // One compiled policy per (policies folder, config): base and head share it.
  const runners = new Map<string, Promise<PolicyEngine>>();
  // The tree and the metadata file are read once, not once per validation of each side.
  const tree = once((path) => loadTree(path, new IssueLog()));
  const metadataOf = once((path) => loadMetadata(path, new IssueLog()));

  const policyEngine = (policies: string | undefined, config: string | undefined): Promise<PolicyEngine> => {
    const key = `${policies ?? ""}\u0000${config ?? ""}`;
    let p = runners.get(key);
    if (!p) {
      p = (async () => {
        const cfg = await loadConfig(config);
        if (!cfg.ok) throw new Error(`config: ${cfg.message}`);
        const policy = await loadCompiledPolicy(await policyWasm(policies));
        policy.setData({ config: cfg.config });
        const runner: PolicyRunner = {
          async evaluate(entrypoint, input) {
            const rs = policy.evaluate(input, entrypoint);
            return Array.isArray(rs) && rs.length > 0 ? rs[0]!.result : undefined;
          },
        };
        return new PolicyEngine(runner);
      })();
      runners.set(key, p);
    }
    return p;
  };
  return {
    async validate(dir, root, inputs) {
      const engine = await policyEngine(inputs.policies, inputs.config);
      const t = await tree(inputs.tree);
      const metadata = inputs.metadata ? await metadataOf(inputs.metadata) : null;
      const loaded = await loadExemptions([dir], {
        at: inputs.at, cwd: root, root,
        checks: [...DEFAULT_CHECKS, policyValidationCheck(engine, { metadata, tree: t })],
      });
      // The approval policy sees exemptions in the validation policy's normalised form.
      const exemptions = loaded.exemptions.map((e) => ({ ...info(e), normalised: toValidationExemption(e, t) }));
      return {
        diagnostics: loaded.diagnostics.map((d) => ({
          file: d.file, line: d.line, column: d.col, ...(d.field ? { field: d.field } : {}),
          severity: d.severity, code: d.code, message: d.message,
        })),
        exemptions,
      };
    },

    async evaluate(inputs: EvaluationInputs): Promise<EvaluationReport> {
      const engine = await policyEngine(inputs.policies, inputs.config);
      const report = await evaluatePipeline({
        exemptions: [inputs.exemptionsDir], assessments: inputs.assessments, tree: inputs.tree, controls: inputs.controls,
        ...(inputs.metadata ? { metadata: inputs.metadata } : {}), ...(inputs.config ? { config: inputs.config } : {}),
        at: inputs.at, cwd: inputs.exemptionsDir, root: inputs.exemptionsDir,
      }, engine);
      return {
        at: report.at,
        secureScore: { before: report.secureScore.before, after: report.secureScore.after },
        controls: report.controls.map((c) => ({ id: c.id, displayName: c.displayName, before: c.before, after: c.after })),
        notApplicable: report.notApplicable,
        exemptions: report.exemptions,
        issues: report.issues.map((i) => ({ file: i.file, ...(i.line !== undefined ? { line: i.line } : {}), message: i.message })),
      };
    },

    async approvals(changes: ApprovalChange[], inputs) {
      const engine = await policyEngine(inputs.policies, inputs.config);
      const side = (e: ExemptionInfo | null) => (e ? (e.normalised ?? null) : null);
      const result = await engine.approve(inputs.at.getTime(), changes.map((c) => ({
        kind: c.kind, name: c.name, before: side(c.before) as never, after: side(c.after) as never,
      })));
      return result.required;
    },
  };
}

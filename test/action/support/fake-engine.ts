// A small stand-in for the engine, used only to test the action's GitHub-facing behaviour in
// isolation (the end-to-end tests run the real engine through dist/index.js). It reads the YAML
// files for real and computes a simple score, so reports differ when the files differ.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { load as loadYaml } from "js-yaml";
import type { Engine, ExemptionInfo, EvaluationReport, Diagnostic } from "../../../action/engine-port.js";

export interface FakeData {
  assessments: { resourceId: string; key: string; status: "Healthy" | "Unhealthy" | "NotApplicable" }[];
  controls: { id: string; displayName: string; max: number; keys: string[] }[];
  /** subscription id -> management groups, nearest first */
  tree: Record<string, string[]>;
}

function walk(dir: string): string[] {
  let out: string[] = [];
  let names: string[] = [];
  try { names = readdirSync(dir); } catch { return out; }
  for (const n of names) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out = out.concat(walk(p));
    else if (/\.ya?ml$/.test(n)) out.push(p);
  }
  return out.sort();
}

function lineOf(text: string, key: string): number | undefined {
  const i = text.split("\n").findIndex((l) => l.startsWith(`${key}:`));
  return i < 0 ? undefined : i + 1;
}

function read(dir: string, root: string): { infos: ExemptionInfo[]; diagnostics: Diagnostic[] } {
  const infos: ExemptionInfo[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of walk(dir)) {
    const file = relative(root, path).split("\\").join("/");
    const text = readFileSync(path, "utf8");
    const doc = loadYaml(text) as Record<string, unknown>;
    const info: ExemptionInfo = {
      name: String(doc["name"]), file, category: String(doc["category"]), justification: String(doc["justification"]),
      scopes: (doc["scopes"] as string[]) ?? [], recommendations: (doc["recommendations"] as string[]) ?? [],
      ...(doc["expiresOn"] ? { expiresOn: String(doc["expiresOn"] instanceof Date ? (doc["expiresOn"] as Date).toISOString().slice(0, 10) : doc["expiresOn"]) } : {}),
      ...(doc["description"] ? { description: String(doc["description"]) } : {}),
    };
    infos.push(info);
    if (info.category === "waiver" && !info.expiresOn) {
      diagnostics.push({ file, line: lineOf(text, "category"), column: 1, field: "expiresOn", severity: "error", code: "waiver_without_expiry", message: `waiver ${info.name} has no expiresOn` });
    }
  }
  return { infos, diagnostics };
}

export function fakeEngine(data: FakeData): Engine & { calls: string[] } {
  const calls: string[] = [];
  const covers = (scope: string, resourceId: string): boolean => {
    const id = resourceId.toLowerCase();
    const s = scope.toLowerCase();
    if (s === "global") return true;
    const mg = /^\/providers\/microsoft\.management\/managementgroups\/([^/]+)$/.exec(s);
    if (mg) {
      const sub = /^\/subscriptions\/([^/]+)/.exec(id)?.[1] ?? "";
      return (data.tree[sub] ?? []).map((g) => g.toLowerCase()).includes(mg[1]!);
    }
    return id === s || id.startsWith(s + "/");
  };
  return {
    calls,
    async validate(dir, root) {
      calls.push(`validate ${relative(root, dir)}`);
      const { infos, diagnostics } = read(dir, root);
      return { diagnostics, exemptions: infos };
    },
    async evaluate(inputs): Promise<EvaluationReport> {
      calls.push("evaluate");
      const { infos } = read(inputs.exemptionsDir, inputs.exemptionsDir);
      const na: EvaluationReport["notApplicable"] = [];
      const status = data.assessments.map((a) => {
        const e = a.status === "NotApplicable" ? undefined : infos.find((x) => x.recommendations.includes(a.key) && x.scopes.some((s) => covers(s, a.resourceId)));
        if (e) na.push({ resourceId: a.resourceId, assessmentKey: a.key, exemption: e.name, category: e.category ?? "", justification: e.justification ?? "" });
        return { ...a, after: e ? "NotApplicable" : a.status };
      });
      const controls = data.controls.map((c) => {
        const count = (field: "status" | "after") => {
          const byRes = new Map<string, string[]>();
          for (const s of status.filter((x) => c.keys.includes(x.key))) byRes.set(s.resourceId, [...(byRes.get(s.resourceId) ?? []), s[field]]);
          let healthy = 0, unhealthy = 0, notApplicable = 0;
          for (const v of byRes.values()) {
            if (v.includes("Unhealthy")) unhealthy++; else if (v.includes("Healthy")) healthy++; else notApplicable++;
          }
          const max = healthy + unhealthy === 0 ? 0 : c.max;
          return { current: max === 0 ? 0 : Math.round((max * healthy) / (healthy + unhealthy) * 100) / 100, max, healthy, unhealthy, notApplicable };
        };
        return { id: c.id, displayName: c.displayName, before: count("status"), after: count("after") };
      });
      const total = (f: "before" | "after") => {
        const cur = controls.reduce((s, c) => s + c[f].current, 0);
        const max = controls.reduce((s, c) => s + c[f].max, 0);
        return { current: cur, max, percentage: max === 0 ? 0 : Math.round((cur / max) * 10000) / 10000 };
      };
      return {
        at: inputs.at.toISOString(), secureScore: { before: total("before"), after: total("after") }, controls, notApplicable: na,
        exemptions: infos.map((i) => ({ name: i.name, status: "in_effect", matched: na.filter((n) => n.exemption === i.name).length })),
      };
    },
    async approvals(changes) {
      calls.push("approvals");
      return changes.flatMap((c) => {
        const e = c.after ?? c.before;
        const broad = (e?.scopes ?? []).some((s) => /managementgroups|^global$/i.test(s));
        return [
          { group: "security-reviewers", name: c.name, reason: `${c.kind} exemption` },
          ...(broad ? [{ group: "security-leads", name: c.name, reason: "management group or global scope" }] : []),
        ];
      });
    },
  };
}

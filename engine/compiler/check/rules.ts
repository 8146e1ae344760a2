// The rule index (every rule by the path of its ref below data) and the conflicts OPA reports at
// compile time: a path defined by rules of different kinds or function arities, several default
// rules, a single-value rule with rules below it, a rule where a package is.

import type { CompileError } from "../errors.js";
import type { Module, Rule, Term } from "../syntax/ast.js";
import type { RuleInfo } from "./program.js";

/** Absolute path of a rule's ref: package parts, then the ref's parts (strings for constants). */
export function rulePathOf(mod: Module, rule: Rule): Array<string | Term> {
  const out: Array<string | Term> = [...mod.package.path];
  rule.head.ref.forEach((t, i) => {
    if (i === 0 && t.type === "var") out.push(t.name);
    else if (t.type === "string") out.push(t.value);
    else out.push(t);
  });
  return out;
}

/** "a.b.c" for the path up to its first variable part. */
export function ruleKeyOf(path: Array<string | Term>): string {
  const parts: string[] = [];
  for (const p of path) {
    if (typeof p !== "string") break;
    parts.push(p);
  }
  return parts.join(".");
}

export function indexRules(modules: Module[]): Map<string, RuleInfo[]> {
  const rules = new Map<string, RuleInfo[]>();
  for (const module of modules) {
    for (const rule of module.rules) {
      const path = rulePathOf(module, rule);
      const key = ruleKeyOf(path);
      const list = rules.get(key) ?? [];
      list.push({ rule, module, path });
      rules.set(key, list);
    }
  }
  return rules;
}

/** The kind OPA compares: complete rules and single-value ref rules are one kind. */
function kindOf(info: RuleInfo): string {
  return info.rule.kind === "function" ? `function/${info.rule.head.args?.length ?? 0}` : info.rule.kind;
}

export function checkRuleConflicts(rules: Map<string, RuleInfo[]>, packages: string[], errors: CompileError[]): void {
  // Keys below each proper prefix: "a.b" → ["a.b.c", …], built once (not a scan per rule).
  const belowOf = new Map<string, string[]>();
  for (const k of rules.keys()) {
    const parts = k.split(".");
    for (let i = 1; i < parts.length; i++) {
      const prefix = parts.slice(0, i).join(".");
      const list = belowOf.get(prefix) ?? [];
      list.push(k);
      belowOf.set(prefix, list);
    }
  }
  for (const [key, infos] of rules) {
    const first = infos[0]!;
    const kinds = new Set(infos.map(kindOf));
    if (kinds.size > 1) {
      errors.push({ code: "rego_type_error", message: `conflicting rules data.${key} found`, location: first.rule.loc, rule: key });
    } else {
      const defaults = infos.filter((i) => i.rule.isDefault);
      if (defaults.length > 1) {
        const at = defaults.map((d) => `${d.rule.loc.file}:${d.rule.loc.line}`).join(", ");
        errors.push({
          code: "rego_type_error",
          message: `multiple default rules data.${key} found at ${at}`,
          location: defaults[1]!.rule.loc,
          rule: key,
        });
      }
    }
    // A rule whose ref is all names (complete, partial set, function) owns its whole path:
    // nothing may be defined below it. A partial object `r[x]` may be extended by rules below.
    const leaves = infos.filter((i) => i.path.every((p) => typeof p === "string"));
    if (leaves.length > 0) {
      const below = belowOf.get(key) ?? [];
      if (below.length > 0) {
        errors.push({
          code: "rego_type_error",
          message: `rule data.${key} conflicts with [${below.map((b) => "data." + b).join(" ")}]`,
          location: leaves[0]!.rule.loc,
          rule: key,
        });
      }
      for (const pkg of packages) {
        if (pkg !== key && !pkg.startsWith(key + ".")) continue;
        for (const leaf of leaves) {
          const own = leaf.module.package.path.join(".");
          const name = key.startsWith(own + ".") ? key.slice(own.length + 1) : key;
          errors.push({
            code: "rego_type_error",
            message: `package ${pkg} conflicts with rule ${name} defined at ${leaf.rule.loc.file}:${leaf.rule.loc.line}`,
            location: leaf.module.package.loc,
            rule: key,
          });
        }
      }
    }
  }
}

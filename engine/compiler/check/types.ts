// A small type checker: the arguments of built-in calls whose type is evident at compile time
// must fit the built-in's declared argument types (OPA's `rego_type_error: count: invalid
// argument(s)`). Evident types come from constants and composite literals, from the results of
// built-ins, from local variables unified with such terms (in the reordered body), and from rules
// whose every definition has the same evident type (`p := 1` makes `data.test.p` a number).
// Only top-level types are compared (array vs string, …), never element types: whatever is
// unknown is "any" and never an error, so the checker cannot reject a program OPA accepts.

import type { CompileError } from "../errors.js";
import type { Body, Expr, Rule, Term } from "../syntax/ast.js";
import type { BuiltinInfo, DeclType } from "./builtins.js";
import type { RuleInfo } from "./program.js";
import { operatorName } from "../syntax/terms.js";

export type Kind = "null" | "boolean" | "number" | "string" | "array" | "set" | "object";
type Env = Map<string, Kind>;
type CallTerm = Extract<Term, { type: "call" }>;

export class TypeChecker {
  private ruleTypes = new Map<string, Kind | null>();
  private inProgress = new Set<string>();
  private rule = "";

  constructor(
    private builtins: Map<string, BuiltinInfo>,
    private rules: Map<string, RuleInfo[]>,
    private errors: CompileError[],
  ) {}

  checkRule(key: string, rule: Rule): void {
    this.rule = key;
    for (let r: Rule | null = rule; r; r = r.else) {
      const env = this.body(r.body, new Map(), true);
      for (const t of [...r.head.ref.slice(1), r.head.key, r.head.value]) if (t) this.term(t, env, true);
    }
  }

  /** The evident type of the rule at key, or null; memoised, and null while being computed. */
  private ruleType(key: string): Kind | null {
    if (this.ruleTypes.has(key)) return this.ruleTypes.get(key)!;
    const infos = this.rules.get(key);
    if (!infos || this.inProgress.has(key)) return null;
    this.inProgress.add(key);
    const kinds = new Set<Kind | null>();
    for (const { rule, path } of infos) {
      if (path.some((p) => typeof p !== "string")) {
        kinds.add(rule.kind === "partial-set" ? null : "object");
        continue;
      }
      if (rule.kind === "partial-set") kinds.add("set");
      else if (rule.kind === "partial-object") kinds.add("object");
      else {
        for (let r: Rule | null = rule; r; r = r.else) {
          const env = this.body(r.body, new Map(), false);
          kinds.add(r.head.value ? this.infer(r.head.value, env) : null);
        }
      }
    }
    this.inProgress.delete(key);
    const only = kinds.size === 1 ? [...kinds][0]! : null;
    this.ruleTypes.set(key, only);
    return only;
  }

  /** Walks a body in order, learning variable types; reports only when `report`. */
  private body(b: Body, env: Env, report: boolean): Env {
    for (const e of b) this.expr(e, env, report);
    return env;
  }

  private expr(e: Expr, env: Env, report: boolean): void {
    const n = e.node;
    switch (n.type) {
      case "term": {
        const t = n.term;
        if (t.type !== "call") {
          this.term(t, env, report);
          break;
        }
        const name = operatorName(t.operator);
        if ((name === "eq" || name === "assign") && t.args.length === 2) {
          const [a, b] = t.args as [Term, Term];
          this.term(a, env, report);
          this.term(b, env, report);
          if (e.negated) break;
          const ta = this.infer(a, env);
          const tb = this.infer(b, env);
          // Values of different types never unify: OPA's type checker rejects the expression.
          if (report && ta !== null && tb !== null && ta !== tb) {
            this.errors.push({
              code: "rego_type_error",
              message: `match error\n\tleft  : ${ta}\n\tright : ${tb}`,
              location: e.loc,
              rule: this.rule,
            });
            break;
          }
          if (a.type === "var" && ta === null && tb !== null) env.set(a.name, tb);
          if (b.type === "var" && tb === null && ta !== null) env.set(b.name, ta);
          break;
        }
        this.call(t, env, report);
        // The output argument of a built-in gets the built-in's result type.
        const b = name && !name.startsWith("data.") ? this.builtins.get(name) : undefined;
        const out = t.args[t.args.length - 1];
        if (!e.negated && b && b.arity >= 0 && t.args.length === b.arity + 1 && out?.type === "var" && !env.has(out.name)) {
          const k = kindOf(b.result);
          if (k) env.set(out.name, k);
        }
        break;
      }
      case "some-in":
        this.term(n.collection, env, report);
        break;
      case "every":
        this.term(n.domain, env, report);
        this.body(n.body, new Map(env), report);
        break;
      default:
        break;
    }
    for (const w of e.with) this.term(w.value, env, report);
  }

  private term(t: Term, env: Env, report: boolean): void {
    switch (t.type) {
      case "call":
        this.call(t, env, report);
        return;
      case "ref":
        t.terms.forEach((x) => this.term(x, env, report));
        return;
      case "array":
      case "set":
        t.items.forEach((x) => this.term(x, env, report));
        return;
      case "object":
        for (const [k, v] of t.items) {
          this.term(k, env, report);
          this.term(v, env, report);
        }
        return;
      case "arraycomprehension":
      case "setcomprehension": {
        const inner = this.body(t.body, new Map(env), report);
        this.term(t.term, inner, report);
        return;
      }
      case "objectcomprehension": {
        const inner = this.body(t.body, new Map(env), report);
        this.term(t.key, inner, report);
        this.term(t.value, inner, report);
        return;
      }
      default:
        return;
    }
  }

  private call(c: CallTerm, env: Env, report: boolean): void {
    c.args.forEach((a) => this.term(a, env, report));
    if (!report) return;
    const name = operatorName(c.operator);
    if (!name || name.startsWith("data.")) return;
    const b = this.builtins.get(name);
    const decls = b?.args;
    if (!b || !decls || b.arity < 0) return;
    const have = c.args.slice(0, b.arity).map((a) => this.infer(a, env));
    if (have.some((h, i) => h !== null && decls[i] !== undefined && !fits(h, decls[i]!))) {
      this.errors.push({
        code: "rego_type_error",
        message: `${name}: invalid argument(s)\n\thave: (${have.map((h) => h ?? "any").join(", ")})\n\twant: (${decls.map(declText).join(", ")})`,
        location: c.loc,
        rule: this.rule,
      });
    }
  }

  /** The type a term evidently has, or null when unknown. */
  infer(t: Term, env: Env): Kind | null {
    switch (t.type) {
      case "var":
        return env.get(t.name) ?? null;
      case "ref": {
        // Only a plain path below data names a rule (`data.test.p`); a computed part is unknown.
        const name = operatorName(t);
        return name?.startsWith("data.") ? this.ruleType(name.slice(5)) : null;
      }
      default:
        return literalKind(t, this.builtins);
    }
  }
}

/** The type a term has by its form alone (a constant, a composite or a comprehension, or the call
 *  of a built-in with a declared result type), or null when that needs variables or rules. */
export function literalKind(t: Term, builtins: Map<string, BuiltinInfo>): Kind | null {
  switch (t.type) {
    case "null":
    case "boolean":
    case "number":
    case "string":
    case "array":
    case "set":
    case "object":
      return t.type;
    case "arraycomprehension":
      return "array";
    case "setcomprehension":
      return "set";
    case "objectcomprehension":
      return "object";
    case "call": {
      const name = operatorName(t.operator);
      if (!name || name.startsWith("data.")) return null;
      return kindOf(builtins.get(name)?.result);
    }
    default:
      return null;
  }
}

function kindOf(d: DeclType | undefined): Kind | null {
  if (!d || d.type === "any" || d.type === "function") return null;
  return d.type;
}

function fits(k: Kind, d: DeclType): boolean {
  if (d.type === "any") {
    if (!d.of) return true;
    const of = Array.isArray(d.of) ? d.of : [d.of];
    return of.length === 0 || of.some((x) => fits(k, x));
  }
  return d.type === k;
}

/** A declared type as OPA prints it in messages: `any<number, string>`, `array[string]`, `set`. */
export function declText(d: DeclType): string {
  switch (d.type) {
    case "any":
      if (!d.of) return "any";
      return `any<${(Array.isArray(d.of) ? d.of : [d.of]).map(declText).join(", ")}>`;
    case "array":
      return d.dynamic ? `array[${declText(d.dynamic as DeclType)}]` : "array";
    case "set":
      return d.of && !Array.isArray(d.of) ? `set[${declText(d.of)}]` : "set";
    case "object":
      return "object";
    default:
      return d.type;
  }
}

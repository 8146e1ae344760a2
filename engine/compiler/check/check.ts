// The checker: from parsed modules to a CheckedProgram the planner can trust (see program.ts).
// Stages, in OPA's order: rule index, shadowing and conflicts → name resolution (resolve.ts) →
// local variable rewriting (locals.ts) → calls: undefined functions, arity, deprecated built-ins,
// `with` targets (calls.ts) → comprehension terms bound in their bodies (comprehensions.ts) →
// head terms moved into bodies and safety reordering (safety.ts) → recursion (recursion.ts) →
// argument types (types.ts). Like OPA, the first stage with errors ends the check, with all of
// that stage's errors; the input modules are not touched.

import type { CompileError, Result } from "../errors.js";
import type { Expr, Location, Module, RefTerm, Rule, Term } from "../syntax/ast.js";
import { builtinTable } from "./builtins.js";
import { checkCallsInRule, functionArity } from "./calls.js";
import { liftComprehensionTerms } from "./comprehensions.js";
import { collectVarNames, LocalNames, LocalRewriter } from "./locals.js";
import type { CheckedProgram, RuleInfo } from "./program.js";
import { checkRecursion } from "./recursion.js";
import { moduleGlobals, resolveModule } from "./resolve.js";
import { checkRuleConflicts, indexRules, rulePathOf } from "./rules.js";
import { addUnsafe, checkHeadClosures, reorderBodyForSafety, type SafetyEnv, type Unsafe } from "./safety.js";
import { operatorName, varTerm } from "../syntax/terms.js";
import { bindingExpr, forEachVar, forEachVarInExpr, isScalar } from "./terms.js";
import { TypeChecker } from "./types.js";

export interface CheckOptions {
  /** Accepted for the driver's convenience; every rule is checked whatever the entrypoints. */
  entrypoints?: string[];
}

export function check(modules: Module[], _options: CheckOptions = {}): Result<CheckedProgram> {
  const errors: CompileError[] = [];
  const mods = modules.map(copyModule);
  const packages = [...new Set(mods.map((m) => m.package.path.join(".")))];
  const builtins = builtinTable();

  const rules = indexRules(mods);
  const keyOf = new Map<Rule, string>();
  for (const [key, infos] of rules) for (const i of infos) keyOf.set(i.rule, key);
  const ruleKey = (r: Rule) => keyOf.get(r) ?? "";

  checkRootShadowing(mods, ruleKey, errors);
  checkRuleConflicts(rules, packages, errors);
  // Like OPA, stop after the first stage that fails: later stages would report its consequences.
  const failed = () => ({ ok: false as const, errors: sortErrors(errors) });
  if (errors.length > 0) return failed();

  // Name resolution: the globals of a package are the first names of its rules' refs.
  const namesByPackage = new Map<string, Set<string>>();
  for (const m of mods) {
    const pkg = m.package.path.join(".");
    const names = namesByPackage.get(pkg) ?? new Set<string>();
    for (const r of m.rules) {
      const head = r.head.ref[0];
      if (head?.type === "var") names.add(head.name);
    }
    namesByPackage.set(pkg, names);
  }
  for (const m of mods) {
    resolveModule(m, moduleGlobals(m, namesByPackage.get(m.package.path.join("."))!), errors, ruleKey);
  }

  const names = new LocalNames(collectVarNames(mods.flatMap((m) => m.rules)));
  for (const m of mods) for (const r of m.rules) new LocalRewriter(names, errors, ruleKey(r)).rule(r);
  if (errors.length > 0) return failed();

  const used = new Map<string, { arity: number }>();
  for (const m of mods) {
    for (const r of m.rules) {
      checkCallsInRule(r, {
        builtins,
        rules,
        used,
        errors,
        rule: ruleKey(r),
      });
    }
  }

  if (errors.length > 0) return failed();

  for (const m of mods) for (const r of m.rules) liftComprehensionTerms(r, names);

  const env: SafetyEnv = {
    arity: (op: RefTerm) => functionArity(operatorName(op), { builtins, rules }),
    isFunctionValue: (t: Term) => {
      if (t.type === "var") return builtins.has(t.name);
      if (t.type !== "ref") return false;
      const n = operatorName(t);
      return n !== null && functionArity(n, { builtins, rules }) !== -1 || (n !== null && builtins.get(n)?.arity === -1);
    },
  };
  for (const m of mods) for (const r of m.rules) checkRuleSafety(r, env, names, errors, ruleKey(r));
  if (errors.length > 0) return failed();

  checkRecursion(rules, errors);
  if (errors.length > 0) return failed();

  const types = new TypeChecker(builtins, rules, errors);
  for (const m of mods) for (const r of m.rules) types.checkRule(ruleKey(r), r);

  if (errors.length > 0) return failed();

  // Paths as the planner sees them: built from the rewritten heads (renamed vars).
  const finalRules = new Map<string, RuleInfo[]>();
  for (const [key, infos] of rules) {
    finalRules.set(
      key,
      infos.map((i) => ({ ...i, path: rulePathOf(i.module, i.rule) })),
    );
  }
  return { ok: true, value: { modules: mods, rules: finalRules, packages, builtins: used } };
}

/** Copies what the checker rewrites: modules, rules (with their else chains) and heads. The
 *  checker never mutates a term, expression or body in place (every pass builds new ones), so
 *  terms are shared with the input rather than deep-copied: on large policies copying dominated. */
function copyModule(m: Module): Module {
  return { ...m, imports: [...m.imports], rules: m.rules.map(copyRule) };
}

function copyRule(r: Rule): Rule {
  return { ...r, head: { ...r.head }, else: r.else ? copyRule(r.else) : null };
}

function checkRootShadowing(mods: Module[], ruleKey: (r: Rule) => string, errors: CompileError[]): void {
  for (const m of mods) {
    // Two imports may not bind the same name (Rego v1).
    const seen = new Map<string, string>();
    for (const imp of m.imports) {
      const path = imp.path.terms;
      const head = path[0];
      if (head?.type === "var" && (head.name === "future" || head.name === "rego")) continue;
      const last = path[path.length - 1]!;
      const name = imp.alias ?? (last.type === "var" ? last.name : last.type === "string" ? last.value : "");
      const text = `import ${path.map((t, i) => (i === 0 && t.type === "var" ? t.name : t.type === "string" ? "." + t.value : "[…]")).join("")}${imp.alias ? " as " + imp.alias : ""}`;
      const prev = seen.get(name);
      if (prev) errors.push({ code: "rego_compile_error", message: `import must not shadow ${prev}`, location: imp.loc });
      else seen.set(name, text);
    }
    for (const r of m.rules) {
      const head = r.head.ref[0];
      if (head?.type === "var" && (head.name === "input" || head.name === "data")) {
        errors.push({
          code: "rego_compile_error",
          message: `rules must not shadow ${head.name} (use a different rule name)`,
          location: r.loc,
          rule: ruleKey(r),
        });
      }
    }
  }
}

const RESERVED = ["data", "input"];

function checkRuleSafety(rule: Rule, env: SafetyEnv, names: LocalNames, errors: CompileError[], key: string): void {
  const globals = new Set(RESERVED);
  for (const a of rule.head.args ?? []) forEachVar(a, (v) => globals.add(v.name), { skipClosures: true });
  for (let r: Rule | null = rule; r; r = r.else) {
    liftHeadTerms(r, globals, names);
    const res = reorderBodyForSafety(env, globals, r.body);
    const unsafe: Unsafe = res.unsafe;
    r.body = res.body;

    // Head variables must be bound by the body (or be args); closures in the head see them all.
    const bound = new Set(globals);
    for (const e of r.body) forEachVarInExpr(e, (v) => bound.add(v.name), { skipClosures: true });
    const head = r.head;
    const headExpr: Expr = {
      node: { type: "term", term: { type: "array", items: headTerms(r), loc: head.loc } },
      negated: false,
      with: [],
      loc: head.loc,
    };
    for (const t of headTerms(r)) {
      forEachVar(t, (v) => {
        if (!bound.has(v.name)) addUnsafe(unsafe, headExpr, v.name);
      }, { skipClosures: true });
    }
    const lastOld = head.ref[head.ref.length - 1];
    head.ref = head.ref.map((t, i) => (i === 0 ? t : checkHeadClosures(env, bound, t, unsafe, headExpr)));
    if (head.key) {
      head.key = head.key === lastOld && head.ref.length > 1 ? head.ref[head.ref.length - 1]! : checkHeadClosures(env, bound, head.key, unsafe, headExpr);
    }
    if (head.value) head.value = checkHeadClosures(env, bound, head.value, unsafe, headExpr);
    reportUnsafe(unsafe, names, errors, key);
  }
}

/**
 * A head value (or partial-set key) with variables the body does not bind, such as
 * `q := xs[_]` or `f(x) := o[_] == x`, is evaluated after the body and may enumerate: it moves
 * into the body as `__localN__ = <term>` and the head keeps the new variable. The planner then
 * sees an ordinary body, and unsafe variables inside the term are reported like any other.
 */
function liftHeadTerms(r: Rule, globals: Set<string>, names: LocalNames): void {
  const bound = new Set(globals);
  for (const e of r.body) forEachVarInExpr(e, (v) => bound.add(v.name), { skipClosures: true });
  const lift = (t: Term, always = false): Term => {
    let free = false;
    forEachVar(t, (v) => {
      if (!bound.has(v.name)) free = true;
    }, { skipClosures: true });
    if (t.type === "var" || (!free && !always)) return t;
    const local = varTerm(names.freshGenerated(), t.loc);
    r.body = [...r.body, bindingExpr(local, t)];
    return { ...local };
  };
  if (r.head.value) r.head.value = lift(r.head.value);
  if (r.kind === "partial-set" && r.head.key) r.head.key = lift(r.head.key);
  // Rule refs hold only names and variables (OPA's rewriteRuleHeadRefs): `p[lower(x)] := 1`
  // becomes `p[__localN__] := 1 if { …; __localN__ = lower(x) }`.
  const ref = r.head.ref;
  const lastOld = ref[ref.length - 1];
  r.head.ref = ref.map((t, i) => {
    return i === 0 || t.type === "var" || isScalar(t) ? t : lift(t, true);
  });
  if (r.head.key && r.head.key === lastOld && ref.length > 1) r.head.key = r.head.ref[r.head.ref.length - 1]!;
}

function headTerms(r: Rule): Term[] {
  const out = r.head.ref.slice(1);
  if (r.head.key && !out.includes(r.head.key)) out.push(r.head.key);
  if (r.head.value) out.push(r.head.value);
  return out;
}

/** One error per unsafe variable, at its first occurrence, in source order (as OPA reports). */
function reportUnsafe(unsafe: Unsafe, names: LocalNames, errors: CompileError[], key: string): void {
  const first = new Map<string, Location>();
  for (const [e, vars] of unsafe) {
    for (const name of vars) {
      if (names.generated.has(name)) continue;
      let loc: Location | null = null;
      forEachVarInExpr(e, (v) => {
        if (!loc && v.name === name) loc = v.loc;
      });
      const at: Location = loc ?? e.loc;
      const prev = first.get(name);
      if (!prev || before(at, prev)) first.set(name, at);
    }
  }
  const list = [...first].sort((a, b) => (before(a[1], b[1]) ? -1 : 1));
  for (const [name, loc] of list) {
    errors.push({ code: "rego_unsafe_var_error", message: `var ${names.display(name)} is unsafe`, location: loc, rule: key });
  }
}

function before(a: Location, b: Location): boolean {
  if (a.file !== b.file) return a.file < b.file;
  return a.offset < b.offset;
}

function sortErrors(errors: CompileError[]): CompileError[] {
  return errors
    .map((e, i) => ({ e, i }))
    .sort((x, y) => {
      const a = x.e.location;
      const b = y.e.location;
      if (a && b && (a.file !== b.file || a.offset !== b.offset)) return before(a, b) ? -1 : 1;
      return x.i - y.i;
    })
    .map((x) => x.e);
}

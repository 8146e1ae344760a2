// Name resolution: makes every reference to rules, imports, `data` and `input` absolute.
//
// As in OPA, the globals of a module are the first names of the rules of its package (from all
// modules of that package) and its imports; a var that names a global becomes the global's ref
// (`p` → `data.pkg.p`, `bar[_]` with `import data.foo.bar` → `data.foo.bar[_]`) unless a local
// declaration shadows it: function args, `:=` targets, `some` vars, `every` vars, each within its
// own scope (a comprehension body is a scope).

import type { CompileError } from "../errors.js";
import type { Body, Expr, Module, RefTerm, Rule, Term } from "../syntax/ast.js";
import { refOf, varTerm } from "../syntax/terms.js";
import { forEachVar, mapParts, stringTerm } from "./terms.js";

type Globals = Map<string, Term[]>;

/** Vars declared by an expression list (not descending into comprehensions). */
export function declaredVars(body: Body): Set<string> {
  const out = new Set<string>();
  const add = (t: Term) => forEachVar(t, (v) => out.add(v.name));
  const visit = (b: Body) => {
    for (const e of b) {
      const n = e.node;
      if (n.type === "term" && n.term.type === "call" && isOp(n.term.operator, "assign")) {
        const lhs = n.term.args[0];
        if (lhs && n.term.args.length === 2) add(lhs);
      } else if (n.type === "some-decl") {
        for (const v of n.vars) out.add(v.name);
      } else if (n.type === "some-in") {
        if (n.key) add(n.key);
        add(n.value);
      } else if (n.type === "every") {
        visit(n.body);
      }
    }
  };
  visit(body);
  return out;
}

export function isOp(op: RefTerm, name: string): boolean {
  return op.terms.length === 1 && op.terms[0]!.type === "var" && op.terms[0]!.name === name;
}

class Ignore {
  private stack: Array<Set<string>> = [];
  push(s: Set<string>): void {
    this.stack.push(s);
  }
  pop(): void {
    this.stack.pop();
  }
  has(v: string): boolean {
    return this.stack.some((s) => s.has(v));
  }
}

export function moduleGlobals(mod: Module, packageRuleNames: Set<string>): Globals {
  const g: Globals = new Map();
  const loc = mod.package.loc;
  const pkgTerms: Term[] = [varTerm("data", loc), ...mod.package.path.map((p) => stringTerm(p, loc))];
  for (const name of packageRuleNames) g.set(name, [...pkgTerms, stringTerm(name, loc)]);
  for (const imp of mod.imports) {
    const path = imp.path.terms;
    const head = path[0];
    if (!head || head.type !== "var") continue;
    // `future.keywords…` and `rego.v1` only switch syntax on; they name nothing.
    if (head.name === "future" || head.name === "rego") continue;
    let name: string | null = imp.alias;
    if (!name) {
      const last = path[path.length - 1]!;
      name = last.type === "var" ? last.name : last.type === "string" ? last.value : null;
    }
    if (name) g.set(name, path);
  }
  return g;
}

/** Resolves all rules of the module in place (the module is the checker's own copy). */
export function resolveModule(mod: Module, globals: Globals, errors: CompileError[], rulePath: (r: Rule) => string): void {
  for (const rule of mod.rules) {
    const args = rule.head.args;
    for (let r: Rule | null = rule; r; r = r.else) resolveRule(r, args, globals, errors, rulePath(rule));
  }
}

function resolveRule(rule: Rule, args: Term[] | null, globals: Globals, errors: CompileError[], path: string): void {
  const argVars = new Set<string>();
  for (const a of args ?? []) {
    forEachVar(a, (v) => {
      argVars.add(v.name);
      if (v.name === "input" || v.name === "data") {
        errors.push({
          code: "rego_compile_error",
          message: `args must not shadow ${v.name} (use a different variable name)`,
          location: v.loc,
          rule: path,
        });
      }
    }, { skipObjectKeys: true, skipSets: true, skipClosures: true });
  }
  const ignore = new Ignore();
  ignore.push(argVars);
  ignore.push(declaredVars(rule.body));
  const r = new Resolver(globals, ignore);
  const head = rule.head;
  const oldRef = head.ref;
  const lastOld = oldRef[oldRef.length - 1];
  head.ref = oldRef.map((t, i) => (i === 0 ? t : r.term(t)));
  if (head.key) head.key = head.key === lastOld && oldRef.length > 1 ? head.ref[head.ref.length - 1]! : r.term(head.key);
  if (head.value) head.value = r.term(head.value);
  rule.body = r.body(rule.body);
}

class Resolver {
  constructor(
    private globals: Globals,
    private ignore: Ignore,
  ) {}

  private global(name: string): Term[] | null {
    const g = this.globals.get(name);
    return g && !this.ignore.has(name) ? g : null;
  }

  private relocated(terms: Term[], t: Term): Term[] {
    return terms.map((x) => ({ ...x, loc: t.loc }) as Term);
  }

  body(b: Body): Body {
    return b.map((e) => this.expr(e));
  }

  expr(e: Expr): Expr {
    const n = e.node;
    let node = n;
    switch (n.type) {
      case "term":
        node = { type: "term", term: this.term(n.term) };
        break;
      case "some-decl":
        break;
      case "some-in":
        node = {
          type: "some-in",
          key: n.key ? this.term(n.key) : null,
          value: this.term(n.value),
          collection: this.term(n.collection),
        };
        break;
      case "every": {
        const locals = new Set<string>([n.value.name]);
        if (n.key) locals.add(n.key.name);
        const domain = this.term(n.domain);
        this.ignore.push(locals);
        this.ignore.push(declaredVars(n.body));
        const body = this.body(n.body);
        this.ignore.pop();
        this.ignore.pop();
        node = { ...n, domain, body };
        break;
      }
    }
    const withs = e.with.map((w) => ({ ...w, target: this.ref(w.target), value: this.term(w.value) }));
    return { ...e, node, with: withs };
  }

  ref(t: RefTerm): RefTerm {
    const out: Term[] = [];
    t.terms.forEach((x, i) => {
      if (x.type === "var") {
        const g = this.global(x.name);
        if (g) {
          if (i === 0) out.push(...this.relocated(g, x));
          else out.push(refOf(this.relocated(g, x), x.loc));
          return;
        }
        out.push(x);
        return;
      }
      out.push(i === 0 || !(x.type === "string" || x.type === "number") ? this.term(x) : x);
    });
    return { ...t, terms: out };
  }

  term(t: Term): Term {
    switch (t.type) {
      case "var": {
        const g = this.global(t.name);
        return g ? refOf(this.relocated(g, t), t.loc) : t;
      }
      case "ref":
        return this.ref(t);
      case "array":
      case "set":
      case "object":
        return mapParts(t, (x) => this.term(x));
      case "call":
        return { ...t, operator: this.ref(t.operator), args: t.args.map((x) => this.term(x)) };
      case "arraycomprehension":
      case "setcomprehension": {
        this.ignore.push(declaredVars(t.body));
        const term = this.term(t.term);
        const body = this.body(t.body);
        this.ignore.pop();
        return { ...t, term, body };
      }
      case "objectcomprehension": {
        this.ignore.push(declaredVars(t.body));
        const key = this.term(t.key);
        const value = this.term(t.value);
        const body = this.body(t.body);
        this.ignore.pop();
        return { ...t, key, value, body };
      }
      default:
        return t;
    }
  }
}

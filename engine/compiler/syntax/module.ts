// Module assembly: statements → Module. Turns top-level bodies into rules (`p := 1`,
// `f(x) = y`, `a.b.c := 1` are parsed as expressions first, as OPA does), applies the Rego v1
// rules (`if` before bodies, `contains` for multi-value rules) and attaches METADATA.

import type { CompileError, Result } from "../errors.js";
import type { Body, Expr, Import, Location, Module, Package, Rule, Term } from "./ast.js";
import { findMetadataBlocks, parseMetadataBlock, resolveScope, type AttachTarget } from "./metadata.js";
import { ParseFailure, Parser, type RuleFlags, type Statement } from "./parser.js";
import { isGround, operatorName } from "./terms.js";
import { tokenize } from "./lexer.js";
import { isKeyword } from "./tokens.js";

// Operators written infix become calls of these built-ins; `x == 1` alone is not a rule.
const OPERATOR_BUILTINS: ReadonlySet<string> = new Set([
  "plus", "minus", "mul", "div", "rem", "and", "or", "equal", "neq", "lt", "lte", "gt", "gte",
  "internal.member_2", "internal.member_3",
]);

const parseError = (location: Location, message: string): CompileError => ({
  code: "rego_parse_error",
  message,
  location,
});

/** Parses a Rego v1 module. `file` is used in locations and error messages. */
export function parseModule(file: string, text: string): Result<Module> {
  return parseModuleWith(file, text, true);
}

/** parseModule with the parser's body lookahead switchable, so tests can show it changes nothing. */
export function parseModuleWith(file: string, text: string, bodyLookahead: boolean): Result<Module> {
  const { tokens, comments: rawComments } = tokenize(text);
  const parser = new Parser(file, text, tokens, bodyLookahead);
  let stmts: Statement[];
  try {
    stmts = parser.parseStatements(true);
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, errors: [e.error] };
    throw e;
  }
  const comments = rawComments.map((c) => ({
    text: c.text,
    loc: { file, line: c.line, col: c.col, offset: c.start },
  }));

  const first = stmts[0];
  if (!first) return { ok: false, errors: [parseError({ file, line: 1, col: 1, offset: 0 }, "empty module")] };

  const errors: CompileError[] = [];
  let pkg: Package | null = null;
  if (first.kind === "package") pkg = first.node;
  else errors.push(parseError(statementLoc(first), "package expected"));

  const imports: Import[] = [];
  const rules: Rule[] = [];
  // Statements in order with what they became, for attaching METADATA.
  const placed: Array<{ line: number; target: Exclude<AttachTarget, null>; rule?: Rule }> = [];
  if (pkg) placed.push({ line: pkg.loc.line, target: "package" });

  for (const stmt of stmts.slice(pkg ? 1 : 0)) {
    switch (stmt.kind) {
      case "package":
        errors.push(parseError(stmt.node.loc, "unexpected package"));
        break;
      case "import":
        imports.push(stmt.node);
        placed.push({ line: stmt.node.loc.line, target: "import" });
        break;
      case "rules":
        for (const r of stmt.nodes) {
          rules.push(r);
          placed.push({ line: r.loc.line, target: "rule", rule: r });
        }
        break;
      case "body": {
        const converted = ruleFromBody(stmt.body, stmt.text, parser.flags);
        if ("error" in converted) errors.push(parseError(converted.loc, converted.error));
        else {
          rules.push(converted.rule);
          placed.push({ line: converted.rule.loc.line, target: "rule", rule: converted.rule });
        }
        break;
      }
    }
  }

  for (const rule of rules) {
    for (let r: Rule | null = rule; r; r = r.else) errors.push(...checkRegoV1(r, parser.flags.get(r)));
  }
  if (errors.length > 0 || !pkg) return { ok: false, errors };

  const module: Module = { file, package: pkg, imports, rules, annotations: [], comments };
  const annotationErrors = attachAnnotations(module, comments, placed);
  if (annotationErrors.length > 0) return { ok: false, errors: annotationErrors };
  return { ok: true, value: module };
}

function statementLoc(s: Statement): Location {
  switch (s.kind) {
    case "package":
    case "import":
      return s.node.loc;
    case "rules":
      return (s.nodes[0] as Rule).loc;
    case "body":
      return s.loc;
  }
}

const WRITTEN_AS_EXPRESSION: RuleFlags = {
  hasIf: false,
  hasContains: false,
  generatedBody: true,
  generatedValue: false,
  multiValue: false,
};

/** The Rego v1 requirements OPA checks after parsing, per rule (and per else branch). */
function checkRegoV1(rule: Rule, flags: RuleFlags = WRITTEN_AS_EXPRESSION): CompileError[] {
  const what = rule.kind === "function" ? "function" : "rule";
  const errors: CompileError[] = [];
  // Only `contains` can get here as a name: it is a plain variable outside rule heads.
  const name = rule.head.ref[0];
  if (name?.type === "var" && isKeyword(name.name)) {
    errors.push(parseError(rule.loc, `${name.name} keyword cannot be used for rule name`));
  }
  if (flags.generatedBody && flags.generatedValue) {
    errors.push(parseError(rule.loc, `${what} must have value assignment and/or body declaration`));
  }
  if (!flags.generatedBody && !flags.hasIf && !rule.isDefault) {
    errors.push(parseError(rule.loc, `\`if\` keyword is required before ${what} body`));
  }
  if (flags.multiValue && !flags.hasContains) {
    errors.push(parseError(rule.loc, "`contains` keyword is required for partial set rules"));
  }
  return errors;
}

type Converted = { rule: Rule } | { error: string; loc: Location };

/** OPA's rule-from-expression conversion for statements like `p := 1` or `f(x) = y`. */
function ruleFromBody(body: Body, text: string, flags: Map<Rule, RuleFlags>): Converted {
  const expr = body[0] as Expr;
  const loc = expr.loc;
  const fail = (error: string): Converted => ({ error, loc });
  if (body.length !== 1) return fail("multiple expressions cannot be used for rule head");
  if (expr.with.length > 0) return fail("expressions using with keyword cannot be used for rule head");
  if (expr.negated) return fail("negated expressions cannot be used for rule head");
  const node = expr.node;
  if (node.type === "some-decl" || node.type === "some-in") return fail("'some' declarations cannot be used for rule head");
  if (node.type !== "term") return fail("expression cannot be used for rule head");
  const term = node.term;

  const make = (ref: Term[], args: Term[] | null, value: Term | null, assign: boolean, generatedValue: boolean, multiValue = false): Converted => {
    if (ref[0]?.type !== "var") return fail(`invalid rule head: ${text}`);
    let kind: Rule["kind"];
    let key: Term | null = null;
    if (multiValue) {
      kind = "partial-set";
      key = ref[1] as Term;
      ref = ref.slice(0, 1);
    } else if (args) kind = "function";
    else if (ref.slice(1).every(isGround)) kind = "complete";
    else {
      kind = "partial-object";
      key = ref[ref.length - 1] as Term;
    }
    const rule: Rule = {
      kind,
      head: { ref, args, key, value, assign, loc },
      body: [],
      isDefault: false,
      else: null,
      annotations: null,
      loc,
      text,
    };
    flags.set(rule, { hasIf: false, hasContains: false, generatedBody: true, generatedValue, multiValue });
    return { rule };
  };

  if (term.type === "call") {
    const op = operatorName(term.operator);
    if ((op === "assign" || op === "eq") && term.args.length === 2) {
      const [lhs, rhs] = term.args as [Term, Term];
      const assign = op === "assign";
      if (lhs.type === "call") return make(lhs.operator.terms, lhs.args, rhs, assign, false);
      if (lhs.type === "ref") return make(lhs.terms, null, rhs, assign, false);
      if (lhs.type === "var") return make([lhs], null, rhs, assign, false);
      return fail(`${lhs.type} cannot be used for rule name`);
    }
    if (op !== null && OPERATOR_BUILTINS.has(op)) return fail("rule name conflicts with built-in function");
    if (term.args.length === 0) return fail("rule argument list must take at least one argument");
    return make(term.operator.terms, term.args, { type: "boolean", value: true, loc }, false, false);
  }
  if (term.type === "ref") {
    if (term.terms.length > 2) return make(term.terms, null, { type: "boolean", value: true, loc }, false, true);
    if (term.terms.length === 2) return make(term.terms, null, null, false, false, true);
    return fail("refs cannot be used for rule head");
  }
  return fail(`${term.type} cannot be used for rule name`);
}

/** Parses METADATA blocks and attaches each to the statement that follows it. */
function attachAnnotations(
  module: Module,
  comments: Array<{ text: string; loc: Location }>,
  placed: Array<{ line: number; target: Exclude<AttachTarget, null>; rule?: Rule }>,
): CompileError[] {
  const errors: CompileError[] = [];
  // Blocks and statements are both in source order: one pointer walks the statements.
  let nextIndex = 0;
  for (const block of findMetadataBlocks(comments)) {
    const parsed = parseMetadataBlock(block);
    if (!parsed.ok) {
      errors.push(parsed.error);
      continue;
    }
    while (nextIndex < placed.length && (placed[nextIndex]?.line ?? 0) <= block.loc.line) nextIndex++;
    const next = placed[nextIndex] ?? null;
    const scope = resolveScope(parsed.scope, next?.target ?? null, parsed.value.entrypoint === true);
    if (!scope.ok) {
      errors.push(parseError(block.loc, scope.message));
      continue;
    }
    const annotations = { ...parsed.value, scope: scope.scope };
    if (scope.scope === "package" || scope.scope === "subpackages") module.annotations.push(annotations);
    else if (next?.rule && (next.rule.annotations === null || scope.scope === "rule")) next.rule.annotations = annotations;
  }
  return errors;
}

/** Parses a query such as `data.test.p = x` or `x := 1; y := x + 1` into one body. */
export function parseQuery(text: string, file = "query"): Result<Body> {
  const { tokens } = tokenize(text);
  try {
    const parser = new Parser(file, text, tokens);
    const body: Body = [];
    for (const stmt of parser.parseStatements(false)) {
      if (stmt.kind !== "body") {
        const where = stmt.kind === "rules" ? (stmt.nodes[0] as Rule).loc : stmt.node.loc;
        return { ok: false, errors: [parseError(where, `expected a query but got ${stmt.kind === "rules" ? "a rule" : `a ${stmt.kind} statement`}`)] };
      }
      body.push(...stmt.body);
    }
    if (body.length === 0) return { ok: false, errors: [parseError({ file, line: 1, col: 1, offset: 0 }, "empty query")] };
    return { ok: true, value: body };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, errors: [e.error] };
    throw e;
  }
}

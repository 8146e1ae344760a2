// The Rego abstract syntax tree: what the parser produces and the checker and planner consume.
//
// The shape follows OPA's own AST (module → rules → heads and bodies of expressions over terms),
// so that facts about OPA's semantics map one to one. Every node carries a Location so that any
// later stage can report `file:line:col`.

export interface Location {
  file: string;
  line: number; // 1-based
  col: number; // 1-based, in UTF-16 code units of the line
  offset: number; // 0-based offset of the first character in the file text
}

// ---------------------------------------------------------------------------------------------
// Terms

export type Term =
  | NullTerm
  | BooleanTerm
  | NumberTerm
  | StringTerm
  | VarTerm
  | RefTerm
  | ArrayTerm
  | ObjectTerm
  | SetTerm
  | ArrayComprehension
  | SetComprehension
  | ObjectComprehension
  | CallTerm;

export interface NullTerm {
  type: "null";
  loc: Location;
}

export interface BooleanTerm {
  type: "boolean";
  value: boolean;
  loc: Location;
}

/** Numbers keep their source text: Rego numbers are arbitrary precision (OPA keeps json.Number). */
export interface NumberTerm {
  type: "number";
  text: string;
  loc: Location;
}

export interface StringTerm {
  type: "string";
  value: string;
  /** true for `raw strings` written with back-quotes. */
  raw: boolean;
  loc: Location;
}

/** A variable. `_` is the wildcard; the parser renames each `_` to a unique `$wildcardN`. */
export interface VarTerm {
  type: "var";
  name: string;
  loc: Location;
}

/**
 * A reference: `data.a.b[x]`, `input.x`, `f(x)[0]`, `[1,2][i]`.
 * The head is any term (usually a var such as `data`, `input` or a local); each further element
 * is a term: `.b` is the string term "b", `[x]` is the term x.
 */
export interface RefTerm {
  type: "ref";
  terms: Term[]; // terms[0] is the head
  loc: Location;
}

export interface ArrayTerm {
  type: "array";
  items: Term[];
  loc: Location;
}

export interface ObjectTerm {
  type: "object";
  items: Array<[Term, Term]>;
  loc: Location;
}

/** `set()` is the empty set; `{}` is the empty object. */
export interface SetTerm {
  type: "set";
  items: Term[];
  loc: Location;
}

export interface ArrayComprehension {
  type: "arraycomprehension";
  term: Term;
  body: Body;
  loc: Location;
}

export interface SetComprehension {
  type: "setcomprehension";
  term: Term;
  body: Body;
  loc: Location;
}

export interface ObjectComprehension {
  type: "objectcomprehension";
  key: Term;
  value: Term;
  body: Body;
  loc: Location;
}

/**
 * A call: `count(x)`, `a.b.f(x, y)`, and also every operator: `x + y` is a call of `plus`,
 * `x == y` of `equal`, `x = y` of `eq` (unification), `x := y` of `assign`, `x in xs` of
 * `internal.member_2`, `k, v in xs` of `internal.member_3`, `a & b` of `and`, `a | b` of `or`,
 * `-x` (non-literal) of `minus(0, x)`. Operator names are OPA's built-in names.
 */
export interface CallTerm {
  type: "call";
  operator: RefTerm; // e.g. ref [var count] or [var strings, "concat"] or [var data, "pkg", "f"]
  args: Term[];
  loc: Location;
}

// ---------------------------------------------------------------------------------------------
// Bodies and expressions

export type Body = Expr[];

export interface Expr {
  /** The expression proper. */
  node: ExprNode;
  negated: boolean; // `not expr`
  with: WithModifier[];
  loc: Location;
}

export type ExprNode =
  /** A term used as a statement: a call (`count(x) > 1` is a call of gt), a ref or a value. */
  | { type: "term"; term: Term }
  /** `some x, y` (declaration without `in`). */
  | { type: "some-decl"; vars: VarTerm[] }
  /** `some x in xs`, `some k, v in xs`: key is null for the one-variable form. */
  | { type: "some-in"; key: Term | null; value: Term; collection: Term }
  /** `every x in xs { body }` / `every k, v in xs { body }`: key is null for the one-variable form. */
  | { type: "every"; key: VarTerm | null; value: VarTerm; domain: Term; body: Body };

export interface WithModifier {
  target: RefTerm; // input.x, data.p.q, a built-in or function name
  value: Term;
  loc: Location;
}

// ---------------------------------------------------------------------------------------------
// Rules and modules

export type RuleKind =
  /** `p := 1`, `p if {…}`, `p = x if {…}`, `a.b.c := 1`: one value for the whole rule ref. */
  | "complete"
  /** `p contains x if {…}` (and v0 `p[x] {…}`): builds a set. */
  | "partial-set"
  /** `p[k] := v if {…}`, `a.b[k] = v`: builds an object, the last ref term is the key. */
  | "partial-object"
  /** `f(x) := y if {…}` */
  | "function";

export interface RuleHead {
  /** The rule's ref relative to the package: `p` → [var p]; `a.b[k]` → [var a, "b", var k]. */
  ref: Term[];
  /** Function parameters (terms: functions may pattern-match on constants and composites). */
  args: Term[] | null;
  /** The key term of a partial set (`contains x`) or partial object rule (the last ref term). */
  key: Term | null;
  /** The value; null for partial-set rules. For `p if {…}` the parser puts `true` here. */
  value: Term | null;
  /** `:=` was used (vs `=`); `:=` rules may not be redefined with `=` in the same package. */
  assign: boolean;
  loc: Location;
}

export interface Rule {
  kind: RuleKind;
  head: RuleHead;
  body: Body; // empty body means `true` (e.g. `p := 1`)
  /** `default p := false` */
  isDefault: boolean;
  /** The chain `else := v if {…}`; each else is a Rule with its own head value and body. */
  else: Rule | null;
  /** METADATA annotations that precede the rule, parsed from YAML comments. */
  annotations: Annotations | null;
  loc: Location;
  /** The whole source text of the rule, for error messages. */
  text: string;
}

export interface Import {
  /** `import data.a.b`, `import input.x as y`, `import rego.v1`, `import future.keywords.in`. */
  path: RefTerm;
  alias: string | null;
  loc: Location;
}

export interface Package {
  /** `package a.b.c` → ["a", "b", "c"] (without the leading `data`). */
  path: string[];
  loc: Location;
}

export interface Annotations {
  scope: "package" | "rule" | "document" | "subpackages" | null;
  title?: string;
  description?: string;
  entrypoint?: boolean;
  /** Anything else the METADATA block held (custom, organizations, …), as parsed YAML. */
  other: Record<string, unknown>;
  loc: Location;
}

export interface Module {
  file: string;
  package: Package;
  imports: Import[];
  rules: Rule[];
  /** Package-scoped METADATA annotations (those before the package statement). */
  annotations: Annotations[];
  /** Comments, kept for tools (formatters, METADATA); the compiler ignores them. */
  comments: Array<{ text: string; loc: Location }>;
}

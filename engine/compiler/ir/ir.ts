// The planner's intermediate representation: what the planner produces and the Wasm code
// generator consumes. It mirrors OPA's planner IR (package `ir`): a policy is a set of plans
// (one per entrypoint) and functions (one per rule set, plus helpers), each made of blocks of
// statements over numbered locals that hold value pointers.
//
// Semantics shared by every statement:
// - A local holds a value or is *undefined* (pointer 0 in the Wasm code).
// - When a statement "fails" (an undefined lookup, an unequal comparison, a call that returns
//   undefined, …) execution leaves the innermost enclosing Block (as `Break 0` would) and carries on
//   after it. Statements listed below say when they fail.
// - `Break n` leaves n+1 enclosing blocks: 0 is the current block.
// - In plans and functions, local 0 is `input` and local 1 is `data` by convention; functions
//   receive them as their first two parameters.

export type Local = number;

export type Operand =
  | { kind: "local"; local: Local }
  | { kind: "bool"; value: boolean }
  /** An index into Policy.strings: the string value itself. */
  | { kind: "string"; index: number };

export interface Policy {
  /** String constants, referenced by index from operands and statements. */
  strings: string[];
  /** Built-in functions the policy calls, by OPA name (e.g. "count", "strings.replace_n"). */
  builtins: BuiltinDecl[];
  /** One plan per entrypoint. */
  plans: Plan[];
  funcs: Func[];
}

export interface BuiltinDecl {
  name: string;
  arity: number;
}

export interface Plan {
  /** Entrypoint name as OPA writes it: the path below data joined with "/", e.g. "test/p". */
  name: string;
  /** Locals 0 and 1 are input and data; the plan adds results with ResultSetAdd. */
  blocks: Block[];
}

export interface Func {
  /** Unique name, e.g. "g0.data.test.p". */
  name: string;
  /**
   * Parameter locals; params[0] is input and params[1] is data. The planner passes a third,
   * params[2]: an object made once per evaluation (and once per `with` scope) in which rule
   * functions cache their values (see engine/compiler/plan/cache.ts); backends need not know.
   */
  params: Local[];
  /** The local whose value is returned (undefined if never assigned). */
  return: Local;
  blocks: Block[];
  /** The rule path this function evaluates, when it does, e.g. ["test", "p"]. */
  path?: string[];
}

export interface Block {
  stmts: Stmt[];
}

export type Stmt =
  /** Return from the function with the value of `source` (may be undefined). */
  | { op: "ReturnLocal"; source: Local }
  /**
   * Call a Func (by name) or a built-in (by OPA name, listed in Policy.builtins) with `args`.
   * Functions get input and data as their first two args. Fails if the result is undefined.
   */
  | {
      op: "Call";
      func: string;
      args: Operand[];
      result: Local;
      /**
       * For calls of Funcs that evaluate a rule or function: how conflicts met while the callee
       * runs are worded. "named" (the default): `rule data.a.p produced conflicting values`,
       * `function data.a.f produced conflicting values for the same inputs`; "generic": the
       * messages of conflictMessages. See ConflictWording.
       */
      conflicts?: ConflictWording;
    }
  /** Run each block in turn (each block is a `block` that failures leave). */
  | { op: "Block"; blocks: Block[] }
  | { op: "Break"; index: number }
  /** target := source[key]; fails if source has no such key (or is not a collection). */
  | { op: "Dot"; source: Operand; key: Operand; target: Local }
  /** target := number of elements of source; fails if source is not a string or collection. */
  | { op: "Len"; source: Operand; target: Local }
  /**
   * For each element of source (array: index → item, object: key → value, set: item → item),
   * bind key and value and run block. Never fails itself; no iteration if source is not a
   * collection or is undefined.
   */
  | { op: "Scan"; source: Local; key: Local; value: Local; block: Block }
  /** Runs block; fails if the block completes, succeeds if the block failed. */
  | { op: "Not"; block: Block }
  | { op: "AssignInt"; value: number; target: Local }
  | { op: "AssignVar"; source: Operand; target: Local }
  /**
   * target := source if target is undefined; if target holds an equal value, nothing; if it holds
   * a different value, evaluation aborts with a conflict error (`eval_conflict_error`: "complete
   * rules must not produce multiple outputs", or "functions must not produce multiple outputs").
   */
  | { op: "AssignVarOnce"; source: Operand; target: Local; conflict: ConflictKind }
  /** Make target undefined. */
  | { op: "ResetLocal"; target: Local }
  | { op: "MakeNull"; target: Local }
  | { op: "MakeNumberInt"; value: number; target: Local }
  /** A number from its source text (Policy.strings[index]), any size or precision. */
  | { op: "MakeNumberRef"; index: number; target: Local }
  | { op: "MakeArray"; capacity: number; target: Local }
  | { op: "MakeObject"; target: Local }
  | { op: "MakeSet"; target: Local }
  /** Fails unless a and b are equal values (value comparison; 1 and 1.0 are equal). */
  | { op: "Equal"; a: Operand; b: Operand }
  /** Fails if a and b are equal values. */
  | { op: "NotEqual"; a: Operand; b: Operand }
  | { op: "IsArray"; source: Operand }
  | { op: "IsObject"; source: Operand }
  | { op: "IsSet"; source: Operand }
  /** Fails if source is undefined. */
  | { op: "IsDefined"; source: Local }
  /** Fails if source is defined. */
  | { op: "IsUndefined"; source: Local }
  | { op: "ArrayAppend"; value: Operand; array: Local }
  /** object[key] := value, replacing any value. */
  | { op: "ObjectInsert"; key: Operand; value: Operand; object: Local }
  /** object[key] := value; aborts with a conflict error if key holds a different value. */
  | { op: "ObjectInsertOnce"; key: Operand; value: Operand; object: Local; conflict: ConflictKind }
  /** target := deep merge of objects a and b (a wins on non-object leaves); fails if not objects. */
  | { op: "ObjectMerge"; a: Local; b: Local; target: Local }
  | { op: "SetAdd"; value: Operand; set: Local }
  /**
   * Run block with `local` replaced by a copy in which the value at path (string indices) is
   * `value` (objects are created along the path as needed); the local is restored afterwards.
   * Fails if the block fails.
   */
  | { op: "With"; local: Local; path: number[]; value: Operand; block: Block }
  /** Add the value (an object such as {"result": v}) to the evaluation's result set. */
  | { op: "ResultSetAdd"; value: Local }
  | { op: "Nop" };

export type ConflictKind = "complete" | "function" | "object";

/**
 * How OPA words a conflict of a complete rule or function. What its conformance cases show: the
 * message names the document ("rule data.a.p produced conflicting values", "function data.a.f
 * produced conflicting values for the same inputs") unless the rule or function was reached on an
 * early-exit path, i.e. from the body of a complete rule with a constant value (which stops at its
 * first solution), as a rule reference or as a function call whose value is used; then OPA gives
 * the generic conflictMessages. Object key conflicts are always generic.
 */
export type ConflictWording = "named" | "generic";

/** A rule path as OPA prints the ref: "data.a.b", keys that are not identifiers in brackets. */
export function documentName(path: string[]): string {
  return "data" + path.map((s) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)).join("");
}

/** The named message of a conflict in the rule or function at path (see ConflictWording). */
export function namedConflictMessage(kind: "complete" | "function", path: string[]): string {
  return kind === "function"
    ? `function ${documentName(path)} produced conflicting values for the same inputs`
    : `rule ${documentName(path)} produced conflicting values`;
}

/** The error messages OPA gives for each conflict kind (code `eval_conflict_error`). */
export const conflictMessages: Record<ConflictKind, string> = {
  complete: "complete rules must not produce multiple outputs",
  function: "functions must not produce multiple outputs for same inputs",
  object: "object keys must be unique",
};

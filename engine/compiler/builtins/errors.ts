// How host built-ins fail, in OPA's two modes. A host built-in signals failure by returning
// undefined (no message known) or by throwing BuiltinError (with OPA's code and message). OPA's
// default makes a failing built-in undefined; with strict built-in errors the failure aborts the
// evaluation. The SDK propagates whatever a custom built-in throws out of evaluate(), so strict
// mode throws an Error whose message starts with OPA's error code, as the runtime's opa_abort
// messages do.

import type { HostFn } from "./host/util.js";

export type BuiltinErrorCode = "eval_type_error" | "eval_builtin_error";

export class BuiltinError extends Error {
  constructor(
    readonly code: BuiltinErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

/** OPA's type names, as its "operand N must be T but got U" messages use them (sets arrive as arrays). */
export function jsonTypeName(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "array";
  if (typeof x === "object") return "object";
  if (typeof x === "bigint") return "number";
  return typeof x;
}

/** The message of a failure that a host built-in gave no message for. */
function genericFailure(name: string, args: unknown[]): BuiltinError {
  return new BuiltinError("eval_builtin_error", `${name}: invalid arguments (${args.map(jsonTypeName).join(", ")})`);
}

/**
 * `fn` in the given mode. Non-strict: any failure (undefined, BuiltinError, or the TypeError /
 * RangeError / SyntaxError of a malformed argument) is undefined. Strict: each of those throws a
 * BuiltinError naming the built-in. Other exceptions are bugs and propagate in both modes.
 */
export function inErrorMode(name: string, fn: HostFn, strict: boolean): HostFn {
  return (...args) => {
    let result: unknown;
    try {
      result = fn(...args);
    } catch (e) {
      if (e instanceof BuiltinError) {
        if (!strict) return undefined;
        throw e.detail.startsWith(`${name}:`) ? e : new BuiltinError(e.code, `${name}: ${e.detail}`);
      }
      if (e instanceof TypeError || e instanceof RangeError || e instanceof SyntaxError) {
        if (!strict) return undefined;
        throw new BuiltinError("eval_builtin_error", `${name}: ${e.message}`);
      }
      throw e;
    }
    if (result === undefined && strict) throw genericFailure(name, args);
    return result;
  };
}

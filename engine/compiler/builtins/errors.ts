// How host built-ins fail, in OPA's two modes. A host built-in signals failure by returning
// undefined (no message known) or by throwing BuiltinError (with OPA's code and message). OPA's
// default makes a failing built-in undefined; with strict built-in errors the failure aborts the
// evaluation. The SDK propagates whatever a custom built-in throws out of evaluate(), so strict
// mode throws an Error whose message starts with OPA's error code, as the runtime's opa_abort
// messages do.

import type { HostFn } from "./host/util.js";
import { jsonTypeName, operandTypeError } from "./operands.js";

export { jsonTypeName };

export type BuiltinErrorCode = "eval_type_error" | "eval_builtin_error";

export class BuiltinError extends Error {
  constructor(
    readonly code: BuiltinErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

/**
 * The error of a failure that a host built-in gave no message for: OPA's type error when an
 * operand has a type the built-in does not take, otherwise a built-in error naming the types.
 */
function genericFailure(name: string, args: unknown[]): BuiltinError {
  const typeError = operandTypeError(name, args);
  if (typeError !== null) return new BuiltinError("eval_type_error", typeError);
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
        const typeError = operandTypeError(name, args);
        throw typeError !== null ? new BuiltinError("eval_type_error", typeError) : new BuiltinError("eval_builtin_error", `${name}: ${e.message}`);
      }
      throw e;
    }
    if (result === undefined && strict) throw genericFailure(name, args);
    return result;
  };
}

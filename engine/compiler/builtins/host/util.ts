// Shared helpers for host built-ins. Arguments arrive as JSON (the SDK dumps values with
// opa_json_dump, so sets arrive as arrays); a result of `undefined` is a failure (undefined in
// OPA's default mode, an error with strict built-in errors: see ../errors.ts); an ArrayBuffer result is taken by the SDK as JSON text,
// which is how exact big integers (nanoseconds) reach the runtime without passing through a double.

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type HostFn = (...args: Json[]) => unknown;

export function isString(x: unknown): x is string {
  return typeof x === "string";
}

export function isNumber(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

export function isObject(x: unknown): x is { [k: string]: Json } {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

/** An integer given as a JSON number, or undefined. */
export function asInt(x: unknown): number | undefined {
  return isNumber(x) && Number.isInteger(x) ? x : undefined;
}

/** Exact JSON text for an integer of any size. */
export function exactInt(n: bigint): ArrayBuffer {
  const bytes = new TextEncoder().encode(n.toString());
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Strings of a string, or of an array/set of strings; undefined if anything else. */
export function stringList(x: unknown): string[] | undefined {
  if (isString(x)) return [x];
  if (Array.isArray(x) && x.every(isString)) return x as string[];
  return undefined;
}

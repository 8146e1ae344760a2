// Plan-time context of `with`: which virtual documents and which functions or built-ins are
// mocked. Functions planned under a context are copies (their names carry the context's key), so
// a mock also reaches rules that are called indirectly.

/** What a mocked function or built-in is replaced by, for the scope of a `with`. */
export type Mock =
  | { kind: "func"; path: string[] }
  | { kind: "builtin"; name: string }
  /** A value stored by the `with` into data under a reserved key (so that called copies see it). */
  | { kind: "data"; key: string };

/** Plan-time context: which virtual documents and functions are mocked by enclosing `with`s. */
export interface Ctx {
  key: string;
  /** Paths of virtual documents replaced by base data (the `with` wrote the value there). */
  dataMocks: string[][];
  /** "data.pkg.f" or a built-in name → replacement. */
  fnMocks: Map<string, Mock>;
}

export const rootCtx: Ctx = { key: "", dataMocks: [], fnMocks: new Map() };

export function isMocked(path: string[], ctx: Ctx): boolean {
  return ctx.dataMocks.some((m) => m.length <= path.length && m.every((s, i) => path[i] === s));
}

/** The context with one more mock (or with the function mocks cleared). */
export function extendCtx(base: Ctx, add: { dataMock?: string[]; fn?: [string, Mock]; clearFns?: boolean }): Ctx {
  const dataMocks = add.dataMock ? [...base.dataMocks, add.dataMock] : base.dataMocks;
  const fnMocks = new Map(add.clearFns ? [] : base.fnMocks);
  if (add.fn) fnMocks.set(add.fn[0], add.fn[1]);
  const key =
    dataMocks.length === 0 && fnMocks.size === 0
      ? ""
      : JSON.stringify([dataMocks, [...fnMocks].sort((a, b) => (a[0] < b[0] ? -1 : 1))]);
  return { key, dataMocks, fnMocks };
}

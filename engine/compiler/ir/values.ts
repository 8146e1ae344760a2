// Rego values for the IR interpreter (interp.ts): JSON plus sets, objects with any keys, value
// equality (1 == 1.0, sets and objects by content) and OPA's total order
// null < boolean < number < string < array < object < set.
// Numbers are JS doubles here: the interpreter is a test oracle, not the product.

export type Value = null | boolean | number | string | Value[] | RObject | RSet;

export class RObject {
  private readonly m = new Map<string, [Value, Value]>();
  get size(): number {
    return this.m.size;
  }
  get(k: Value): Value | undefined {
    return this.m.get(keyOf(k))?.[1];
  }
  set(k: Value, v: Value): void {
    this.m.set(keyOf(k), [k, v]);
  }
  delete(k: Value): void {
    this.m.delete(keyOf(k));
  }
  /** Entries in OPA's key order (sorted), as OPA iterates objects. */
  entries(): Array<[Value, Value]> {
    return [...this.m.values()].sort((a, b) => compare(a[0], b[0]));
  }
  copy(): RObject {
    const o = new RObject();
    for (const [k, v] of this.m.values()) o.set(k, v);
    return o;
  }
}

export class RSet {
  private readonly m = new Map<string, Value>();
  constructor(items: Iterable<Value> = []) {
    for (const i of items) this.add(i);
  }
  get size(): number {
    return this.m.size;
  }
  add(v: Value): void {
    this.m.set(keyOf(v), v);
  }
  has(v: Value): boolean {
    return this.m.has(keyOf(v));
  }
  get(v: Value): Value | undefined {
    return this.m.get(keyOf(v));
  }
  /** Members in OPA's order (sorted). */
  values(): Value[] {
    return [...this.m.values()].sort(compare);
  }
}

export function typeRank(v: Value): number {
  if (v === null) return 0;
  if (typeof v === "boolean") return 1;
  if (typeof v === "number") return 2;
  if (typeof v === "string") return 3;
  if (Array.isArray(v)) return 4;
  if (v instanceof RObject) return 5;
  return 6;
}

export function typeName(v: Value): string {
  return ["null", "boolean", "number", "string", "array", "object", "set"][typeRank(v)]!;
}

/** A canonical string: equal values (by Rego semantics) have equal keys. */
export function keyOf(v: Value): string {
  if (v === null) return "n";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return "#" + String(v === 0 ? 0 : v);
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return "[" + v.map(keyOf).join(",") + "]";
  if (v instanceof RObject) return "{" + v.entries().map(([k, x]) => keyOf(k) + ":" + keyOf(x)).join(",") + "}";
  return "<" + v.values().map(keyOf).join(",") + ">";
}

export function equal(a: Value, b: Value): boolean {
  return keyOf(a) === keyOf(b);
}

export function compare(a: Value, b: Value): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 0:
      return 0;
    case 1:
    case 2:
      return a === b ? 0 : (a as number) < (b as number) ? -1 : 1;
    case 3:
      return a === b ? 0 : (a as string) < (b as string) ? -1 : 1;
    case 4: {
      const x = a as Value[];
      const y = b as Value[];
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compare(x[i]!, y[i]!);
        if (c !== 0) return c;
      }
      return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
    }
    case 5: {
      const x = (a as RObject).entries();
      const y = (b as RObject).entries();
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compare(x[i]![0], y[i]![0]) || compare(x[i]![1], y[i]![1]);
        if (c !== 0) return c;
      }
      return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
    }
    default: {
      const x = (a as RSet).values();
      const y = (b as RSet).values();
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compare(x[i]!, y[i]!);
        if (c !== 0) return c;
      }
      return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
    }
  }
}

/** `object.union`: the keys of both; where both have a key, b's value wins, except that two
 *  objects under the same key are united the same way. */
export function unionObjects(a: RObject, b: RObject): RObject {
  const out = a.copy();
  for (const [k, v] of b.entries()) {
    const cur = out.get(k);
    out.set(k, cur instanceof RObject && v instanceof RObject ? unionObjects(cur, v) : v);
  }
  return out;
}

export function fromJSON(x: unknown): Value {
  if (x === null || x === undefined) return null;
  if (typeof x === "boolean" || typeof x === "number" || typeof x === "string") return x;
  if (Array.isArray(x)) return x.map(fromJSON);
  const o = new RObject();
  for (const [k, v] of Object.entries(x as Record<string, unknown>)) o.set(k, fromJSON(v));
  return o;
}

/** JSON as OPA writes it: sets become sorted arrays, non-string object keys their JSON text. */
export function toJSON(v: Value): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(toJSON);
  if (v instanceof RSet) return v.values().map(toJSON);
  const out: Record<string, unknown> = {};
  for (const [k, x] of v.entries()) out[typeof k === "string" ? k : JSON.stringify(toJSON(k))] = toJSON(x);
  return out;
}

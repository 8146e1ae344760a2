// Network address built-ins: CIDR membership and overlap for IPv4 and IPv6.

import { isString, type HostFn } from "./util.js";

interface Net {
  v6: boolean;
  base: bigint;
  bits: number; // prefix length
}

function parseV4(s: string): bigint | undefined {
  const parts = s.split(".");
  if (parts.length !== 4) return undefined;
  let n = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = (n << 8n) | BigInt(Number(p));
  }
  return n;
}

function parseV6(s: string): bigint | undefined {
  let text = s;
  let tail: bigint[] = [];
  const v4 = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = parseV4(v4[1] as string);
    if (n === undefined) return undefined;
    tail = [n >> 16n, n & 0xffffn];
    text = text.slice(0, v4.index + 1) + "";
    if (text.endsWith(":") && !text.endsWith("::")) text = text.slice(0, -1);
  }
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const group = (h: string) => (h === "" ? [] : h.split(":"));
  const head = group(halves[0] as string);
  const rest = halves.length === 2 ? group(halves[1] as string) : [];
  const given = head.length + rest.length + tail.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return undefined;
  const words: bigint[] = [];
  for (const g of head) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    words.push(BigInt(parseInt(g, 16)));
  }
  for (let i = 0; i < 8 - given; i++) words.push(0n);
  for (const g of rest) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    words.push(BigInt(parseInt(g, 16)));
  }
  words.push(...tail);
  return words.reduce((acc, w) => (acc << 16n) | w, 0n);
}

/** An address or a CIDR as a network; an address is a /32 or /128. */
export function parseNet(s: string, requirePrefix: boolean): Net | undefined {
  const [addr = "", prefix] = s.split("/");
  if (requirePrefix && prefix === undefined) return undefined;
  const v6 = addr.includes(":");
  const a = v6 ? parseV6(addr) : parseV4(addr);
  if (a === undefined) return undefined;
  const width = v6 ? 128 : 32;
  let bits = width;
  if (prefix !== undefined) {
    if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > width) return undefined;
    bits = Number(prefix);
  }
  const mask = ((1n << BigInt(width)) - 1n) ^ ((1n << BigInt(width - bits)) - 1n);
  return { v6, base: a & mask, bits };
}

function size(n: Net): bigint {
  return 1n << BigInt((n.v6 ? 128 : 32) - n.bits);
}

function contains(outer: Net, inner: Net): boolean {
  return outer.v6 === inner.v6 && inner.base >= outer.base && inner.base + size(inner) <= outer.base + size(outer);
}

function intersects(a: Net, b: Net): boolean {
  return a.v6 === b.v6 && a.base < b.base + size(b) && b.base < a.base + size(a);
}

export const netBuiltins: Record<string, HostFn> = {
  "net.cidr_contains": (c, x) => {
    if (!isString(c) || !isString(x)) return undefined;
    const outer = parseNet(c, true);
    const inner = parseNet(x, false);
    return outer && inner ? contains(outer, inner) : undefined;
  },
  "net.cidr_intersects": (a, b) => {
    if (!isString(a) || !isString(b)) return undefined;
    const x = parseNet(a, true);
    const y = parseNet(b, true);
    return x && y ? intersects(x, y) : undefined;
  },
  "net.cidr_overlap": (c, x) => netBuiltins["net.cidr_contains"]?.(c, x),
  "net.cidr_is_valid": (c) => (isString(c) ? parseNet(c, true) !== undefined : false),
};

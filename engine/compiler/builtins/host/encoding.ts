// Encodings, hashes and JSON built-ins.

import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { isObject, isString, stringList, type HostFn, type Json } from "./util.js";

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
const validB64 = (s: string) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s);
const validB64Url = (s: string) => /^[A-Za-z0-9_-]*={0,2}$/.test(s) && (s.replace(/=+$/, "").length % 4 !== 1);

/** Go's json.Marshal escapes <, > and & and the line separators. */
export function goJson(x: unknown): string {
  return JSON.stringify(x)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Go's url.QueryEscape. */
function queryEscape(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*~]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase()).replace(/%20/g, "+").replace(/%7E/g, "~");
}

function queryUnescape(s: string): string | undefined {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return undefined;
  }
}

function hash(alg: string) {
  return (s: Json) => (isString(s) ? createHash(alg).update(s, "utf8").digest("hex") : undefined);
}

function hmac(alg: string) {
  return (s: Json, key: Json) => (isString(s) && isString(key) ? createHmac(alg, key).update(s, "utf8").digest("hex") : undefined);
}

function jsonText(s: string): ArrayBuffer | undefined {
  try {
    JSON.parse(s);
  } catch {
    return undefined;
  }
  // Handing the text itself to the SDK keeps big numbers exact (it parses with opa_json_parse).
  const bytes = new TextEncoder().encode(s);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export const encodingBuiltins: Record<string, HostFn> = {
  "base64.encode": (s) => (isString(s) ? b64(s) : undefined),
  "base64.decode": (s) => (isString(s) && validB64(s) ? Buffer.from(s, "base64").toString("utf8") : undefined),
  "base64.is_valid": (s) => (isString(s) ? validB64(s) : undefined),
  "base64url.encode": (s) => (isString(s) ? Buffer.from(s, "utf8").toString("base64url") + "=".repeat(padLen(s)) : undefined),
  "base64url.encode_no_pad": (s) => (isString(s) ? Buffer.from(s, "utf8").toString("base64url") : undefined),
  "base64url.decode": (s) => (isString(s) && validB64Url(s) ? Buffer.from(s.replace(/=+$/, ""), "base64url").toString("utf8") : undefined),
  "hex.encode": (s) => (isString(s) ? Buffer.from(s, "utf8").toString("hex") : undefined),
  "hex.decode": (s) => (isString(s) && /^(?:[0-9a-fA-F]{2})*$/.test(s) ? Buffer.from(s, "hex").toString("utf8") : undefined),
  "urlquery.encode": (s) => (isString(s) ? queryEscape(s) : undefined),
  "urlquery.decode": (s) => (isString(s) ? queryUnescape(s) : undefined),
  "urlquery.encode_object": (o) => {
    if (!isObject(o)) return undefined;
    const parts: string[] = [];
    for (const k of Object.keys(o).sort()) {
      const vs = stringList(o[k]);
      if (!vs) return undefined;
      for (const v of vs) parts.push(`${queryEscape(k)}=${queryEscape(v)}`);
    }
    return parts.join("&");
  },
  "urlquery.decode_object": (s) => {
    if (!isString(s)) return undefined;
    const out: Record<string, string[]> = {};
    for (const pair of s.split(/[&;]/)) {
      if (pair === "") continue;
      const [k = "", v = ""] = pair.split(/=(.*)/s);
      const dk = queryUnescape(k);
      const dv = queryUnescape(v);
      if (dk === undefined || dv === undefined) return undefined;
      (out[dk] ??= []).push(dv);
    }
    return out;
  },
  "json.marshal": (x) => goJson(x),
  "json.unmarshal": (s) => (isString(s) ? jsonText(s) : undefined),
  "crypto.md5": hash("md5"),
  "crypto.sha1": hash("sha1"),
  "crypto.sha256": hash("sha256"),
  "crypto.hmac.md5": hmac("md5"),
  "crypto.hmac.sha1": hmac("sha1"),
  "crypto.hmac.sha256": hmac("sha256"),
  "crypto.hmac.sha512": hmac("sha512"),
  "crypto.hmac.equal": (a, b) => {
    if (!isString(a) || !isString(b)) return undefined;
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
  },
  "io.jwt.decode": (t) => {
    if (!isString(t)) return undefined;
    const parts = t.split(".");
    if (parts.length !== 3) return undefined;
    try {
      const header = JSON.parse(Buffer.from(parts[0] as string, "base64url").toString("utf8"));
      const payload = JSON.parse(Buffer.from(parts[1] as string, "base64url").toString("utf8"));
      return [header, payload, Buffer.from(parts[2] as string, "base64url").toString("hex")];
    } catch {
      return undefined;
    }
  },
};

function padLen(s: string): number {
  const n = Buffer.byteLength(s, "utf8") % 3;
  return n === 0 ? 0 : 3 - n;
}

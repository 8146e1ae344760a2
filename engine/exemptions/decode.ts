// Bytes of a file → text, refusing what an exemption file must not be: too large, not UTF-8, or
// starting with a byte-order mark. Pure.

/** Exemption files larger than this are refused before parsing (1 MiB). */
export const MAX_FILE_BYTES = 1024 * 1024;

export type DecodeResult =
  | { readonly ok: true; readonly text: string }
  | {
      readonly ok: false;
      readonly code: string;
      readonly message: string;
      /** 1-based place of the offending byte. */
      readonly line: number;
      readonly col: number;
    };

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

function placeOf(bytes: Uint8Array, offset: number): { line: number; col: number } {
  // Everything before `offset` is valid UTF-8, so decoding it gives the characters before the byte.
  const before = new TextDecoder("utf-8").decode(bytes.subarray(0, offset));
  const lastBreak = before.lastIndexOf("\n");
  let line = 1;
  for (let i = 0; i < before.length; i++) if (before.charCodeAt(i) === 10) line++;
  return { line, col: before.length - lastBreak };
}

/** The finding for a file of `size` bytes, over {@link MAX_FILE_BYTES}. */
export function tooLarge(size: number): DecodeResult & { ok: false } {
  return {
    ok: false,
    code: "file.too-large",
    message: `file is ${size} bytes, over the limit of ${MAX_FILE_BYTES} bytes (1 MiB) for an exemption file`,
    line: 1,
    col: 1,
  };
}

export function decodeExemptionBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_FILE_BYTES) return tooLarge(bytes.length);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      ok: false,
      code: "file.bom",
      message: "file starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM",
      line: 1,
      col: 1,
    };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      code: "file.encoding",
      message: "file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8 without BOM",
      line: 1,
      col: 1,
    };
  }
  // The strict decoder validates and decodes in one pass; the scan below only runs to say where a
  // file it refused goes wrong (both reject the same sequences: overlongs, surrogates, > U+10FFFF).
  try {
    return { ok: true, text: STRICT_UTF8.decode(bytes) };
  } catch {
    const bad = Math.max(0, firstInvalidUtf8(bytes));
    const { line, col } = placeOf(bytes, bad);
    const hex = bytes[bad]!.toString(16).padStart(2, "0");
    return {
      ok: false,
      code: "file.encoding",
      message: `byte 0x${hex} at offset ${bad} is not valid UTF-8; exemption files must be UTF-8 text`,
      line,
      col,
    };
  }
}

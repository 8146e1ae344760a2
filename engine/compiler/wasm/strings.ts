// The policy's static data: string constants (and number texts, entrypoint and built-in names)
// as UTF-8 bytes in one data segment placed after the runtime's own static data. Each distinct
// string is stored once; code refers to it by absolute address and byte length.

export class StringTable {
  private readonly offsets = new Map<string, { offset: number; length: number }>();
  private readonly chunks: Uint8Array[] = [];
  private size = 0;
  private readonly encoder = new TextEncoder();

  constructor(
    /** Absolute address of the first byte of the segment. */
    readonly base: number,
    /** Policy.strings: what string operands index. */
    private readonly constants: readonly string[],
  ) {}

  constant(index: number): string {
    const s = this.constants[index];
    if (s === undefined) throw new RangeError(`string constant ${index} does not exist (${this.constants.length} strings)`);
    return s;
  }

  intern(s: string): { offset: number; length: number } {
    let e = this.offsets.get(s);
    if (!e) {
      const bytes = this.encoder.encode(s);
      e = { offset: this.base + this.size, length: bytes.length };
      this.chunks.push(bytes);
      this.size += bytes.length;
      this.offsets.set(s, e);
    }
    return e;
  }

  /** The segment's bytes. */
  bytes(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  get end(): number {
    return this.base + this.size;
  }
}

// Emits the statements of one IR function or plan. Keeps the stack of open blocks so that the
// planner can nest blocks (Scan bodies, Not, With, alternatives) and compute `Break` indices, and
// numbers the locals.

import type { Block, Local, Stmt } from "../ir/ir.js";

export class FuncBuilder {
  private nextLocal: number;
  /** Statement lists of the open blocks, innermost last; index = block depth. */
  private stack: Stmt[][] = [];

  constructor(firstFree: number) {
    this.nextLocal = firstFree;
  }

  newLocal(): Local {
    return this.nextLocal++;
  }

  emit(s: Stmt): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) throw new Error("planner bug: emit outside a block");
    top.push(s);
  }

  /** Depth of the innermost open block (1 for a function's top-level block). */
  get depth(): number {
    return this.stack.length;
  }

  /** Builds a block whose statements `fill` emits; the block is one level deeper. */
  block(fill: () => void): Block {
    const stmts: Stmt[] = [];
    this.stack.push(stmts);
    try {
      fill();
    } finally {
      this.stack.pop();
    }
    return { stmts };
  }

  /** Emits `Block{[block]}`: a group that failures inside leave without failing the caller. */
  group(fill: () => void): void {
    this.emit({ op: "Block", blocks: [this.block(fill)] });
  }

  /** The Break index that, emitted here, leaves the block at `depth` and carries on after it. */
  breakTo(depth: number): Stmt {
    return { op: "Break", index: this.depth - depth };
  }
}

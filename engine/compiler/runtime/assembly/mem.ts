// Linear-memory allocator and host imports.
//
// The heap is a bump allocator whose whole state is `heapPtr`: the OPA SDK resets it between
// evaluations with opa_heap_ptr_set, which frees everything allocated after that point in one
// step. AssemblyScript's own managed heap is never used (the runtime is built with
// `--runtime stub` and no code here uses `new`, strings or arrays), so the two never collide.

@external("policy", "heap_base") declare function policy_heap_base(): u32;
@external("env", "opa_abort") declare function env_opa_abort(msg: usize): void;
@external("env", "opa_println") declare function env_opa_println(msg: usize): void;

let heapPtr: usize = 0;
// Cached end of linear memory. Starts at 0 so the first allocation takes the slow path, which
// initialises heapPtr from the policy's heap_base hook.
let heapEnd: usize = 0;
let heapReady: bool = false;

function heapInit(): void {
  heapReady = true;
  heapPtr = (<usize>policy_heap_base() + 15) & ~(<usize>15);
}

/** Allocates `size` bytes, 8-byte aligned. Never returns 0; aborts when memory cannot grow. */
// @ts-ignore: decorator
@inline export function alloc(size: usize): usize {
  const p = (heapPtr + 7) & ~(<usize>7);
  const n = p + size;
  if (n > heapEnd || !heapReady) return allocSlow(size);
  heapPtr = n;
  return p;
}

function allocSlow(size: usize): usize {
  if (!heapReady) heapInit();
  const p = (heapPtr + 7) & ~(<usize>7);
  const n = p + size;
  // The host may have grown memory itself (the SDK does for the opa_eval input), so re-read it.
  let end = (<usize>memory.size()) << 16;
  if (n > end) {
    const need = <i32>((n - end + 0xffff) >> 16);
    // Grow geometrically so a large parse does not call memory.grow thousands of times.
    let want = memory.size() >> 1;
    if (want < need) want = need;
    if (memory.grow(want) < 0) {
      if (memory.grow(need) < 0) abortWith("internal_error: out of memory");
    }
    end = (<usize>memory.size()) << 16;
  }
  heapEnd = end;
  heapPtr = n;
  return p;
}

/** True when [p, p+size) is the most recent allocation, so it can be extended in place. */
export function isTop(p: usize, size: usize): bool {
  return p + size == heapPtr;
}

/** Extends the most recent allocation (checked with isTop) by `extra` bytes. */
export function extendTop(extra: usize): void {
  const n = heapPtr + extra;
  if (n > heapEnd) {
    const save = heapPtr;
    // allocSlow grows memory as needed; the returned pointer is discarded on purpose.
    allocSlow(extra);
    heapPtr = save + extra;
    return;
  }
  heapPtr = n;
}

export function heapGet(): usize {
  if (!heapReady) heapInit();
  return heapPtr;
}

export function heapSet(p: usize): void {
  if (!heapReady) heapInit();
  heapPtr = p;
}

/** Copies an AssemblyScript string literal (ASCII) into a fresh NUL-terminated C string. */
export function cstrOf(s: string): usize {
  const n = s.length;
  const p = alloc(<usize>n + 1);
  for (let i = 0; i < n; i++) store<u8>(p + <usize>i, <u8>s.charCodeAt(i));
  store<u8>(p + <usize>n, 0);
  return p;
}

/** Leaves the module with an OPA error message; never returns. */
export function abortWith(msg: string): void {
  env_opa_abort(cstrOf(msg));
  unreachable();
}

export function abortCstr(p: usize): void {
  env_opa_abort(p);
  unreachable();
}

export function println(p: usize): void {
  env_opa_println(p);
}

/** AssemblyScript's `abort` (assertion failures) routed to opa_abort. */
export function asAbort(msg: usize, file: usize, line: u32, col: u32): void {
  abortWith("internal_error: runtime assertion failed");
}

/** Releases the most recent allocation [p, p+size) when nothing was allocated after it. */
export function freeTop(p: usize, size: usize): void {
  if (p + size == heapPtr) heapPtr = p;
}

/**
 * OPA's strict-builtin-errors mode. Off (OPA's default): a built-in that fails (type error, division
 * by zero, ...) makes its expression undefined. On: the failure aborts evaluation with OPA's
 * message. Policy code built in strict mode calls rt_set_strict_builtin_errors(1).
 */
export let strictErrors = false;
export function setStrictErrors(on: bool): void { strictErrors = on; }

// Error message builder: a fixed static buffer, so building a message never touches the heap.
const MSG_CAP: u32 = 1024;
const MSG = memory.data(1024);
let msgLen: u32 = 0;

export function msgBegin(): void { msgLen = 0; }

export function msgAdd(s: string): void {
  const n = <u32>s.length;
  for (let i: u32 = 0; i < n && msgLen < MSG_CAP - 1; i++) store<u8>(MSG + msgLen++, <u8>s.charCodeAt(<i32>i));
}

export function msgAddBytes(p: usize, n: u32): void {
  for (let i: u32 = 0; i < n && msgLen < MSG_CAP - 1; i++) store<u8>(MSG + msgLen++, load<u8>(p + i));
}

export function msgAddDigit(d: u32): void {
  if (msgLen < MSG_CAP - 1) store<u8>(MSG + msgLen++, <u8>(48 + d % 10));
}

export function msgAbort(): void {
  store<u8>(MSG + msgLen, 0);
  env_opa_abort(MSG);
  unreachable();
}

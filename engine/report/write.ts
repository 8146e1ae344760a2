// Writing chunks of a report with backpressure: after each chunk, if the real output stream has
// more queued than it wants (a pipe or socket that the reader empties slowly), wait for it to
// drain, so memory holds about one chunk rather than the whole report.

/** The part of a Node writable stream (process.stdout) that says when to pause and resume. */
export interface DrainableStream {
  readonly writableNeedDrain?: boolean;
  readonly destroyed?: boolean;
  once(event: "drain" | "close" | "error", listener: () => void): unknown;
  off(event: "drain" | "close" | "error", listener: () => void): unknown;
}

/** Resolves when the stream drains, closes or fails (a failed stream is reported by its owner). */
function settled(stream: DrainableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      stream.off("error", done);
      resolve();
    };
    stream.once("drain", done);
    stream.once("close", done);
    stream.once("error", done);
  });
}

/**
 * Hand each chunk to `write`; between chunks, wait while `stream` (the stream `write` ends up in,
 * if any) needs draining. Stops early when the stream has been destroyed (the reader went away).
 */
export async function writeChunks(chunks: Iterable<string>, write: (text: string) => void, stream: DrainableStream | null): Promise<void> {
  for (const chunk of chunks) {
    if (stream?.destroyed) return;
    write(chunk);
    if (stream?.writableNeedDrain) await settled(stream);
  }
}

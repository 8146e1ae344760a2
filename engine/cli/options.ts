// Option values shared by several commands.
import { parseExpiry } from "../exemptions/index.js";
import { UsageError } from "./io.js";

/** `--at`: a date (00:00 UTC) or an RFC 3339 time with offset; default: now. */
export function parseAtOption(text: string | undefined, now: () => Date): Date {
  if (text === undefined) return now();
  const r = parseExpiry(text);
  if (!r.ok) throw new UsageError(`--at: ${r.message}`);
  return r.instant;
}

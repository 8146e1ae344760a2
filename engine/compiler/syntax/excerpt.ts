// The source line of an error with a caret under the column, as OPA prints parse errors:
//
//   policy.rego:3:8: rego_parse_error: unexpected } token
//     p := }
//          ^

import type { Location } from "./ast.js";

/**
 * Two lines: the source line at `loc` (leading tabs removed, as OPA does) and a caret under
 * the error's column. Empty when the location is outside the text.
 */
export function sourceExcerpt(text: string, loc: Location): string[] {
  if (loc.offset < 0 || loc.offset > text.length) return [];
  const start = text.lastIndexOf("\n", loc.offset - 1) + 1;
  let end = text.indexOf("\n", loc.offset);
  if (end < 0) end = text.length;
  const line = text.slice(start, end).replace(/\r$/, "");
  const trimmed = line.replace(/^\t+/, "");
  const indent = Math.max(0, loc.offset - start - (line.length - trimmed.length));
  return [trimmed, `${" ".repeat(indent)}^`];
}

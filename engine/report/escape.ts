// Escaping untrusted text (exemption names, justifications, resource IDs, file names, messages)
// for each output. Everything that came from a file or an export goes through one of these.

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "@": "&#64;", "#": "&#35;" };

/** Markdown (GitHub-flavoured, including inside table cells): the text shows as written. */
export function mdText(s: string): string {
  return (
    s
      // Control characters and newlines would break tables and could smuggle formatting.
      .replace(/[\u0000-\u001f\u007f]+/g, " ")
      // HTML specials, and @ / # which would notify people or link issues: entities, in one pass
      // (so the '#' of an entity just written is not escaped again).
      .replace(/[&<>"@#]/g, (c) => ENTITIES[c]!)
      // Markdown punctuation, backslash first; | also ends a table cell.
      .replace(/[\\`*_{}[\]()!|~+\-.]/g, (c) => "\\" + c)
      // Bare URLs (autolinks) stay text: break the scheme separator.
      .replace(/:\/\//g, ":&#47;&#47;")
  );
}

/** Terminal text: no escape sequences or other control characters from data reach the screen. */
export function termText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "\uFFFD").replace(/\n/g, " ");
}

/**
 * One CSV field (RFC 4180 quoting), safe against CSV/formula injection: a cell that a spreadsheet
 * would read as a formula (= + - @, tab, CR) gets a leading apostrophe.
 */
export function csvField(v: string | number | null): string {
  if (v === null) return "";
  let s = typeof v === "number" ? String(v) : v;
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n']/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

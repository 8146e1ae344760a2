// Escaping of untrusted text (file names, exemption names, justifications, PR text, API
// messages) before it reaches GitHub-flavoured markdown. Everything such text could turn into
// markup is neutralised: HTML tags and entities, markdown punctuation (emphasis, links, code
// spans, tables, headings, lists), @mentions and #references, and line breaks (a table cell or
// list item must stay one line).

// Inline markup anywhere in a line. ':' is included so "https://…" is not turned into a link.
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#|~:]/g;
const ZERO_WIDTH_SPACE = "\u200b";

/** Escapes untrusted text for use inside markdown prose, list items and table cells. */
export function md(text: unknown): string {
  return String(text ?? "")
    // Control characters (other than newline/tab) have no business in a report.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .replace(/\r\n|\r|\n|\t/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(MARKDOWN_PUNCTUATION, (c) => "\\" + c)
    // A zero-width space after @ stops GitHub from linking (and notifying) a user or team, and
    // after # from cross-referencing an issue.
    .replace(/@/g, "@" + ZERO_WIDTH_SPACE)
    .replace(/#/g, "#" + ZERO_WIDTH_SPACE)
    // Block markup only counts at the start of a line (list items, headings, quotes, setext).
    .replace(/^([-+=>])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

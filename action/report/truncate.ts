// Keeps a comment under GitHub's limit (65,536 characters per issue comment body). Cuts at a
// line boundary, closes an open code fence or <details> so the rest of the page renders, and ends
// with a pointer to the full report.

export const COMMENT_LIMIT = 65536;

export interface Fitted { body: string; truncated: boolean }

/** `tail` (e.g. the hidden marker) is always kept at the very end. */
export function fitComment(body: string, pointer: string, tail = "", limit = COMMENT_LIMIT): Fitted {
  if (body.length + tail.length <= limit) return { body: body + tail, truncated: false };
  const notice = `\n\n> [!WARNING]\n> ${pointer}\n`;
  // Reserve room for the notice, the tail and whatever closing tags we may need to add.
  const closers = "\n```\n</details>".repeat(2);
  const room = Math.max(0, limit - notice.length - tail.length - closers.length);
  let cut = body.slice(0, room);
  const lastBreak = cut.lastIndexOf("\n");
  if (lastBreak > 0) cut = cut.slice(0, lastBreak);
  let closing = "";
  if ((cut.match(/^```/gm) ?? []).length % 2 === 1) closing += "\n```";
  const open = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
  for (let i = 0; i < open && i < 2; i++) closing += "\n</details>";
  return { body: cut + closing + notice + tail, truncated: true };
}

// A piece of a user's file quoted in a message is cut to a short excerpt: one 15 MB line must not
// become a 15 MB problem message, and as much JSON in `cloudid status --json` and in its caches.

export const EXCERPT_CHARS = 60;

/** `text` itself when short, else its first EXCERPT_CHARS characters and "…". */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  if (text.length <= max) return text;
  let end = max;
  // Never cut between the two halves of a surrogate pair.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

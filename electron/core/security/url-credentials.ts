// A URL from a user's file or environment may carry `user:password@` (SkyPilot's API-server
// endpoint, for one). Those credentials must not be stored in the snapshot, shown or logged, so
// they are cut out of the text before it goes anywhere. Textual rather than `new URL().href`, so
// the rest of the URL stays as the user wrote it (no added slash, no re-encoding), and text that
// is not a URL at all still loses anything that looks like a userinfo part.

/** `scheme://` (optional), then the userinfo up to the last `@` of the authority. */
const USERINFO = /^(\s*(?:[A-Za-z][A-Za-z0-9+.-]*:)?\/\/)?[^/?#\s]*@/;

/** The URL without its `user:password@` part; text without one is returned unchanged. */
export function withoutUrlCredentials(text: string): string {
  const match = USERINFO.exec(text);
  if (!match) return text;
  // No scheme and no `//`: only a host-like `user:pw@host` counts, not `alice@example.com` mail.
  if (match[1] === undefined && !/^[^@]*:[^@]*@/.test(text)) return text;
  return `${match[1] ?? ''}${text.slice(match[0].length)}`;
}

/** A URL for a log line: without credentials, at most 200 characters, quoted as JSON (control characters escaped). */
export function urlForLog(text: string): string {
  return JSON.stringify(withoutUrlCredentials(text).slice(0, 200));
}

// One order for names shown in lists (accounts, clusters, variables): ignoring case, then by exact
// text, in UTF-16 code units. Not localeCompare: its first call sets up ICU's collator, some 10 ms
// of a one-shot command's start (docs/performance.md), and the names it sorts here are e-mail
// addresses and identifiers, for which a locale's rules add nothing.
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : 1;
}

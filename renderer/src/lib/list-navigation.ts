// Which option a key moves the list selection to (WAI-ARIA listbox pattern): arrows by one,
// Page Up/Down by a page, Home/End to the ends. Null when the key does not move the selection.

export function nextIndex(key: string, current: number, count: number, pageSize: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const from = current < 0 ? -1 : Math.min(current, last);
  switch (key) {
    case 'ArrowDown':
      return from < 0 ? 0 : Math.min(from + 1, last);
    case 'ArrowUp':
      return from < 0 ? 0 : Math.max(from - 1, 0);
    case 'PageDown':
      return Math.min(Math.max(from, 0) + Math.max(1, pageSize), last);
    case 'PageUp':
      return Math.max(Math.max(from, 0) - Math.max(1, pageSize), 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/**
 * Type-ahead: the option whose name starts with what was typed. A new search (one character)
 * starts after the current option, so pressing "p" again cycles through the p's; a longer one
 * keeps the current option if it still matches. Wraps around; null when nothing matches.
 */
export function typeaheadIndex(names: readonly string[], typed: string, current: number): number | null {
  if (names.length === 0 || typed === '') return null;
  const prefix = typed.toLowerCase();
  const start = typed.length === 1 ? current + 1 : Math.max(current, 0);
  for (let step = 0; step < names.length; step++) {
    const index = (((start + step) % names.length) + names.length) % names.length;
    if (names[index]?.toLowerCase().startsWith(prefix)) return index;
  }
  return null;
}

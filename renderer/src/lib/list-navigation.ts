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

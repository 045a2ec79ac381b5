// TEST ONLY. Runs in the page (Playwright sends this function's source there, so it refers to
// nothing outside itself): every visible text under `root` whose contrast against what is
// painted behind it is under WCAG AA, 4.5:1.
export function lowContrastTexts(root: Element, onlyInViewport: boolean): { failures: string[]; checked: number } {
  const parse = (c: string): [number, number, number, number] => {
    const [r = 0, g = 0, b = 0, a = 1] = (c.match(/[\d.]+/g) ?? []).map(Number);
    return [r, g, b, a];
  };
  const lum = ([r, g, b]: [number, number, number, number]): number => {
    const f = (v: number): number => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const backgroundOf = (el: Element | null): [number, number, number, number] => {
    for (let node = el; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg[3] > 0.5) return bg;
    }
    return parse(getComputedStyle(document.body).backgroundColor);
  };
  const failures: string[] = [];
  let checked = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const el = text.parentElement;
    if (!el || !text.textContent?.trim() || el.closest('option, [disabled]')) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (onlyInViewport && (box.bottom < 0 || box.top > innerHeight)) continue;
    checked++;
    const fg = lum(parse(getComputedStyle(el).color));
    const bg = lum(backgroundOf(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < 4.5) failures.push(`${text.textContent.trim().slice(0, 40)}: ${ratio.toFixed(2)}`);
  }
  return { failures, checked };
}

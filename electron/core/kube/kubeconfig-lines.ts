// Where each entry of a kubeconfig's `clusters`, `users` and `contexts` lists starts, so a problem
// with one entry names its line. The YAML is parsed a second time for this, only when a problem
// needs a line: kubeconfigs are small, and most have no problem at all.
import { LineCounter, isMap, isSeq, parseDocument } from 'yaml';

export type KubeconfigSection = 'clusters' | 'users' | 'contexts';
/** The 1-based line of entry `index` of `section`; undefined when it cannot be told. */
export type EntryLine = (section: KubeconfigSection, index: number) => number | undefined;

export function entryLines(text: string): EntryLine {
  let lines: Map<KubeconfigSection, number[]> | null = null;
  const compute = (): Map<KubeconfigSection, number[]> => {
    const counter = new LineCounter();
    const document = parseDocument(text, { lineCounter: counter, version: '1.1', uniqueKeys: false });
    const out = new Map<KubeconfigSection, number[]>();
    const root = document.contents;
    if (!isMap(root)) return out;
    for (const section of ['clusters', 'users', 'contexts'] as const) {
      const list = root.get(section, true);
      if (!isSeq(list)) continue;
      out.set(
        section,
        list.items.map((item) => {
          const start = (item as { range?: [number, number, number] } | null)?.range?.[0];
          return start === undefined ? 0 : counter.linePos(start).line;
        }),
      );
    }
    return out;
  };
  return (section, index) => {
    lines ??= compute();
    const line = lines.get(section)?.[index];
    return line === undefined || line === 0 ? undefined : line;
  };
}

// A reader for gcloud's configuration files, which gcloud reads with Python's
// configparser.ConfigParser (googlecloudsdk/core/configurations/properties_file.py): sections in
// brackets, `name = value` or `name: value`, option names case-insensitive (lower-cased),
// `#`/`;` full-line comments, indented lines continue the previous value, a later duplicate
// wins. Returns what it could read plus a problem per line it could not.
import type { Problem } from '../../shared/model';

export type IniSections = Map<string, Map<string, string>>;

export interface IniRead {
  sections: IniSections;
  problems: Problem[];
}

export function parseGcloudIni(text: string, file: string): IniRead {
  const sections: IniSections = new Map();
  const problems: Problem[] = [];
  let current: Map<string, string> | null = null;
  let lastKey: string | null = null;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') {
      lastKey = null;
      return;
    }
    if (/^\s*[#;]/.test(raw)) return;
    if (/^\s/.test(raw) && current && lastKey !== null) {
      current.set(lastKey, `${current.get(lastKey) ?? ''}\n${raw.trim()}`);
      return;
    }
    const header = /^\[([^\]]+)\]/.exec(raw);
    if (header?.[1] !== undefined) {
      const name = header[1];
      current = sections.get(name) ?? new Map<string, string>();
      sections.set(name, current);
      lastKey = null;
      return;
    }
    const option = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw.trim());
    if (!option?.[1]) {
      problems.push({
        severity: 'warning',
        message: `Line not understood and ignored: ${JSON.stringify(raw.slice(0, 80))}`,
        file,
        line,
      });
      return;
    }
    if (!current) {
      problems.push({
        severity: 'warning',
        message: 'Property outside any [section] is ignored (gcloud refuses such a file)',
        file,
        line,
      });
      return;
    }
    lastKey = option[1].toLowerCase();
    current.set(lastKey, (option[2] ?? '').trim());
  });
  return { sections, problems };
}

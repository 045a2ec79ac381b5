// The YAML parse of read-yaml-file.ts, apart so that the `yaml` package (a CommonJS bundle that
// costs a one-shot command some 6 ms to evaluate) loads only when there is a file to parse.
import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import type { Problem } from '../../shared/model';
import type { YamlParse, YamlReadOptions } from './read-yaml-file';

/** Aliases a document may expand (the `yaml` package's default): more is a "billion laughs" file. */
const MAX_ALIAS_COUNT = 100;

function describe(error: YAMLError, lines: LineCounter, file: string, severity: Problem['severity']): Problem {
  const line = lines.linePos(error.pos[0]).line;
  const kind = severity === 'error' ? 'is not valid YAML' : 'has a YAML oddity';
  return { severity, message: `${file} ${kind} (line ${line}): ${error.message}`, file, line };
}

/** Parses one YAML document; `file` only names it in problems. */
export function parseYaml(text: string, file: string, options: Pick<YamlReadOptions, 'version'> = {}): YamlParse {
  const lines = new LineCounter();
  const document = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: false,
    version: options.version ?? '1.1',
  });
  const [first] = document.errors;
  if (first) return { ok: false, problem: describe(first, lines, file, 'error') };
  const problems = document.warnings.map((warning) => describe(warning, lines, file, 'warning'));
  try {
    return { ok: true, value: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown, problems };
  } catch (error) {
    // toJS throws on an alias bomb (ReferenceError) and on an alias to nothing.
    const message = `${file} could not be read as YAML: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, problem: { severity: 'error', message, file } };
  }
}

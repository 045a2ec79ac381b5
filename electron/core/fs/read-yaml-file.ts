// Reads a YAML file someone else's tool owns (SkyPilot's ~/.sky/config.yaml; kubeconfigs next) with
// the `yaml` package, and turns every way it can go wrong into a Problem instead of an exception:
// missing, unreadable or too big (readUserFile), not YAML, several documents, or an alias bomb.
// Both tools read YAML 1.1 (PyYAML's SafeLoader, go-yaml), where `yes`/`no` are booleans, and keep
// the last of two equal keys: so does this reader unless told otherwise.
import type { Problem } from '../../shared/model';
import { readUserFile } from './read-user-file';

export interface YamlReadOptions {
  /** Refuse files larger than this (bytes); readUserFile's default otherwise. */
  maxBytes?: number;
  /** The YAML version of a document without a `%YAML` directive (default 1.1). */
  version?: '1.1' | '1.2';
}

/** What a YAML text holds, with the parser's warnings; or why it holds nothing usable. */
export type YamlParse = { ok: true; value: unknown; problems: Problem[] } | { ok: false; problem: Problem };

export type YamlFileRead =
  | { ok: true; path: string; value: unknown; problems: Problem[] }
  | { ok: false; path: string; missing: boolean; problem: Problem };

/** Reads and parses one YAML file; the parser is loaded only when there is a file. */
export async function readYamlFile(path: string, options: YamlReadOptions = {}): Promise<YamlFileRead> {
  const read = await readUserFile(path, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes });
  if (!read.ok) return read;
  const { parseYaml } = await import('./yaml-parse');
  const parsed = parseYaml(read.text, path, options);
  return parsed.ok
    ? { ok: true, path, value: parsed.value, problems: parsed.problems }
    : { ok: false, path, missing: false, problem: parsed.problem };
}

/** A plain mapping (not a list, not a scalar), as YAML maps come out of toJS. */
export function isYamlMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map);
}

// One kubeconfig file, as kubectl writes it (`apiVersion: v1`, `kind: Config`): named lists of
// `clusters`, `users` and `contexts`, and `current-context`. Pure: what a parsed YAML value holds,
// plus a Problem for each entry that cannot be used, so one bad entry never hides the others.
// Only what the app shows is kept: names, the server, and how each user authenticates.
import type { Problem } from '../../shared/model';
import { isYamlMapping } from '../fs/read-yaml-file';
import { classifyUser, type KubeUserAuth } from './kube-user-auth';
import type { EntryLine, KubeconfigSection } from './kubeconfig-lines';

export interface KubeconfigFile {
  path: string;
  clusters: Map<string, { server: string | null }>;
  users: Map<string, KubeUserAuth>;
  /** `index`: the entry's place in the file's `contexts` list, for `lineOf`. */
  contexts: Map<string, { cluster: string | null; user: string | null; index: number }>;
  currentContext: string | null;
  /** Where an entry of the file starts (kubeconfig-lines.ts); undefined when it cannot be told. */
  lineOf: EntryLine;
}

/** The key holding each entry's body (`- name: x` / `  cluster: {...}`). */
const BODY: Record<KubeconfigSection, string> = { clusters: 'cluster', users: 'user', contexts: 'context' };

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The API server's URL without a `user:password@` in it: that would be a secret on screen. */
export function serverWithoutUserinfo(value: unknown): string | null {
  const server = text(value);
  if (server === null || !server.includes('@')) return server;
  try {
    const url = new URL(server);
    if (url.username === '' && url.password === '') return server;
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    // Not a URL kubectl could use either; drop everything up to the last `@` to be safe.
    return server.slice(server.lastIndexOf('@') + 1);
  }
}

/** Each named entry of a section; kubectl refuses a file where a name is not a string. */
function entries(
  value: Record<string, unknown>,
  section: KubeconfigSection,
  file: KubeconfigFile,
  problems: Problem[],
): [string, unknown, number][] {
  const list = value[section];
  if (list === undefined || list === null) return [];
  const problem = (message: string, index?: number): void => {
    const line = index === undefined ? undefined : file.lineOf(section, index);
    problems.push({ severity: 'error', message, file: file.path, ...(line === undefined ? {} : { line }) });
  };
  if (!Array.isArray(list)) {
    problem(`\`${section}\` is not a list, so none of its entries can be used`);
    return [];
  }
  const out: [string, unknown, number][] = [];
  const seen = new Set<string>();
  list.forEach((entry: unknown, i) => {
    const name = isYamlMapping(entry) ? text(entry.name) : null;
    if (!isYamlMapping(entry) || name === null) {
      problem(`entry ${i + 1} of \`${section}\` has no name, so it was skipped`, i);
      return;
    }
    if (seen.has(name)) {
      problem(`${BODY[section]} “${name}” is defined twice in \`${section}\`; the first is used`, i);
      return;
    }
    seen.add(name);
    out.push([name, entry[BODY[section]], i]);
  });
  return out;
}

/** Reads a kubeconfig's parsed YAML; an empty file is an empty config, as kubectl takes it. */
export function kubeconfigFromYaml(
  value: unknown,
  path: string,
  env: NodeJS.ProcessEnv,
  lineOf: EntryLine = () => undefined,
): { file: KubeconfigFile; problems: Problem[] } {
  const file: KubeconfigFile = {
    path,
    clusters: new Map(),
    users: new Map(),
    contexts: new Map(),
    currentContext: null,
    lineOf,
  };
  const problems: Problem[] = [];
  if (value === null || value === undefined) return { file, problems };
  if (!isYamlMapping(value)) {
    problems.push({
      severity: 'error',
      message: `${path} is not a kubeconfig: it holds a ${Array.isArray(value) ? 'list' : 'single value'}, not a mapping`,
      file: path,
    });
    return { file, problems };
  }
  if (value.kind !== undefined && value.kind !== 'Config') {
    const kind = typeof value.kind === 'string' ? value.kind : JSON.stringify(value.kind);
    problems.push({
      severity: 'warning',
      message: `${path} says \`kind: ${kind}\`; a kubeconfig says \`kind: Config\``,
      file: path,
    });
  }
  for (const [name, body] of entries(value, 'clusters', file, problems)) {
    file.clusters.set(name, { server: isYamlMapping(body) ? serverWithoutUserinfo(body.server) : null });
  }
  for (const [name, body] of entries(value, 'users', file, problems)) file.users.set(name, classifyUser(body, env));
  for (const [name, body, index] of entries(value, 'contexts', file, problems)) {
    const context = isYamlMapping(body) ? body : {};
    file.contexts.set(name, { cluster: text(context.cluster), user: text(context.user), index });
  }
  file.currentContext = text(value['current-context']);
  return { file, problems };
}

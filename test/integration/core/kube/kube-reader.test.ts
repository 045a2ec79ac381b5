// Hostile and odd kubeconfigs, read from disk: each becomes a problem with its file (and line
// where it has one), the contexts of the other files are kept, and nothing throws.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readKubeconfig } from '../../../../electron/core/kube/kube-reader';
import { eksEntry, kubeconfigText, tokenEntry } from '../../../support/kubeconfig-fixtures';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'cloudid-kube-'));
});
afterEach(async () => rm(home, { recursive: true, force: true }));

const GOOD = (): string => kubeconfigText([eksEntry('prod', { alias: 'prod-eks', profile: 'prod' })]);

async function readWith(files: Record<string, string | Buffer>): Promise<Awaited<ReturnType<typeof readKubeconfig>>> {
  const paths: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const path = join(home, name);
    await writeFile(path, content);
    paths.push(path);
  }
  const good = join(home, 'good.yaml');
  await writeFile(good, GOOD());
  return readKubeconfig({ KUBECONFIG: [...paths, good].join(':') }, home);
}

describe('readKubeconfig on bad input', () => {
  const billionLaughs = [
    'a: &a ["x","x","x","x","x","x","x","x","x"]',
    ...Array.from(
      { length: 8 },
      (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`,
    ),
  ].join('\n');
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ['binary', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]), /looks like a binary file/],
    ['an alias bomb', `${billionLaughs}\n`, /could not be read as YAML/],
    ['a list at the top', '- apiVersion: v1\n', /is not a kubeconfig: it holds a list/],
    ['a single value', 'just text\n', /is not a kubeconfig: it holds a single value/],
    ['two documents', 'apiVersion: v1\n---\napiVersion: v1\n', /not valid YAML|could not be read/],
  ];
  for (const [name, content, message] of cases) {
    it(`reports ${name} and keeps the other file’s contexts`, async () => {
      const read = await readWith({ 'bad.yaml': content });
      expect(read?.contexts.map((c) => c.name)).toEqual(['prod-eks']);
      expect(read?.problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          file: join(home, 'bad.yaml'),
          message: expect.stringMatching(message),
        }),
      ]);
    });
  }

  it('warns about a file of another kind, and still reads it', async () => {
    const read = await readWith({ 'pod.yaml': 'apiVersion: v1\nkind: {Pod: 1}\n' });
    expect(read?.contexts.map((c) => c.name)).toEqual(['prod-eks']);
    expect(read?.problems).toEqual([
      {
        severity: 'warning',
        file: join(home, 'pod.yaml'),
        message: `${join(home, 'pod.yaml')} says \`kind: {"Pod":1}\`; a kubeconfig says \`kind: Config\``,
      },
    ]);
  });

  it('reports a folder where ~/.kube/config should be', async () => {
    await mkdir(join(home, '.kube', 'config'), { recursive: true });
    const read = await readKubeconfig({}, home);
    expect(read?.contexts).toEqual([]);
    expect(read?.problems.map((p) => p.message)).toEqual([`${join(home, '.kube', 'config')} is a folder, not a file`]);
  });

  it('keeps the first of two entries with one name, and names the second’s line', async () => {
    const text = kubeconfigText([tokenEntry('dup'), tokenEntry('dup')]);
    const read = await readWith({ 'dup.yaml': text });
    expect(read?.contexts.map((c) => c.name)).toEqual(['dup', 'prod-eks']);
    const lines = text.split('\n');
    const secondContext = lines.findIndex((l, i) => l === '- context:' && i > lines.indexOf('- context:')) + 1;
    expect(read?.problems).toContainEqual({
      severity: 'error',
      message: 'context “dup” is defined twice in `contexts`; the first is used',
      file: join(home, 'dup.yaml'),
      line: secondContext,
    });
    expect(read?.problems).toHaveLength(3);
  });

  it('takes an empty file as an empty config, and none at all as no kubeconfig', async () => {
    const read = await readWith({ 'empty.yaml': '' });
    expect(read?.configFiles).toEqual([join(home, 'empty.yaml'), join(home, 'good.yaml')]);
    expect(read?.problems).toEqual([]);
    expect(await readKubeconfig({ KUBECONFIG: join(home, 'nope.yaml') }, home)).toBeNull();
    expect(await readKubeconfig({}, home)).toBeNull();
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isYamlMapping, readYamlFile } from '../../../../electron/core/fs/read-yaml-file';
import { parseYaml } from '../../../../electron/core/fs/yaml-parse';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cit-read-yaml-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('parseYaml', () => {
  it('reads YAML 1.1 by default, as PyYAML and go-yaml do, and 1.2 when asked', () => {
    expect(parseYaml('a: yes\nb: 0777\n', 'f')).toEqual({ ok: true, value: { a: true, b: 511 }, problems: [] });
    expect(parseYaml('a: yes\n', 'f', { version: '1.2' })).toEqual({ ok: true, value: { a: 'yes' }, problems: [] });
  });

  it('names the line of a syntax error', () => {
    const parsed = parseYaml('a: 1\nb: [2\nc: 3\n', '/x/config.yaml');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toMatchObject({
      severity: 'error',
      file: '/x/config.yaml',
      line: expect.any(Number) as number,
    });
    expect(!parsed.ok && parsed.problem.message).toMatch(/^\/x\/config\.yaml is not valid YAML \(line \d+\): /);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? '*a' : `*l${i - 1}`)
          .join(', ')}]`,
      );
    const parsed = parseYaml(lines.join('\n'), 'bomb.yaml');
    expect(parsed).toMatchObject({
      ok: false,
      problem: { severity: 'error', message: expect.stringMatching(/^bomb\.yaml could not be read as YAML: /) },
    });
  });

  it('tells mappings from lists and scalars', () => {
    expect(isYamlMapping({ a: 1 })).toBe(true);
    expect(isYamlMapping([1])).toBe(false);
    expect(isYamlMapping('a')).toBe(false);
    expect(isYamlMapping(null)).toBe(false);
  });
});

describe('readYamlFile', () => {
  it('reads a file, says a missing one is missing, and refuses one over the limit', async () => {
    const file = join(dir, 'kubeconfig');
    await writeFile(file, 'apiVersion: v1\nclusters: []\n');
    expect(await readYamlFile(file)).toEqual({
      ok: true,
      path: file,
      value: { apiVersion: 'v1', clusters: [] },
      problems: [],
    });
    expect(await readYamlFile(join(dir, 'nothing'))).toMatchObject({ ok: false, missing: true });
    const big = await readYamlFile(file, { maxBytes: 8 });
    expect(big).toMatchObject({
      ok: false,
      missing: false,
      problem: { message: expect.stringMatching(/limit for this file: it was not read$/) },
    });
  });

  it('turns a binary file into a problem', async () => {
    const file = join(dir, 'binary.yaml');
    await writeFile(file, Buffer.from([0x61, 0x3a, 0x00, 0xff]));
    expect(await readYamlFile(file)).toMatchObject({ ok: false, missing: false, problem: { severity: 'error' } });
  });
});

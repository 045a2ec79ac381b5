import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { itemsMatching, parseAppJson, readAppJsonFile } from '../../../../electron/core/fs/app-json-file';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cloudid-app-json-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const Counter = z.object({ count: z.number() });

describe('readAppJsonFile', () => {
  it('gives the checked value of a file that matches its schema, without unknown keys', async () => {
    await writeFile(join(dir, 'ok.json'), '{"count": 3, "extra": true}');
    expect(await readAppJsonFile(join(dir, 'ok.json'), Counter)).toEqual({ status: 'ok', value: { count: 3 } });
  });

  it('tells a missing file from an unreadable one, from text that is not JSON, from the wrong shape', async () => {
    expect(await readAppJsonFile(join(dir, 'absent.json'), Counter)).toEqual({ status: 'missing' });
    await mkdir(join(dir, 'folder.json'));
    expect(await readAppJsonFile(join(dir, 'folder.json'), Counter)).toMatchObject({
      status: 'unreadable',
      code: 'EISDIR',
    });
    await writeFile(join(dir, 'cut.json'), '{"count": ');
    expect(await readAppJsonFile(join(dir, 'cut.json'), Counter)).toEqual({ status: 'not-json' });
    await writeFile(join(dir, 'shape.json'), '{"count": "3"}');
    expect(await readAppJsonFile(join(dir, 'shape.json'), Counter)).toEqual({ status: 'invalid' });
  });
});

describe('itemsMatching', () => {
  it('keeps the items that match and drops the others; anything but an array fails', () => {
    const list = itemsMatching(Counter);
    expect(parseAppJson('[{"count": 1}, {"count": "x"}, null, 7, {"count": 2}]', list)).toEqual({
      status: 'ok',
      value: [{ count: 1 }, { count: 2 }],
    });
    expect(parseAppJson('{"count": 1}', list)).toEqual({ status: 'invalid' });
    expect(parseAppJson('[]', list)).toEqual({ status: 'ok', value: [] });
  });
});

// The CLI bundles take Node's builtins through process.getBuiltinModule (scripts/cli-bundle.mjs):
// each one-line import of a builtin is rewritten on its own line, with the same bindings.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { builtinImportAsConst, REPO } from '../../../scripts/cli-bundle.mjs';

describe('builtinImportAsConst', () => {
  it.each([
    [
      "import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';",
      'const { parseArgs } = process.getBuiltinModule("node:util");',
    ],
    ["import * as path from 'node:path';", 'const path = process.getBuiltinModule("node:path");'],
    ["import os from 'node:os';", 'const os = process.getBuiltinModule("node:os");'],
    [
      "import { readFile as read, stat } from 'node:fs/promises';",
      'const { readFile: read, stat } = process.getBuiltinModule("node:fs/promises");',
    ],
    [
      "import os, { homedir } from 'node:os';",
      'const os = process.getBuiltinModule("node:os"); const { homedir } = process.getBuiltinModule("node:os");',
    ],
    // Types only: nothing at run time, as TypeScript would emit.
    ["import { type FileHandle } from 'node:fs/promises';", ''],
  ])('%s', (line, want) => {
    expect(builtinImportAsConst(line)).toBe(want);
  });

  it('leaves type imports, packages and our own modules alone', () => {
    for (const line of [
      "import type { ChildProcess } from 'node:child_process';",
      "import * as z from 'zod/mini';",
      "import { errnoCode } from './errno';",
      '  const x = 1;',
    ])
      expect(builtinImportAsConst(line)).toBe(line);
  });

  it('refuses an import it cannot read rather than leave it half rewritten', () => {
    expect(() => builtinImportAsConst("import { a } , b from 'node:fs';")).toThrow(/cannot read/);
  });

  it('gives the same bindings: every builtin import in the sources, rewritten, runs in Node', () => {
    const sources = execFileSync('git', ['ls-files', 'electron', 'scripts/cli-package'], {
      cwd: REPO,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((file) => /\.(ts|mjs)$/.test(file));
    const rewritten = new Set<string>();
    for (const file of sources)
      for (const line of readFileSync(join(REPO, file), 'utf8').split('\n')) {
        const out = builtinImportAsConst(line);
        if (out !== line && out !== '') rewritten.add(out);
      }
    expect(rewritten.size).toBeGreaterThan(10);
    // Each statement alone, in a fresh context: a name the builtin lacks would be undefined.
    for (const statement of rewritten) {
      const names = [...statement.matchAll(/const (?:\{ ([^}]*) \}|(\w+)) =/g)].flatMap((m) =>
        m[1] ? m[1].split(', ').map((n) => n.split(': ').pop() as string) : [m[2] as string],
      );
      const values = runInNewContext(`${statement} [${names.join(', ')}];`, { process }) as unknown[];
      for (const [i, value] of values.entries()) expect(value, `${names[i]} in ${statement}`).toBeDefined();
    }
  });
});

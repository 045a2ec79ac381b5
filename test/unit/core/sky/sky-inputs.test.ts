// The clusters memo's key (electron/core/sky/sky-inputs.ts, electron/cli/clusters-memo.ts) must
// change with every variable the SkyPilot modules read: one read there and missing from the key
// would print a stale answer. The variables are taken from the modules' own text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clustersMemoKey } from '../../../../electron/cli/clusters-memo';
import { skyInputs } from '../../../../electron/core/sky/sky-inputs';

const SKY = join(__dirname, '..', '..', '..', '..', 'electron', 'core', 'sky');

function variablesRead(): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(SKY).filter((name) => name.endsWith('.ts'))) {
    const text = readFileSync(join(SKY, file), 'utf8');
    for (const match of text.matchAll(/\benv(?:\?)?\.([A-Z][A-Z0-9_]+)\b|\benv\[['"]([A-Z][A-Z0-9_]+)['"]\]/g))
      names.add((match[1] ?? match[2]) as string);
  }
  return [...names].sort();
}

describe('the clusters memo key', () => {
  const home = '/home/someone';
  const key = (env: NodeJS.ProcessEnv): string => clustersMemoKey({ HOME: home, ...env }, home, null).key;

  it('finds the variables the SkyPilot modules read', () => {
    // A change in how the modules read variables must not make this test check nothing.
    expect(variablesRead()).toEqual(
      expect.arrayContaining(['AWS_PROFILE', 'SKYPILOT_GLOBAL_CONFIG', 'SKYPILOT_SKIP_CLOUD_IDENTITY_CHECK']),
    );
  });

  it('changes with each of them', () => {
    const base = key({});
    for (const name of variablesRead()) expect(key({ [name]: 'some-value' }), name).not.toBe(base);
  });

  it('changes with the project folder', () => {
    expect(clustersMemoKey({ HOME: home }, home, '/work/a').key).not.toBe(
      clustersMemoKey({ HOME: home }, home, '/work/b').key,
    );
  });

  it('holds whether AWS keys are set, never their values', () => {
    const secret = 'a-secret-access-key-value';
    const inputs = skyInputs({ AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: secret }, home, null, '/data');
    expect(inputs.texts.join('\n')).not.toContain(secret);
    expect(inputs.texts.join('\n')).not.toContain('AKIAEXAMPLE');
    expect(key({ AWS_SECRET_ACCESS_KEY: secret })).not.toContain(secret);
  });
});

// Golden output of the AWS config loader on the 10,000-profile benchmark fixture: the JSON of
// parseAwsConfig, of `cloudid status --json` and of the status table, pinned by sha256. It guards
// speed work on the parser (which must change no byte of output). A deliberate change of what the
// loader reports changes these hashes: check the new output by hand, then update them.
// (The speed work itself was checked against a frozen copy of the old modules, property-tested on
// generated files; that copy was removed once the work was done.)
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../../electron/shared/model';
import { statusJson } from '../../../../electron/cli/status-json';
import { statusTable } from '../../../../electron/cli/status-table';
import { parseAwsConfig } from '../../../../electron/core/aws/aws-config';
import { readAwsInputs, type AwsInputs } from '../../../../electron/core/aws/aws-sources';
import { assembleAwsState, type AwsStateContext } from '../../../../electron/core/aws/aws-state';
import { makeBigHome, type BigHome } from '../../../bench/fixtures';

const NOW = Date.parse('2026-11-26T06:00:00Z');
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const snapshotOf = (aws: Snapshot['aws']): Snapshot => ({
  version: 1,
  generatedAt: new Date(NOW).toISOString(),
  leadTimeMinutes: 15,
  aws,
  gcp: null,
  sky: null,
  kube: null,
  nextDeadline: null,
});

describe('the 10,000-profile benchmark fixture', () => {
  let big: BigHome;
  let configText = '';
  let credentialsText = '';
  let inputs: AwsInputs;
  const ctx: AwsStateContext = { now: NOW, leadMs: 15 * 60_000, cli: { found: [], warning: null }, checks: new Map() };

  beforeAll(async () => {
    big = await makeBigHome({ profiles: 10_000, sessions: 2_000, now: NOW });
    [configText, credentialsText] = await Promise.all([
      readFile(big.configFile, 'utf8'),
      readFile(big.credentialsFile, 'utf8'),
    ]);
    inputs = await readAwsInputs({ HOME: big.home, PATH: '' }, big.home, NOW);
  }, 60_000);
  afterAll(async () => {
    await rm(big.home, { recursive: true, force: true });
  });

  it('parses to the pinned JSON', () => {
    const parsed = JSON.stringify(
      parseAwsConfig({
        configFile: '/home/u/.aws/config',
        credentialsFile: '/home/u/.aws/credentials',
        configText,
        credentialsText,
        activeProfile: 'default',
      }),
    );
    expect(JSON.parse(parsed).profiles).toHaveLength(10_000);
    expect(sha256(parsed)).toBe('57709982d00285adfa35ff89a5502ca32e3b269f7b1eacb743d5af8d5903ef39');
  });

  it('prints the pinned `cloudid status --json` and table', () => {
    const hide = (text: string): string => text.replaceAll(big.home, '~');
    const aws = assembleAwsState(inputs, ctx).aws;
    expect(sha256(hide(JSON.stringify(statusJson(snapshotOf(aws)), null, 2)))).toBe(
      '27a2ef50b46e28e9c3f1e1014313575a2bf88156be165522214563e70e458982',
    );
    // Times are local: pinned to UTC so the hash is the same on every machine.
    expect(sha256(hide(statusTable(snapshotOf(aws), NOW, { color: false, columns: null, timeZone: 'UTC' })))).toBe(
      '6080da113b2d97ae82f22cfc8779cb051504fe59764096c2339fde560372c242',
    );
  });
});

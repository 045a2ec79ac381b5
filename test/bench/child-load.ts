// Bench child: in-process load time and heap of the core on a big AWS home, and the parse of the
// config against reading the same parse from the CLI's parsed-config cache (parsed-config-cache.ts);
// then the app's reload after one token file changed, which takes the files' parse again
// (aws-sources.ts, LastParse).
// Usage: node --expose-gc child-load.mjs <home>
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAwsConfig } from '../../electron/core/aws/aws-config';
import { createAwsReader } from '../../electron/core/aws/aws-reader';
import { readAwsInputs } from '../../electron/core/aws/aws-sources';
import { assembleAwsState } from '../../electron/core/aws/aws-state';
import { openParsedConfigCache } from '../../electron/core/aws/parsed-config-cache';
import { createTokenFolderReader } from '../../electron/core/aws/token-folder-reader';

const home = process.argv[2] as string;
const env = { HOME: home, PATH: '' };
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const LOADS = 11;
const medianOf = (times: number[]): number => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? NaN;

// The parse alone, and a read of the same parse from the parsed-config cache (the file read,
// JSON.parse, the checks and the rows turned back into profiles): the parse must beat the cache.
const configFile = join(home, '.aws', 'config');
const credentialsFile = join(home, '.aws', 'credentials');
const parse = (): ReturnType<typeof parseAwsConfig> =>
  parseAwsConfig({
    configFile,
    credentialsFile,
    configText: readFileSync(configFile, 'utf8'),
    credentialsText: readFileSync(credentialsFile, 'utf8'),
    activeProfile: 'default',
  });
const cacheDir = mkdtempSync(join(tmpdir(), 'cloudid-bench-cache-'));
const cache = openParsedConfigCache(cacheDir);
const summary = { ok: true as const, path: configFile, size: 0, mtimeMs: 0 };
// Measured first, in a fresh process as `cloudid` runs it: the first of each, then a median.
let started = performance.now();
const firstParse = parse();
const parseTimes: number[] = [performance.now() - started];
await cache.set('key', { config: summary, credentials: { ...summary, path: credentialsFile }, parsed: firstParse });
const cachedBytes = statSync(join(cacheDir, 'aws-config-parsed.json')).size;
started = performance.now();
if ((await cache.get('key')) === null) throw new Error('the parsed-config cache did not answer');
const cacheTimes: number[] = [performance.now() - started];
for (let i = 1; i < LOADS; i++) {
  started = performance.now();
  parse();
  parseTimes.push(performance.now() - started);
  started = performance.now();
  await cache.get('key');
  cacheTimes.push(performance.now() - started);
}
rmSync(cacheDir, { recursive: true, force: true });

// As the app's core does: token files are read on a worker while the config is parsed.
const tokenReader = createTokenFolderReader();
gc();
const heapBefore = process.memoryUsage().heapUsed;
const times: number[] = [];
let keep: unknown = null;
for (let i = 0; i < LOADS; i++) {
  const started = performance.now();
  const inputs = await readAwsInputs(env, home, Date.now(), { tokenReader });
  const { aws } = assembleAwsState(inputs, {
    now: Date.now(),
    leadMs: 15 * 60_000,
    cli: { found: [], warning: null },
    checks: new Map(),
  });
  times.push(performance.now() - started);
  keep = { inputs, aws };
}
gc();
const heapAfter = process.memoryUsage().heapUsed;
await tokenReader.close();
const state = keep as { aws: { profiles: unknown[]; ssoSessions: unknown[] } };

// The app's reader, as the watcher drives it: a token file rewritten (an SSO refresh), then all
// read again and classified. The first read, before the loop, makes the parse it takes again.
const reader = createAwsReader({ env, homeDir: home, now: Date.now, tokenWorker: true });
const classify = (inputs: Awaited<ReturnType<typeof reader.read>>): number =>
  assembleAwsState(inputs, {
    now: Date.now(),
    leadMs: 15 * 60_000,
    cli: { found: [], warning: null },
    checks: new Map(),
  }).aws.profiles.length;
classify(await reader.read());
const ssoCache = join(home, '.aws', 'sso', 'cache');
const refreshed = join(ssoCache, readdirSync(ssoCache)[0] as string);
const reloadTimes: number[] = [];
for (let i = 0; i < LOADS; i++) {
  writeFileSync(refreshed, readFileSync(refreshed));
  const started = performance.now();
  if (classify(await reader.read()) !== state.aws.profiles.length) throw new Error('a reload lost profiles');
  reloadTimes.push(performance.now() - started);
}
await reader.close();

console.log(
  JSON.stringify({
    firstMs: times[0],
    medianMs: medianOf(times),
    reloadMs: medianOf(reloadTimes),
    loads: LOADS,
    heapMb: (heapAfter - heapBefore) / 1024 / 1024,
    profiles: state.aws.profiles.length,
    sessions: state.aws.ssoSessions.length,
    parseFirstMs: parseTimes[0],
    parseMs: medianOf(parseTimes),
    cacheReadFirstMs: cacheTimes[0],
    cacheReadMs: medianOf(cacheTimes),
    cacheMb: cachedBytes / 1024 / 1024,
    configMb: (readFileSync(configFile).length + readFileSync(credentialsFile).length) / 1024 / 1024,
  }),
);

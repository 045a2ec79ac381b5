// Bench child: in-process load time and heap of the core on a big AWS home, and the parse of the
// config against JSON.parse of the same parse as JSON (what the CLI once cached between runs).
// Usage: node --expose-gc child-load.mjs <home>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAwsConfig } from '../../electron/core/aws/aws-config';
import { readAwsInputs } from '../../electron/core/aws/aws-sources';
import { assembleAwsState } from '../../electron/core/aws/aws-state';
import { createTokenFolderReader } from '../../electron/core/aws/token-folder-reader';

const home = process.argv[2] as string;
const env = { HOME: home, PATH: '' };
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const LOADS = 11;
const medianOf = (times: number[]): number => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? NaN;

// The parse alone, and JSON.parse of its result as JSON: the parse must beat reading a cache of it.
const configFile = join(home, '.aws', 'config');
const credentialsFile = join(home, '.aws', 'credentials');
const parse = (): unknown =>
  parseAwsConfig({
    configFile,
    credentialsFile,
    configText: readFileSync(configFile, 'utf8'),
    credentialsText: readFileSync(credentialsFile, 'utf8'),
    activeProfile: 'default',
  });
// Measured first, in a fresh process as `cloudid` runs it: the first of each, then a median.
let started = performance.now();
const firstParse = parse();
const parseTimes: number[] = [performance.now() - started];
const json = JSON.stringify({ key: 'key', entry: { parsed: firstParse } });
started = performance.now();
JSON.parse(json);
const jsonTimes: number[] = [performance.now() - started];
for (let i = 1; i < LOADS; i++) {
  started = performance.now();
  parse();
  parseTimes.push(performance.now() - started);
  started = performance.now();
  JSON.parse(json);
  jsonTimes.push(performance.now() - started);
}

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

console.log(
  JSON.stringify({
    firstMs: times[0],
    medianMs: medianOf(times),
    loads: LOADS,
    heapMb: (heapAfter - heapBefore) / 1024 / 1024,
    profiles: state.aws.profiles.length,
    sessions: state.aws.ssoSessions.length,
    parseFirstMs: parseTimes[0],
    parseMs: medianOf(parseTimes),
    jsonParseFirstMs: jsonTimes[0],
    jsonParseMs: medianOf(jsonTimes),
    jsonMb: Buffer.byteLength(json) / 1024 / 1024,
    configMb: (readFileSync(configFile).length + readFileSync(credentialsFile).length) / 1024 / 1024,
  }),
);

// Bench child: in-process load time and heap of the core on a big AWS home.
// Usage: node --expose-gc --import tsx child-load.ts <home>
import { join } from 'node:path';
import { readAwsInputs } from '../../electron/core/aws/aws-sources';
import { assembleAwsState } from '../../electron/core/aws/aws-state';

const home = process.argv[2] as string;
const env = { HOME: home, PATH: '' };
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

gc();
const heapBefore = process.memoryUsage().heapUsed;
const times: number[] = [];
let keep: unknown = null;
for (let i = 0; i < 7; i++) {
  const started = performance.now();
  const inputs = await readAwsInputs(env, home, Date.now());
  const { aws } = assembleAwsState(inputs, { now: Date.now(), leadMs: 15 * 60_000, cli: { found: [], warning: null }, checks: new Map() });
  times.push(performance.now() - started);
  keep = { inputs, aws };
}
gc();
const heapAfter = process.memoryUsage().heapUsed;
const state = keep as { aws: { profiles: unknown[]; ssoSessions: unknown[] } };
console.log(JSON.stringify({
  firstMs: times[0],
  medianMs: [...times].sort((a, b) => a - b)[3],
  heapMb: (heapAfter - heapBefore) / 1024 / 1024,
  profiles: state.aws.profiles.length,
  sessions: state.aws.ssoSessions.length,
  home: join(home),
}));

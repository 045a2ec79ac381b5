// Bench child: in-process load time and heap of the core on a big AWS home.
// Usage: node --expose-gc --import tsx child-load.ts <home>
import { join } from 'node:path';
import { readAwsInputs } from '../../electron/core/aws/aws-sources';
import { assembleAwsState } from '../../electron/core/aws/aws-state';
import { createTokenFolderReader } from '../../electron/core/aws/token-folder-reader';

const home = process.argv[2] as string;
const env = { HOME: home, PATH: '' };
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

// As the app's core does: token files are read on a worker while the config is parsed.
const tokenReader = createTokenFolderReader();
gc();
const heapBefore = process.memoryUsage().heapUsed;
const times: number[] = [];
let keep: unknown = null;
const LOADS = 11;
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
    medianMs: [...times].sort((a, b) => a - b)[Math.floor(LOADS / 2)],
    loads: LOADS,
    heapMb: (heapAfter - heapBefore) / 1024 / 1024,
    profiles: state.aws.profiles.length,
    sessions: state.aws.ssoSessions.length,
    home: join(home),
  }),
);

// Bench child: CPU the core uses while idle (watching, 500 SSO sessions loaded, nothing changes).
// Usage: node --import tsx child-idle.ts <home> <seconds> [--baseline]
// Measuring starts after a settle period, so what is counted is the idle core, not the tail of its
// start: V8 finishing compilation, and its memory reducer, which collects the start-up garbage
// in up to three full collections beginning about 8 s after the heap stops growing (tens of
// milliseconds, once, seen with --trace-gc as "Mark-Compact (reduce)"). The baseline is the same
// process without the core.
import { join } from 'node:path';
import { createCore } from '../../electron/core/app/core';

const home = process.argv[2] as string;
const seconds = Number(process.argv[3] ?? 30);
const baseline = process.argv.includes('--baseline');
const SETTLE_MS = Number(process.env.BENCH_IDLE_SETTLE_SECONDS ?? 25) * 1000;

const core = baseline
  ? null
  : createCore({
      env: { HOME: home, PATH: '' },
      homeDir: home,
      settingsFile: join(home, 'settings.json'),
      detectCli: false,
    });
await core?.start();
const sessions = core?.snapshot().aws.ssoSessions.length ?? 0;
await new Promise((r) => setTimeout(r, SETTLE_MS));
const before = process.cpuUsage();
await new Promise((r) => setTimeout(r, seconds * 1000));
const used = process.cpuUsage(before);
await core?.stop();
console.log(JSON.stringify({ cpuMs: (used.user + used.system) / 1000, seconds, sessions }));

// Bench child: CPU the core uses while idle (watching, 500 SSO sessions loaded, nothing changes).
// Usage: node --import tsx child-idle.ts <home> <seconds>
import { join } from 'node:path';
import { createCore } from '../../electron/core/app/core';

const home = process.argv[2] as string;
const seconds = Number(process.argv[3] ?? 30);
const core = createCore({ env: { HOME: home, PATH: '' }, homeDir: home, settingsFile: join(home, 'settings.json'), detectCli: false });
await core.start();
const sessions = core.snapshot().aws.ssoSessions.length;
const before = process.cpuUsage();
await new Promise((r) => setTimeout(r, seconds * 1000));
const used = process.cpuUsage(before);
await core.stop();
console.log(JSON.stringify({ cpuMs: (used.user + used.system) / 1000, seconds, sessions }));

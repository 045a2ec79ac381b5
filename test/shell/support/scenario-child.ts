// The process one scenario runs in: `node --import tsx --import <electron-fake/register.mjs>
// scenario-child.ts <scenario file> <scenario name>`. It runs the scenario against the built app,
// writes what it saw to SHELL_REPORT_FILE, and then does nothing more: the process must end by
// itself, which it does only when the app left no timer, watcher, server or worker behind. If it
// has not ended a few seconds later, what is still open is written next to the report.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { shell, type Shell } from './shell-harness';

export type Scenario = (shell: Shell) => Promise<unknown>;

const [file, name] = process.argv.slice(2);
const reportFile = process.env.SHELL_REPORT_FILE;
if (!file || !name || !reportFile)
  throw new Error('usage: scenario-child.ts <file> <name> (with SHELL_REPORT_FILE set)');

const unhandled: string[] = [];
process.on('unhandledRejection', (reason) =>
  unhandled.push(reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)),
);
process.on('uncaughtException', (error) => unhandled.push(`uncaught: ${error.stack ?? error.message}`));

const scenarios = (await import(pathToFileURL(file).href)) as Record<string, Scenario>;
const scenario = scenarios[name];
let result: unknown = null;
let failure: string | null = null;
try {
  if (!scenario) throw new Error(`${file} has no scenario ${name}`);
  result = await scenario(shell);
} catch (error) {
  failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
}
// Let rejections raised during the last step reach the handler above.
await new Promise((resolve) => setTimeout(resolve, 50));
writeFileSync(
  reportFile,
  JSON.stringify({ result, failure, unhandled, undeclared: shell.undeclaredUses(), exitCode: shell.fake.app.exitCode }),
);
const leftover = setTimeout(
  () => {
    writeFileSync(`${reportFile}.leftover`, JSON.stringify(process.getActiveResourcesInfo()));
  },
  Number(process.env.SHELL_LEFTOVER_AFTER_MS ?? 3000),
);
leftover.unref();

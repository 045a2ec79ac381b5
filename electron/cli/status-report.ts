// `cloudid status` worked out from the files (commands/status.ts loads this when its memo does not
// answer): the core reads everything, then the table or the JSON document, which is remembered
// for the next run when it may be (status-memo.ts).
import { createCore } from '../core/app/core';
import { statusJson } from './status-json';
import type { MemoKey } from './memo-file';
import { statusMemo, writeStatusMemo } from './status-memo';
import { statusTable } from './status-table';
import { statusVerdict } from './status-verdict';
import { EXIT } from './exit-codes';
import type { CommandContext } from './command';
import { paint, terminalStyle, type TerminalStyle } from './terminal-style';
import { writeStyled } from './terminal-text';

export async function statusReport(
  values: { json?: boolean; verify?: boolean; 'verify-all'?: boolean },
  ctx: CommandContext,
  known: { files: { settings: string; appData: string }; memoKey: MemoKey | null },
): Promise<number> {
  const core = createCore({
    env: ctx.env,
    homeDir: ctx.homeDir,
    settingsFile: known.files.settings,
    watch: false,
    detectCli: true,
    verifyActive: false,
    cacheDir: ctx.cacheDir,
    appDataDir: known.files.appData,
    sky: false,
    requestTimeoutMs: ctx.requestTimeoutMs,
  });
  await core.start();
  try {
    if (values['verify-all']) await core.verifyAll();
    else if (values.verify) await core.verifyProfile(core.snapshot().aws.activeProfile);
    if (values.verify || values['verify-all']) await core.probeGcp();
    const snapshot = core.snapshot();
    const checked = values['verify-all']
      ? snapshot.aws.profiles
      : snapshot.aws.profiles.filter((p) => p.active && values.verify);
    const verdict = statusVerdict(snapshot, checked);
    const usable = verdict.ok;
    if (!values.json) {
      const style = terminalStyle(ctx.env, ctx.stdout);
      writeStyled(
        ctx.stdout,
        `${statusTable(snapshot, Date.now(), style, (name) => core.rememberedIdentity(name))}\n${paintVerdict(verdict.line, style)}\n`,
      );
      return usable ? EXIT.ok : EXIT.unusable;
    }
    const text = `${JSON.stringify(statusJson(snapshot))}\n`;
    ctx.stdout.write(text);
    const key = known.memoKey;
    if (key && ctx.cacheDir) {
      // From when the key was taken: a deadline between then and the snapshot leaves nothing to reuse.
      const validUntil = core.deadlineAfter(key.takenAt);
      const verified = snapshot.aws.profiles.some((p) => p.lastCheck !== null);
      const memo = statusMemo(
        key,
        { text, generatedAt: snapshot.generatedAt, validUntil, verified },
        usable ? EXIT.ok : EXIT.unusable,
      );
      if (memo) await writeStatusMemo(ctx.cacheDir, memo);
    }
    return usable ? EXIT.ok : EXIT.unusable;
  } finally {
    await core.stop();
  }
}

/** The verdict's mark (✓, ! or ✗) in its colour. */
function paintVerdict(line: string, style: TerminalStyle): string {
  const mark = line.charAt(0);
  const tone = mark === '✓' ? 'good' : mark === '!' ? 'warn' : mark === '✗' ? 'bad' : null;
  return `${paint(style, tone, mark)}${line.slice(1)}`;
}

// Exit codes shared by every `cloudid` command (documented in the README).
import type { TerminalOutput } from './terminal-text';

export const EXIT = {
  ok: 0,
  /** The identity asked about cannot be used as it is, or an operation failed. */
  unusable: 1,
  usage: 2,
  /** A bug or an unexpected failure: the message says what. */
  internal: 70,
} as const;

/** What every command gets: the process's environment and streams, injectable for tests. */
export interface CommandContext {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  /** Human output is filtered through terminal-text.ts (main.ts); tests pass their own. */
  stdout: TerminalOutput;
  stderr: TerminalOutput;
  /** The app's cache folder (for `aws --version` answers). */
  cacheDir?: string;
  openUrl?: (url: string) => Promise<void>;
  /** Each network request's deadline (electron/core/net/deadline.ts); tests pass a short one. */
  requestTimeoutMs?: number;
}

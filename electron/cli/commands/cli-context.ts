import type { CommandContext } from '../command';

/**
 * What the SSO commands need from the process: its environment, home, streams, and a way to
 * open a URL in the user's browser (absent: the command prints the URL instead).
 */
export type CliContext = Pick<CommandContext, 'env' | 'homeDir' | 'stdout' | 'stderr' | 'openUrl' | 'requestTimeoutMs'>;

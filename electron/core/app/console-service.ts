// "Open AWS console" from the window or the tray: the profile's temporary credentials exchanged
// for a sign-in URL (core/aws/console-credentials.ts, console-signin.ts), handed to the shell's
// allow-listed browser opener. The URL signs anyone in for 15 minutes: it goes to the opener and
// nowhere else, and the result says what happened in a sentence without it.
import type { ConsoleOpenResult } from '../../shared/contract';
import { consoleCredentials } from '../aws/console-credentials';
import { consoleRegion, consoleSigninUrl, ConsoleSigninError } from '../aws/console-signin';
import type { RequestDeadlineOptions } from '../net/deadline';
import type { Core } from './core';

export type BrowserOpener = (url: string) => Promise<boolean> | boolean;

export async function openAwsConsole(
  core: Core,
  profile: string,
  open: BrowserOpener | undefined,
  options: RequestDeadlineOptions = {},
): Promise<ConsoleOpenResult> {
  const aws = core.snapshot().aws;
  const found = aws.profiles.find((p) => p.name === profile);
  if (!found) return { opened: false, message: `There is no profile named ${profile}.` };
  if (!open) return { opened: false, message: 'This app cannot open a browser here.' };
  const env = { ...core.context.env, HOME: core.context.homeDir };
  const ssoRegion = aws.ssoSessions.find((s) => s.name === found.ssoSession)?.region ?? null;
  const region = consoleRegion(found.region, ssoRegion, env);
  let url: string;
  try {
    const credentials = await consoleCredentials({ env, profile, region, ...options });
    url = await consoleSigninUrl(credentials, { env, region, ...options });
  } catch (error) {
    if (error instanceof ConsoleSigninError) return { opened: false, message: error.message };
    throw error;
  }
  if (!(await open(url))) {
    return {
      opened: false,
      message: 'The browser did not open the AWS sign-in page (only AWS sign-in hosts are opened, over https).',
    };
  }
  return { opened: true, message: `Opened the AWS console as profile ${profile}.` };
}

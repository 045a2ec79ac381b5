// Every command line the app offers to copy or tells the user to run, built in one place and
// quoted by one function. Names come from users' files (profile names, accounts, configuration
// names), so anything beyond a safe set of characters is single-quoted for a POSIX shell. Shared
// by the core, the CLI, the tray and the window (the renderer may import electron/shared).

const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** POSIX shell quoting: bare when every character is safe, else single quotes ('\'' for a quote). */
export function shellQuote(value: string): string {
  if (SHELL_SAFE.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** A prefix for one command: `AWS_PROFILE=dev aws s3 ls`. */
export function profilePrefix(profile: string): string {
  return `AWS_PROFILE=${shellQuote(profile)}`;
}

/** Makes a profile the active one for the rest of the shell session. */
export function profileExportLine(profile: string): string {
  return `export ${profilePrefix(profile)}`;
}

/** A command line from its words, each quoted: what the app ran, shown so it can be run again. */
export function commandLine(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}

/** `cloudid login|refresh|logout <profile or sso-session>`. */
export function cloudidCommand(verb: 'login' | 'refresh' | 'logout', target: string): string {
  return `cloudid ${verb} ${shellQuote(target)}`;
}

/** The AWS CLI's own SSO login for a profile. */
export function awsSsoLoginCommand(profile: string): string {
  return `aws sso login --profile ${shellQuote(profile)}`;
}

/** Signs a gcloud user account in again (or any account, when none is named). */
export function gcloudLoginCommand(account: string | null): string {
  return account ? `gcloud auth login ${shellQuote(account)}` : 'gcloud auth login';
}

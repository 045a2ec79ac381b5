// The lines a user pastes into a terminal to use a profile. Profile names may hold characters a
// POSIX shell would interpret, so anything beyond a safe set is single-quoted.

const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(value: string): string {
  if (SHELL_SAFE.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** A prefix for one command: `AWS_PROFILE=dev aws s3 ls`. */
export function profilePrefix(profile: string): string {
  return `AWS_PROFILE=${shellQuote(profile)}`;
}

/** For the rest of the shell session. */
export function exportProfile(profile: string): string {
  return `export ${profilePrefix(profile)}`;
}

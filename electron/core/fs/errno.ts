// Node reports a failed system call as an Error with a string `code` ('ENOENT', 'EACCES', …).
// Errors are `unknown` in a catch clause and not every thrown value is an Error, so the code is
// read here, once, instead of casting to NodeJS.ErrnoException at every call site.

/** The error's string `code` ('ENOENT', 'EPIPE', …), or undefined when it has none. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error;
  return typeof code === 'string' ? code : undefined;
}

/** Whether the error's code is one of `codes`: `isErrno(error, 'ENOENT', 'ENOTDIR')`. */
export function isErrno(error: unknown, ...codes: readonly string[]): boolean {
  const code = errnoCode(error);
  return code !== undefined && codes.includes(code);
}

// Exit codes shared by every `cloudid` command (documented in the README).
export const EXIT = {
  ok: 0,
  /** The identity asked about cannot be used as it is, or an operation failed. */
  unusable: 1,
  usage: 2,
  /** A bug or an unexpected failure: the message says what. */
  internal: 70,
} as const;

// Reads again, a moment later, while a read looks caught in the middle of a write: a tool that
// writes a file in place (the AWS CLI's token cache) can be read half way through. A few short
// waits settle it; past them, the read is taken as it is (a file may really be broken).

export interface SettleOptions<T> {
  read(): Promise<T>;
  /** Whether this read looks caught mid-write (and so is worth reading again). */
  unsettled(read: T): Promise<boolean>;
  /** How long to wait before reading again (default 150 ms). */
  retryMs?: number;
  /** How many times to read again at most (default 3). */
  maxRetries?: number;
  /** Tests: a wait of their own. */
  wait?: (ms: number) => Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The first read that does not look unsettled, or the last one allowed. */
export async function readSettled<T>(options: SettleOptions<T>): Promise<T> {
  const { retryMs = 150, maxRetries = 3, wait = sleep } = options;
  for (let attempt = 0; ; attempt++) {
    const read = await options.read();
    if (attempt >= maxRetries || !(await options.unsettled(read))) return read;
    await wait(retryMs);
  }
}

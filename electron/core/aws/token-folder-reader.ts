// Reads the SSO token cache folder on a worker thread, while the main thread parses the config.
// With thousands of sessions, opening thousands of small files is most of a reload (the kernel's
// open, not JavaScript), and it needs nothing from the parse: every file in the folder is read,
// and the parse later picks the ones its sessions name. The texts come back in one transferred
// buffer, so the main thread copies nothing; a file the worker finds odd (empty, 64 KB or more,
// unreadable, not a file) is left to the main thread's careful read (readSsoTokenSummarySync),
// so what is said about it does not depend on which thread read it.
//
// The worker is plain CommonJS run from this string (`eval`), so the Electron build, the CLI
// bundle and the tests run the same code without a separate entry file. It holds token texts
// only while answering; nothing is logged.
import { Worker } from 'node:worker_threads';

/** What one read of the folder found. */
export interface TokenFolderRead {
  /** The folder's entries; null when it could not be listed (missing, or not readable). */
  names: ReadonlySet<string> | null;
  /** The whole text of a file the worker read without trouble; undefined: read it on the main thread. */
  text(name: string): string | undefined;
}

export interface TokenFolderReader {
  read(dir: string): Promise<TokenFolderRead>;
  /** Stops the worker; a later read starts a new one. */
  close(): Promise<void>;
  /** Whether a worker thread exists now (it stops after lingering idle). */
  running(): boolean;
}

/** Bigger than any real token cache file (1–2 KB); larger files go to the careful path. */
const MAX_FAST_BYTES = 64 * 1024;

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { closeSync, constants, fstatSync, openSync, readdirSync, readSync } = require('node:fs');
const { join } = require('node:path');
const MAX = ${MAX_FAST_BYTES};
let buffer = Buffer.allocUnsafe(1 << 20);
parentPort.on('message', ({ id, dir }) => {
  let names;
  try {
    names = readdirSync(dir);
  } catch (error) {
    parentPort.postMessage({ id, names: null });
    return;
  }
  // For each name: offset and length of its text in the buffer, or -1 when the main thread must look.
  const spans = new Int32Array(names.length * 2).fill(-1);
  let used = 0;
  for (let i = 0; i < names.length; i++) {
    if (!names[i].endsWith('.json')) continue;
    if (buffer.length - used < MAX) {
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, used);
      buffer = bigger;
    }
    let fd = -1;
    try {
      // Without blocking, and regular files only: a FIFO would wedge this thread (regular-file.ts).
      fd = openSync(join(dir, names[i]), constants.O_RDONLY | (constants.O_NONBLOCK || 0));
      if (!fstatSync(fd).isFile()) continue;
      const n = readSync(fd, buffer, used, MAX, 0);
      if (n > 0 && n < MAX) {
        spans[i * 2] = used;
        spans[i * 2 + 1] = n;
        used += n;
      }
    } catch {
      // left to the main thread, which says what is wrong
    } finally {
      if (fd >= 0) closeSync(fd);
    }
  }
  const bytes = new ArrayBuffer(used);
  new Uint8Array(bytes).set(buffer.subarray(0, used));
  buffer.fill(0, 0, used);
  parentPort.postMessage({ id, names, spans, bytes }, [bytes, spans.buffer]);
});
`;

interface Answer {
  id: number;
  names: string[] | null;
  spans?: Int32Array;
  bytes?: ArrayBuffer;
}

function folderRead(answer: Answer): TokenFolderRead {
  if (answer.names === null || !answer.spans || !answer.bytes) return { names: null, text: () => undefined };
  const { names, spans } = answer;
  const bytes = Buffer.from(answer.bytes);
  const index = new Map<string, number>();
  for (let i = 0; i < names.length; i++) index.set(names[i] as string, i);
  return {
    names: new Set(names),
    text(name) {
      const i = index.get(name);
      if (i === undefined) return undefined;
      const offset = spans[i * 2] as number;
      return offset < 0 ? undefined : bytes.toString('utf8', offset, offset + (spans[i * 2 + 1] as number));
    },
  };
}

/**
 * `lingerMs`: how long an idle worker is kept for the next read (file changes come in bursts);
 * after that it stops, so an idle app runs no second thread (its heap would still collect garbage
 * now and then) and the next read starts one again, while the config is parsed.
 */
export function createTokenFolderReader(options: { lingerMs?: number } = {}): TokenFolderReader {
  const lingerMs = options.lingerMs ?? 2_000;
  type Waiter = { resolve: (read: TokenFolderRead) => void; reject: (error: Error) => void };
  // Each worker answers its own reads: one stopping never fails the reads of the next.
  let running: { worker: Worker; pending: Map<number, Waiter> } | null = null;
  let lingering: ReturnType<typeof setTimeout> | null = null;
  let nextId = 0;

  const stopLingering = (): void => {
    if (lingering) clearTimeout(lingering);
    lingering = null;
  };
  const start = (): { worker: Worker; pending: Map<number, Waiter> } => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, name: 'sso-token-folder' });
    const pending = new Map<number, Waiter>();
    const self = { worker, pending };
    const fail = (error: Error): void => {
      if (running === self) running = null;
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    };
    worker.on('message', (answer: Answer) => {
      const waiter = pending.get(answer.id);
      pending.delete(answer.id);
      if (pending.size === 0 && running === self) {
        // Idle, it never keeps the process alive, and it stops after a while.
        worker.unref();
        stopLingering();
        lingering = setTimeout(() => {
          lingering = null;
          if (running === self && pending.size === 0) {
            running = null;
            void worker.terminate();
          }
        }, lingerMs);
        lingering.unref();
      }
      waiter?.resolve(folderRead(answer));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the token folder reader stopped (exit code ${code})`)));
    return self;
  };

  return {
    read(dir) {
      stopLingering();
      const current = (running ??= start());
      current.worker.ref();
      const id = nextId++;
      const answer = new Promise<TokenFolderRead>((resolve, reject) => current.pending.set(id, { resolve, reject }));
      current.worker.postMessage({ id, dir });
      return answer;
    },
    running: () => running !== null,
    async close() {
      stopLingering();
      const current = running;
      running = null;
      if (current) await current.worker.terminate();
    },
  };
}

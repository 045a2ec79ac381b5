// `cloudid`'s stdout and stderr: bytes written straight to the file descriptor, and Node's
// process.stdout stream made only when it is needed. Making that stream for a pipe loads Node's
// socket and stream code, some 4 ms of a one-shot command that prints a remembered answer
// (docs/performance.md); a write to the descriptor costs a system call.
//
// A descriptor that is non-blocking and full (EAGAIN) hands the rest, and every later write, to
// the stream, which waits for the reader: nothing is lost and the order is kept. A reader that
// has gone (EPIPE) is `onBrokenPipe`'s to handle, from either path.
import { fstatSync, writeSync as fsWriteSync } from 'node:fs';
import { isErrno } from '../core/fs/errno';
import { EXIT } from './exit-codes';
import { terminalSafeOutput, type TerminalOutput } from './terminal-text';

export interface FdOutputOptions {
  fd: number;
  /** The stream for this descriptor (process.stdout): created on first use. */
  stream: () => NodeJS.WriteStream;
  onBrokenPipe: () => void;
  /** For tests: the system call. */
  writeSync?: (fd: number, bytes: Uint8Array, offset: number, length: number) => number;
}

/**
 * Whether the descriptor is a terminal. A pipe or a file (scripts, prompts, redirects) is told
 * by fstat alone: node:tty loads Node's socket code, some 3 ms, and only a character device can
 * be a terminal.
 */
function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false; // closed: no terminal to style for
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}

export function fdOutput(options: FdOutputOptions): TerminalOutput {
  const writeSync = options.writeSync ?? fsWriteSync;
  const tty = isTerminal(options.fd);
  let stream: NodeJS.WriteStream | null = null;
  const theStream = (): NodeJS.WriteStream => {
    if (stream === null) {
      stream = options.stream();
      stream.on('error', (error: Error) => {
        if (isErrno(error, 'EPIPE')) options.onBrokenPipe();
        else throw error;
      });
    }
    return stream;
  };
  return {
    isTTY: tty,
    // A getter: the terminal may be resized while a command runs. Only a terminal has a width.
    get columns() {
      return tty ? theStream().columns : undefined;
    },
    write(chunk) {
      // A terminal gets the stream (Node handles its modes); so does everything after a hand-off.
      if (tty || stream !== null) return theStream().write(chunk);
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(options.fd, bytes, done, bytes.length - done);
      } catch (error) {
        if (isErrno(error, 'EPIPE')) {
          options.onBrokenPipe();
          return false;
        }
        if (!isErrno(error, 'EAGAIN')) throw error;
        return theStream().write(bytes.subarray(done));
      }
      return true;
    },
  };
}

/**
 * `cloudid`'s stdout and stderr. Every byte goes through terminalSafeOutput: a control character
 * from a file or the environment is shown as `\u001b`, never sent to the terminal. When the
 * reader has gone (`cloudid status --json | head`), the run stops quietly, as Unix tools do.
 */
export function standardOutputs(): { stdout: TerminalOutput; stderr: TerminalOutput } {
  return {
    stdout: terminalSafeOutput(
      fdOutput({ fd: 1, stream: () => process.stdout, onBrokenPipe: () => process.exit(EXIT.ok) }),
    ),
    stderr: terminalSafeOutput(
      fdOutput({ fd: 2, stream: () => process.stderr, onBrokenPipe: () => process.exit(EXIT.internal) }),
    ),
  };
}

// cloudid's stdout and stderr (electron/cli/fd-output.ts): straight to the descriptor, with the
// stream made only when a terminal, a full non-blocking pipe or a resize asks for it.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { fdOutput } from '../../../electron/cli/fd-output';

/** A descriptor that takes at most `chunk` bytes a call, and fails with `failAt` after `okCalls` calls. */
function fakeFd(opts: { chunk?: number; okCalls?: number; failWith?: string } = {}) {
  const written: Buffer[] = [];
  let calls = 0;
  const writeSync = vi.fn((_fd: number, bytes: Uint8Array, offset: number, length: number) => {
    calls += 1;
    if (opts.failWith && calls > (opts.okCalls ?? 0))
      throw Object.assign(new Error(opts.failWith), { code: opts.failWith });
    const n = Math.min(length, opts.chunk ?? length);
    written.push(Buffer.from(bytes.subarray(offset, offset + n)));
    return n;
  });
  return { writeSync, text: () => Buffer.concat(written).toString() };
}

function fakeStream() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

// fd 99 is no terminal: isatty is false for a descriptor that is not open.
const FD = 99;

describe('fdOutput', () => {
  it('writes every byte to the descriptor, looping over short writes, and makes no stream', () => {
    const fd = fakeFd({ chunk: 3 });
    const make = vi.fn();
    const out = fdOutput({ fd: FD, stream: make, onBrokenPipe: () => {}, writeSync: fd.writeSync });
    expect(out.write('{"version":1}')).toBe(true);
    expect(out.write(Buffer.from(' ünïcode\n'))).toBe(true);
    expect(fd.text()).toBe('{"version":1} ünïcode\n');
    expect(make).not.toHaveBeenCalled();
    expect(out.isTTY).toBe(false);
    expect(out.columns).toBeUndefined();
  });

  it('hands the rest to the stream when the descriptor is full (EAGAIN), and keeps the order', () => {
    const fd = fakeFd({ chunk: 4, okCalls: 2, failWith: 'EAGAIN' });
    const s = fakeStream();
    const out = fdOutput({ fd: FD, stream: () => s.stream, onBrokenPipe: () => {}, writeSync: fd.writeSync });
    out.write('abcdefghijkl');
    out.write('mno');
    expect(fd.text()).toBe('abcdefgh');
    expect(s.text()).toBe('ijklmno');
    expect(fd.writeSync).toHaveBeenCalledTimes(3); // nothing more tried once the stream has it
  });

  it('calls onBrokenPipe when the reader has gone (EPIPE), from either path', () => {
    const broken = vi.fn();
    const fd = fakeFd({ failWith: 'EPIPE' });
    const out = fdOutput({ fd: FD, stream: vi.fn(), onBrokenPipe: broken, writeSync: fd.writeSync });
    expect(out.write('x')).toBe(false);
    expect(broken).toHaveBeenCalledTimes(1);

    const viaStream = vi.fn();
    const s = fakeStream();
    const full = fakeFd({ failWith: 'EAGAIN' });
    const out2 = fdOutput({ fd: FD, stream: () => s.stream, onBrokenPipe: viaStream, writeSync: full.writeSync });
    out2.write('y');
    s.stream.emit('error', Object.assign(new Error('EPIPE'), { code: 'EPIPE' }));
    expect(viaStream).toHaveBeenCalledTimes(1);
  });

  it('passes any other error on', () => {
    const fd = fakeFd({ failWith: 'EIO' });
    const out = fdOutput({ fd: FD, stream: vi.fn(), onBrokenPipe: vi.fn(), writeSync: fd.writeSync });
    expect(() => out.write('x')).toThrow('EIO');
  });
});

describe('fdOutput on real descriptors', () => {
  const probe = (fd: number): boolean | undefined =>
    fdOutput({ fd, stream: () => process.stdout, onBrokenPipe: () => {} }).isTTY;

  it('is no terminal for a file or /dev/null (a character device that is not one)', () => {
    const file = openSync(join(tmpdir(), `cloudid-fd-${process.pid}`), 'w');
    const devNull = openSync('/dev/null', 'w');
    try {
      expect(probe(file)).toBe(false);
      expect(probe(devNull)).toBe(false);
    } finally {
      closeSync(file);
      closeSync(devNull);
      rmSync(join(tmpdir(), `cloudid-fd-${process.pid}`), { force: true });
    }
  });

  it('is a terminal for a pseudo-terminal (util-linux `script` gives the child one)', () => {
    const module = join(import.meta.dirname, '..', '..', '..', 'electron', 'cli', 'fd-output.ts');
    const code = `import(${JSON.stringify(module)}).then((m) => process.stderr.write("isTTY=" + m.fdOutput({ fd: 1, stream: () => process.stdout, onBrokenPipe() {} }).isTTY))`;
    const run = spawnSync('script', ['-qec', `${process.execPath} --import tsx -e '${code}'`, '/dev/null'], {
      encoding: 'utf8',
      cwd: join(import.meta.dirname, '..', '..', '..'),
    });
    // Everything the child writes goes to the terminal, which `script` copies to its stdout.
    expect(run.stdout).toContain('isTTY=true');
  });
});

// `npm start` (scripts/start.mjs) without a network: it must stop quickly with one plain paragraph,
// no stack trace, and a non-zero status, leaving the electron package as it was.
//
// The script finds the project by its own location, so each test runs a copy of it in a throwaway
// project whose node_modules/electron is a copy of the pinned package's files (no binary), with
// Electron's downloader (@electron/get) linked from this repository.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const repo = resolve(__dirname, '../../..');
const ELECTRON_FILES = ['package.json', 'install.js', 'index.js', 'checksums.json'];

let project = '';
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((done) => server.close(done));
  if (project) await rm(project, { recursive: true, force: true });
});

async function makeProject(): Promise<string> {
  project = await mkdtemp(join(tmpdir(), 'cloudid-start-'));
  await mkdir(join(project, 'scripts'));
  await copyFile(join(repo, 'scripts/start.mjs'), join(project, 'scripts/start.mjs'));
  await writeFile(join(project, 'package.json'), '{"name":"start-test","private":true,"type":"module"}\n');
  const electron = join(project, 'node_modules/electron');
  await mkdir(electron, { recursive: true });
  for (const file of ELECTRON_FILES) await copyFile(join(repo, 'node_modules/electron', file), join(electron, file));
  await symlink(join(repo, 'node_modules/@electron'), join(project, 'node_modules/@electron'));
  await mkdir(join(project, 'home'));
  return project;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function runStart(dir: string, env: Record<string, string>): Promise<Run> {
  const started = Date.now();
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [join(dir, 'scripts/start.mjs')], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: join(dir, 'home'),
        // Electron's download cache, inside the throwaway project.
        electron_config_cache: join(dir, 'cache'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => done({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

async function listen(onConnection: (socket: Socket) => void): Promise<number> {
  const server = createServer(onConnection);
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return (server.address() as { port: number }).port;
}

/** A port nothing listens on: bound once, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

function expectOfflineParagraph(run: Run, reason: RegExp): void {
  expect(run.code).toBe(1);
  const message = run.stderr.trim();
  // One paragraph: no blank line inside, no stack frame.
  expect(message).not.toMatch(/\n\s*\n/);
  expect(message).not.toMatch(/^\s+at /m);
  expect(message).toMatch(
    /^Cloud Identity Tray could not start: Electron's binary \(45\.5\.0, linux-x64\) could not be downloaded/,
  );
  expect(message).toMatch(reason);
  expect(message).toContain('run `npm start` again');
  expect(message).toContain('`node node_modules/electron/install.js`');
  expect(message).toContain('`npx cloudid status`');
  expect(message).toContain('`npm test`');
}

async function electronPackageUntouched(dir: string): Promise<void> {
  expect((await readdir(join(dir, 'node_modules/electron'))).sort()).toEqual([...ELECTRON_FILES].sort());
}

describe.runIf(process.platform === 'linux' && process.arch === 'x64')('npm start without a network', () => {
  it('stops at once with one plain paragraph when the connection is refused', async () => {
    const dir = await makeProject();
    const port = await closedPort();
    const run = await runStart(dir, { ELECTRON_MIRROR: `http://127.0.0.1:${port}/` });
    expectOfflineParagraph(run, /\(ECONNREFUSED[^)]*\)/);
    expect(run.ms).toBeLessThan(60_000);
    await electronPackageUntouched(dir);
  });

  it('gives up on a server that accepts the connection and never answers', async () => {
    const dir = await makeProject();
    const held: Socket[] = [];
    const port = await listen((socket) => void held.push(socket));
    const run = await runStart(dir, {
      ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
      CLOUDID_ELECTRON_STALL_MS: '1500',
    });
    for (const socket of held) socket.destroy();
    expect(held.length).toBeGreaterThan(0);
    expectOfflineParagraph(run, /\(nothing arrived for 2 s\)/);
    await electronPackageUntouched(dir);
  });

  it('reports a mirror that answers with an HTTP error', async () => {
    const dir = await makeProject();
    const port = await listen((socket) => {
      socket.once('data', () => socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'));
    });
    const run = await runStart(dir, { ELECTRON_MIRROR: `http://127.0.0.1:${port}/` });
    expectOfflineParagraph(run, /Response code 404/);
    await electronPackageUntouched(dir);
  });

  it('asks for `npm ci` when the packages are not installed', async () => {
    project = await mkdtemp(join(tmpdir(), 'cloudid-start-'));
    await mkdir(join(project, 'scripts'));
    await copyFile(join(repo, 'scripts/start.mjs'), join(project, 'scripts/start.mjs'));
    await writeFile(join(project, 'package.json'), '{"name":"start-test","private":true}\n');
    const run = await runStart(project, {});
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      "The project's packages are not installed yet: run `npm ci` in this folder first, then `npm start`.",
    );
  });
});

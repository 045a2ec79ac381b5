#!/usr/bin/env node
// `npm start`: make sure the Electron binary is installed, then run the app with electron-vite.
//
// Electron 45's package no longer downloads its binary at install time, and electron-vite 6 reads
// node_modules/electron/path.txt and throws "Electron uninstall" when it is missing. So the first
// start downloads the binary here, through Electron's own downloader (@electron/get: it honours
// ELECTRON_MIRROR, electron_config_cache and, when one is set, HTTPS_PROXY/HTTP_PROXY/NO_PROXY),
// with a deadline on a download that makes no progress, then lets Electron's own install.js
// unpack it from the download cache. Later starts find the binary and download nothing.
//
// This file imports only Node's built-ins and what it finds beside the electron package, so it
// runs before anything is built. README "Start the app" says what a user sees.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** A download that receives nothing for this long is given up: offline, or a silent proxy. */
const STALL_MS = Number(process.env.CLOUDID_ELECTRON_STALL_MS) || 30_000;
const MIN_NODE = [22, 12];

function fail(paragraph) {
  process.stderr.write(`\n${paragraph}\n\n`);
  process.exit(1);
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
  fail(
    `Cloud Identity Tray needs Node.js ${MIN_NODE.join('.')} or later (24 LTS recommended); this is ${process.version}.`,
  );
}

const requireFromRoot = createRequire(join(root, 'package.json'));
let electronDir;
try {
  electronDir = dirname(requireFromRoot.resolve('electron/package.json'));
} catch {
  fail("The project's packages are not installed yet: run `npm ci` in this folder first, then `npm start`.");
}
const electronPackage = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));

const platform = process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform;
const arch = process.env.ELECTRON_INSTALL_ARCH || process.env.npm_config_arch || process.arch;

if (!electronInstalled()) await downloadElectron();
await runInstaller();
startApp();

/** The same test as Electron's install.js: the right version, unpacked, with its executable. */
function electronInstalled() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true;
  try {
    const version = readFileSync(join(electronDir, 'dist', 'version'), 'utf8')
      .replace(/^v/, '')
      .trim();
    const executable = readFileSync(join(electronDir, 'path.txt'), 'utf8');
    return version === electronPackage.version && existsSync(join(electronDir, 'dist', executable));
  } catch {
    return false;
  }
}

function proxyConfigured() {
  return ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((name) => process.env[name]);
}

async function downloadElectron() {
  const requireFromElectron = createRequire(join(electronDir, 'package.json'));
  const get = await import(pathToFileURL(requireFromElectron.resolve('@electron/get')).href);
  if (proxyConfigured()) get.initializeProxy();

  process.stdout.write(
    `Downloading Electron ${electronPackage.version} for ${platform}-${arch} (once; about 100 MB)…\n`,
  );
  const controller = new AbortController();
  let stalled = false;
  let watchdog;
  const arm = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, STALL_MS);
  };
  arm();
  try {
    await get.downloadArtifact({
      version: electronPackage.version,
      artifactName: 'electron',
      platform,
      arch,
      // The same cache and checksums as install.js, so its own run below finds the file.
      cacheRoot: process.env.electron_config_cache,
      force: process.env.force_no_cache === 'true',
      checksums: JSON.parse(readFileSync(join(electronDir, 'checksums.json'), 'utf8')),
      downloadOptions: { signal: controller.signal, getProgressCallback: arm },
    });
  } catch (error) {
    const reason = stalled ? `nothing arrived for ${Math.round(STALL_MS / 1000)} s` : describe(error);
    fail(
      `Cloud Identity Tray could not start: Electron's binary (${electronPackage.version}, ${platform}-${arch}) could not be downloaded (${reason}). ` +
        'Check your network connection or proxy (HTTPS_PROXY, or ELECTRON_MIRROR for a mirror), then run `npm start` again; ' +
        '`node node_modules/electron/install.js` downloads it alone. ' +
        'Everything else works without it: `npx cloudid status` in a terminal, and `npm test`.',
    );
  } finally {
    clearTimeout(watchdog);
  }
}

/** Electron's own installer unpacks the binary and writes path.txt; it exits at once when done. */
function runInstaller() {
  return new Promise((resolve) => {
    const env = { ...process.env };
    if (proxyConfigured()) env.ELECTRON_GET_USE_PROXY = 'true';
    const child = spawn(process.execPath, [join(electronDir, 'install.js')], {
      stdio: ['ignore', 'inherit', 'pipe'],
      env,
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => {
      if (code === 0 && electronInstalled()) return resolve();
      const firstLine = stderr.trim().split('\n')[0] || `exit status ${code}`;
      fail(
        `Cloud Identity Tray could not start: Electron's binary could not be unpacked into ${electronDir} (${firstLine}). ` +
          "Delete that folder's dist/ and path.txt and run `npm start` again. `npx cloudid status` and `npm test` work without it.",
      );
    });
  });
}

function startApp() {
  const cli = join(dirname(requireFromRoot.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const child = spawn(process.execPath, [cli, 'dev', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** One line for a failed fetch: Node's "fetch failed" hides the useful part in its cause. */
function describe(error) {
  const cause = error?.cause ?? error;
  const code = cause?.code ? `${cause.code}` : '';
  const where = cause?.hostname ?? cause?.address ?? '';
  const text = [code, where].filter(Boolean).join(' ');
  return (text || String(cause?.message ?? error?.message ?? error)).split('\n')[0];
}

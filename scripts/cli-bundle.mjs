// The two builds of the `cloudid` command, both from electron/cli/main.ts:
// - out/cli: for this repository (`npx cloudid`, the benches). Packages but zod stay external (read from
//   node_modules), so it builds in a moment.
// - out/cli-standalone: self-contained, for the npm package (scripts/pack-cli.mjs) and for the
//   packaged app (build/electron-builder.yml, extraResources). Every pure-JS package is bundled;
//   only keytar, a native module, stays outside and is optional (scripts/cli-package/keytar-optional.mjs).
// Commands are split into chunks either way, so each command loads only what it uses; the AWS SDK
// is imported lazily, only when a service is called. Both entries turn on V8's compile cache
// before loading the CLI (scripts/cli-package/compile-cache.mjs).
import { randomUUID } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT_PACKAGE = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));

/**
 * Node's builtins through `process.getBuiltinModule` rather than `import ... from 'node:fs'`: an ES
 * module import of a builtin builds a module facade of all its exports, about 2 ms for each of the
 * half dozen a command uses, much of a one-shot command's start; getBuiltinModule returns the
 * module Node already holds (docs/performance.md). Each one-line `import ... from 'node:x'` of our
 * own sources becomes `const ... = process.getBuiltinModule('node:x')`, on the same line, so the
 * source maps still point right. `import type` lines are left to TypeScript. Node 22.3 and later
 * have getBuiltinModule (engines.node says 22.12).
 */
export function builtinImportAsConst(line) {
  const match = /^import (?!type )(.+) from '(node:[a-z_/]+)';$/.exec(line);
  if (!match) return line;
  const [, clause, id] = match;
  const get = `process.getBuiltinModule(${JSON.stringify(id)})`;
  const parts = /^(?:\* as (\w+)|(\w+)(?:, \{(.*)\})?|\{(.*)\})$/.exec(clause.trim());
  if (!parts) throw new Error(`cli-bundle: cannot read the import ${JSON.stringify(line)}`);
  const [, namespace, defaultName, withDefault, onlyNamed] = parts;
  const statements = [];
  if (namespace ?? defaultName) statements.push(`const ${namespace ?? defaultName} = ${get};`);
  const named = (withDefault ?? onlyNamed ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '' && !item.startsWith('type '))
    .map((item) => item.replace(/^(\w+) as (\w+)$/, '$1: $2'));
  if (named.length > 0) statements.push(`const { ${named.join(', ')} } = ${get};`);
  return statements.join(' ');
}

const builtinsWithoutFacades = {
  name: 'builtins-without-facades',
  setup(build) {
    build.onLoad({ filter: /[\\/]electron[\\/].*\.ts$|[\\/]scripts[\\/]cli-package[\\/].*\.mjs$/ }, async (args) => {
      const text = readFileSync(args.path, 'utf8');
      return {
        contents: text.split('\n').map(builtinImportAsConst).join('\n'),
        loader: args.path.endsWith('.ts') ? 'ts' : 'js',
      };
    });
  },
};

const common = {
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22.12',
  logLevel: 'warning',
  absWorkingDir: REPO,
};

/** `version` is what `cloudid --version` prints: package.json's version unless a test says otherwise. */
function defines(version = ROOT_PACKAGE.version) {
  return {
    // Keys what `cloudid status --json` remembers between runs (electron/cli/status-memo.ts).
    __CLOUDID_BUILD_ID__: JSON.stringify(randomUUID()),
    __CLOUDID_VERSION__: JSON.stringify(version),
  };
}

/**
 * The `require` that CommonJS code bundled into an ES module needs (Node's builtins by name: yaml
 * asks for `process` and `buffer`). Made on first call: every chunk carries this banner, and
 * building a require from `import.meta.url` in each of the dozens a command loads cost some 10 ms
 * of its start (docs/performance.md), where only yaml's chunk ever calls it.
 */
const requireBanner = {
  js: "let __cloudidRequire; const require = (id) => (__cloudidRequire ??= process.getBuiltinModule('node:module').createRequire(import.meta.url))(id);",
};

/**
 * Packages stay external, but for zod and yaml: every `cloudid status` checks its files with zod
 * schemas, and any status worked out afresh loads the core, whose kubeconfig and SkyPilot readers
 * import yaml. From node_modules they are some sixty and forty module files, whose lookups cost
 * more start-up time than their work (yaml: some 30 ms of a 300 ms run, docs/performance.md).
 * Bundled, each is part of the chunk that needs it.
 */
const BUNDLED_PACKAGES = ['zod', 'yaml'];
const externalButZodAndYaml = {
  name: 'external-but-zod-and-yaml',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      BUNDLED_PACKAGES.some((name) => args.path === name || args.path.startsWith(`${name}/`))
        ? undefined
        : { path: args.path, external: true },
    );
  },
};

/**
 * status-fast.mjs and clusters-fast.mjs beside the entry: the memos' answers to `cloudid status
 * --json` and `cloudid clusters`, each one self-contained file (scripts/cli-package/fast-paths.mjs
 * loads them), with the same defines as the entry's build, so that both key a memo by the same
 * build id.
 */
function buildFastPaths(options) {
  return build({
    ...options,
    splitting: false,
    entryPoints: {
      'status-fast': 'electron/cli/status-fast-path.ts',
      'clusters-fast': 'electron/cli/clusters-fast-path.ts',
    },
  });
}

export async function buildRepositoryCli(outdir = join(REPO, 'out', 'cli'), { version } = {}) {
  // Chunk names carry content hashes: start empty so old chunks do not pile up.
  rmSync(outdir, { recursive: true, force: true });
  const options = {
    ...common,
    outdir,
    plugins: [builtinsWithoutFacades, externalButZodAndYaml],
    // yaml has no ES module build for Node: its CommonJS asks for `require('process')`.
    banner: requireBanner,
    sourcemap: 'linked',
    define: defines(version),
  };
  await build({ ...options, entryPoints: { cloudid: 'scripts/cli-package/repository-entry.mjs' } });
  await buildFastPaths(options);
}

export async function buildStandaloneCli(outdir = join(REPO, 'out', 'cli-standalone'), { version } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  const options = {
    ...common,
    outdir,
    // ESM builds first where a package has one; the CommonJS ones left get a real `require`.
    mainFields: ['module', 'main'],
    plugins: [builtinsWithoutFacades],
    banner: requireBanner,
    alias: { keytar: './scripts/cli-package/keytar-optional.mjs' },
    define: defines(version),
  };
  await build({ ...options, entryPoints: { cloudid: 'scripts/cli-package/standalone-entry.mjs' } });
  await buildFastPaths(options);
  // sql.js reads its WebAssembly by path (electron/core/fs/sql-js.ts): it ships beside the entry
  // for a Node older than 24.16, whose node:sqlite the readers do not use (electron/core/fs/node-sqlite.ts).
  mkdirSync(join(outdir, 'bin'), { recursive: true });
  copyFileSync(
    createRequire(join(REPO, 'package.json')).resolve('sql.js/dist/sql-wasm.wasm'),
    join(outdir, 'sql-wasm.wasm'),
  );
  writeFileSync(join(outdir, 'bin', 'cloudid.mjs'), launcher());
  chmodSync(join(outdir, 'bin', 'cloudid.mjs'), 0o755);
}

/** The lowest Node the root package supports (engines.node, ">=X.Y[.Z]"). */
export function minimumNode() {
  const match = /^>=\s*(\d+)\.(\d+)(?:\.(\d+))?$/.exec(String(ROOT_PACKAGE.engines?.node ?? '').trim());
  if (!match)
    throw new Error(`package.json engines.node should read ">=X.Y", not ${JSON.stringify(ROOT_PACKAGE.engines?.node)}`);
  return match.slice(1, 4).map((part) => Number(part ?? 0));
}

/**
 * bin/cloudid.mjs, the command users run (the npm package's bin, the app's installed command):
 * it checks the Node version before loading anything a too-old Node could not parse.
 */
function launcher() {
  const [major, minor, patch] = minimumNode();
  return `#!/usr/bin/env node
// \`cloudid\`: checks the Node version, then runs the bundle beside this folder.
const want = [${major}, ${minor}, ${patch}];
const have = process.versions.node.split('.').map(Number);
const tooOld = have[0] !== want[0] ? have[0] < want[0] : have[1] !== want[1] ? have[1] < want[1] : have[2] < want[2];
if (tooOld) {
  process.stderr.write(\`cloudid needs Node.js \${want.join('.')} or later; \${process.execPath} is \${process.version}.\\n\`);
  process.exit(70);
}
await import('../cloudid.mjs');
`;
}

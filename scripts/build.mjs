#!/usr/bin/env node
/**
 * `node scripts/build.mjs [--web] [--server] [--force]`: builds what is out of date (both when neither is named).
 * - web/dist: the SPA (vite build).
 * - server/dist: the server (main.js, its read threads' read-worker.js) and the backup/restore commands as plain ES modules for `node`: our TypeScript
 *   is bundled by esbuild; every npm package stays a separate import of the same file Node would load from source, so
 *   native addons, pdfmake's fonts and Swagger UI's assets work as they do in development.
 * Each output records a hash of its inputs and is rebuilt only when the sources, the lockfile or this script change.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = '.build-inputs';

/** Hash of every file under `paths` (skipping node_modules and dist), so an edit anywhere triggers a rebuild. */
function hashInputs(paths) {
  const hash = createHash('sha256');
  const visit = (path) => {
    const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const full = join(path, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile())
        hash
          .update(`${relative(root, full)}\0`)
          .update(readFileSync(full))
          .update('\0');
    }
  };
  for (const p of paths) {
    const full = join(root, p);
    if (!existsSync(full)) continue;
    if (statSync(full).isDirectory()) visit(full);
    else hash.update(`${p}\0`).update(readFileSync(full)).update('\0');
  }
  return hash.digest('hex');
}

const fresh = (outDir, hash) => {
  const stamp = join(outDir, STAMP);
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash;
};

const common = ['shared/src', 'shared/package.json', 'pnpm-lock.yaml', 'scripts/build.mjs'];

/** The SPA: vite writes web/dist; the stamp is written after a successful build only. */
export function buildWeb({ force = false } = {}) {
  const outDir = join(root, 'web/dist');
  const hash = hashInputs([
    ...common,
    'web/src',
    'web/public',
    'web/index.html',
    'web/vite.config.ts',
    'web/postcss.config.cjs',
    'web/package.json',
  ]);
  if (!force && fresh(outDir, hash) && existsSync(join(outDir, 'index.html'))) return false;
  const res = spawnSync(join(root, 'web/node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: join(root, 'web'),
    stdio: 'inherit',
  });
  if (res.status !== 0) throw new Error(`web build failed (exit ${res.status})`);
  writeFileSync(join(outDir, STAMP), `${hash}\n`);
  return true;
}

/**
 * Rewrites a bare import (an npm package) to the relative path of the file Node itself would load from the importing
 * source file, and leaves it external: pnpm gives each workspace package only its own dependencies, so `better-sqlite3`
 * (a dependency of drizzle/) would not resolve from server/dist by name.
 */
const externalPackages = (outDir) => ({
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.inner || args.path.startsWith('@anett/')) return undefined;
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { inner: true },
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      let path = relative(outDir, resolved.path).split(sep).join('/');
      if (!path.startsWith('.')) path = `./${path}`;
      return { path, external: true };
    });
  },
});

/**
 * Inside the bundle `import.meta.url` would be server/dist/main.js for every module; each source file gets its own
 * location back (relative to the bundle), so paths next to the source (migrations, web/dist, pdfmake) still resolve.
 */
const sourceLocations = (outDir) => ({
  name: 'source-locations',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const rel = relative(outDir, args.path).split(sep).join('/');
      return {
        contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
});

/** The server and the two database commands, each one self-contained ES module in server/dist. */
export async function buildServer({ force = false } = {}) {
  const outDir = join(root, 'server/dist');
  const hash = hashInputs([
    ...common,
    'server/src',
    'server/package.json',
    'drizzle/src',
    'drizzle/package.json',
    'scripts/db-backup.ts',
    'scripts/db-restore.ts',
  ]);
  if (!force && fresh(outDir, hash)) return false;
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: {
      main: 'server/src/main.ts',
      // The read threads' entry: server/src/read-pool.ts starts it from beside main.js.
      'read-worker': 'server/src/read-worker.ts',
      'db-backup': 'scripts/db-backup.ts',
      'db-restore': 'scripts/db-restore.ts',
    },
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    // Resolve packages exactly as Node does (no "module" condition or field), so a package shared with an external
    // dependency (zod, drizzle-orm) is loaded once.
    conditions: [],
    mainFields: ['main'],
    keepNames: true,
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
    plugins: [externalPackages(outDir), sourceLocations(outDir)],
  });
  // Written beside and renamed over: test workers building at once never run a half-written file.
  mkdirSync(outDir, { recursive: true });
  for (const file of result.outputFiles) {
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
  const stampTemp = join(outDir, `${STAMP}.${process.pid}.tmp`);
  writeFileSync(stampTemp, `${hash}\n`);
  renameSync(stampTemp, join(outDir, STAMP));
  return true;
}

export const serverEntry = join(root, 'server/dist/main.js');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { web: { type: 'boolean' }, server: { type: 'boolean' }, force: { type: 'boolean' } },
  });
  const both = !values.web && !values.server;
  try {
    const started = Date.now();
    const built = [];
    if (both || values.web) buildWeb({ force: values.force }) && built.push('web/dist');
    if (both || values.server) (await buildServer({ force: values.force })) && built.push('server/dist');
    const took = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(built.length ? `Built ${built.join(' and ')} in ${took} s\n` : 'Build is up to date\n');
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : err}\n`);
    process.exit(1);
  }
}

/**
 * `tsx bench/export.ts [--db FILE] [--format csv|xlsx|vcf] [--runs N]`: times the mailing-list export of all persons of
 * the large synthetic profile (`pnpm gen:data --out FILE`, 100 000 persons) through the real server on loopback and
 * samples the server process's resident memory while the file streams. Works on a copy of the file, in which every
 * person gets an e-mail address and a newsletter grant, so that all 100 000 rows are exported.
 * Target (issue 5): CSV in under 3 s with RSS growth under 100 MB. The CPU time (server and the discarding client in
 * this one process) is printed as well: on a shared machine the wall time includes waiting for other processes.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '@anett/db/client';
import { benchApp } from './in-process-app.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    // The file `pnpm bench` generates (or `pnpm gen:data --out FILE`); it is copied, never changed.
    db: { type: 'string', default: join(root, 'data/bench.sqlite') },
    format: { type: 'string', default: 'csv' },
    runs: { type: 'string', default: '3' },
  },
});

const dir = mkdtempSync(join(tmpdir(), 'anett-export-bench-'));
const path = join(dir, 'crm.sqlite');
copyFileSync(args.db, path);
const db = openDatabase(path);
db.$client.exec(`
  UPDATE persons SET email = 'person' || id || '@example.org' WHERE email IS NULL OR email = '';
  INSERT INTO consents (person_id, channel, status, legal_basis, source, recorded_at)
    SELECT id, 'email_newsletter', 'granted', 'Einwilligung', 'import', '2030-01-01T00:00:00.000Z' FROM persons;
`);
db.$client.pragma('wal_checkpoint(TRUNCATE)');

const { app, headers } = await benchApp(db, path, dir);
const base = await app.listen({ port: 0, host: '127.0.0.1' });

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Downloads the export, discarding the bytes; returns time to the last byte, size and the peak RSS meanwhile. */
function download(url: string): Promise<{ ms: number; cpuMs: number; bytes: number; peakRss: number }> {
  return new Promise((resolve, reject) => {
    const cpu = process.cpuUsage();
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 10);
    const started = performance.now();
    let bytes = 0;
    get(url, { headers }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}`));
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => {
        clearInterval(sampler);
        const used = process.cpuUsage(cpu);
        resolve({
          ms: performance.now() - started,
          cpuMs: (used.user + used.system) / 1000,
          bytes,
          peakRss: Math.max(peakRss, process.memoryUsage().rss),
        });
      });
      res.on('error', reject);
    }).on('error', reject);
  });
}

const preview = (await (await fetch(`${base}/api/exports/preview`, { headers })).json()) as { included: number };
console.log(`rows to export: ${preview.included}`);
global.gc?.();
const baseline = process.memoryUsage().rss;
console.log(`server RSS before: ${mb(baseline)} MB`);
for (let run = 1; run <= Number(args.runs); run++) {
  const before = process.memoryUsage().rss;
  const r = await download(`${base}/api/exports/persons.${args.format}`);
  console.log(
    `run ${run}: ${args.format} ${mb(r.bytes)} MB in ${Math.round(r.ms)} ms (CPU ${Math.round(r.cpuMs)} ms, server and client); RSS before ${mb(before)} MB, peak ${mb(r.peakRss)} MB (+${mb(r.peakRss - before)} MB; +${mb(r.peakRss - baseline)} MB over the first baseline)`,
  );
}
await app.close();
db.$client.close();
rmSync(dir, { recursive: true, force: true });

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** LibreOffice as a user opens a file: Debian's `libreoffice-calc-nogui`, run headless (scripts/test.mjs installs it). */
export const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

/** Why LibreOffice tests cannot run here, or null when they can. */
export function libreOfficeMissing(): string | null {
  return existsSync(SOFFICE)
    ? null
    : `LibreOffice not found at ${SOFFICE} (apt-get install libreoffice-calc-nogui, or set SOFFICE_PATH)`;
}

/**
 * How Calc's text import dialog opens a German CSV: separator ';', text delimiter '"', UTF-8, from line 1, no column
 * types, language German (1031); everything else as the dialog's defaults ("Format quoted field as text" off,
 * "Detect special numbers" off, "Evaluate formulas" on). `quotedAsText` ticks the first of them.
 */
export const germanCsvImport = ({ quotedAsText = false } = {}) => `CSV:59,34,76,1,,1031${quotedAsText ? ',true' : ''}`;

const GROUP_GONE_TIMEOUT_MS = 10_000;

/**
 * Opens `file` in LibreOffice (German locale, a fresh private profile) and saves it as `to`, the way a user opens and
 * saves it; returns the saved bytes. The soffice process group is ended and awaited before this returns, whatever
 * happened, so no LibreOffice process outlives the call.
 */
export async function convertWithLibreOffice(
  file: Buffer,
  fileName: string,
  to: 'xlsx' | 'csv',
  opts: { infilter?: string; timeoutMs?: number } = {},
): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'anett-lo-'));
  const input = join(dir, basename(fileName));
  writeFileSync(input, file);
  // For a CSV result: ';', '"', UTF-8, German number and date formats, cells as shown.
  const target = to === 'csv' ? 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1031,false,true,true' : 'xlsx';
  const args = [
    `-env:UserInstallation=file://${join(dir, 'profile')}`,
    '--headless',
    '--norestore',
    '--nolockcheck',
    ...(opts.infilter ? [`--infilter=${opts.infilter}`] : []),
    '--convert-to',
    target,
    '--outdir',
    join(dir, 'out'),
    input,
  ];
  const child = spawn(SOFFICE, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8', LANGUAGE: 'de' },
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const pid = child.pid as number;
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`LibreOffice did not finish in time:\n${output}`)),
        opts.timeoutMs ?? 120_000,
      );
      child.on('error', reject);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    const result = join(dir, 'out', `${basename(fileName).replace(/\.[^.]+$/, '')}.${to}`);
    if (code !== 0 || !existsSync(result)) throw new Error(`LibreOffice failed (exit ${code}):\n${output}`);
    return readFileSync(result);
  } finally {
    await endGroup(pid);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Ends the process group of `pid` (soffice starts oosplash and soffice.bin in it) and waits until it is gone. */
async function endGroup(pid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (alive()) process.kill(-pid, 'SIGKILL');
  const until = Date.now() + GROUP_GONE_TIMEOUT_MS;
  while (alive()) {
    if (Date.now() > until) throw new Error(`LibreOffice process group ${pid} is still running`);
    await sleep(50);
  }
}

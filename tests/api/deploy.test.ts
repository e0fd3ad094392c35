import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../support/server-process.ts';

/** The systemd units in deploy/: valid for systemd, and running the app the way the README promises. */
const units = ['anett.service', 'anett-backup.service', 'anett-backup.timer'];
const read = (name: string) => readFileSync(join(root, 'deploy/systemd', name), 'utf8');
const settings = (text: string) =>
  text
    .split('\n')
    .filter((l) => /^[A-Za-z]+=/.test(l))
    .map((l) => l.trim());
/** The unit `name` has (at least) these settings. */
const expectSettings = (name: string, lines: string[]) =>
  expect(settings(read(name))).toEqual(expect.arrayContaining(lines));
const ANALYZE = '/usr/bin/systemd-analyze';
const dir = mkdtempSync(join(tmpdir(), 'anett-units-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('deploy/systemd', () => {
  it.skipIf(!existsSync(ANALYZE))('passes systemd-analyze verify without a warning', () => {
    for (const name of units) writeFileSync(join(dir, name), read(name));
    const res = spawnSync(ANALYZE, ['verify', '--man=no', ...units.map((u) => join(dir, u))], { encoding: 'utf8' });
    expect(res.status).toBe(0);
    // Unknown keys and bad values are only warnings for systemd; here they fail.
    expect(`${res.stdout}${res.stderr}`.trim()).toBe('');
  });

  it('runs one node process on the built server as its own user, restarted on failure, writing only its data', () => {
    expectSettings('anett.service', [
      'ExecStart=/usr/bin/node server/dist/main.js',
      'User=anett',
      'Restart=on-failure',
      'KillSignal=SIGTERM',
      'ProtectSystem=strict',
      'ReadWritePaths=/var/lib/anett',
      'StateDirectory=anett',
      'NoNewPrivileges=yes',
      'PrivateTmp=yes',
      'Environment=TRUST_PROXY=1',
      'Environment=HOST=127.0.0.1',
      'Environment=DATABASE_PATH=/var/lib/anett/crm.sqlite',
    ]);
    // Graceful stop takes at most 10 s of draining; systemd waits longer before it kills.
    const stopSec = Number(/^TimeoutStopSec=(\d+)s$/m.exec(read('anett.service'))?.[1]);
    expect(stopSec).toBeGreaterThan(10);
  });

  it('backs up daily with deploy/backup.sh as the same user into the data directory', () => {
    expectSettings('anett-backup.service', [
      'ExecStart=/bin/sh deploy/backup.sh',
      'User=anett',
      'Type=oneshot',
      'ProtectSystem=strict',
      'ReadWritePaths=/var/lib/anett',
      'Environment=BACKUP_DIR=/var/lib/anett/backups',
    ]);
    expectSettings('anett-backup.timer', ['OnCalendar=*-*-* 02:30:00', 'Persistent=true', 'WantedBy=timers.target']);
  });
});

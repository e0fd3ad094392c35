import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The web's layers (docs/decisions/021): a feature uses components/ and lib/, never another feature or app/;
// components/ and lib/ use no feature; pages that show several domains live in app/pages and compose features.
const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Every relative import of the web as `from → to`, both relative to web/src. */
function imports(): { from: string; to: string }[] {
  return files(src).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((m) => ({
      from: relative(src, file),
      to: relative(src, resolve(dirname(file), m[1] as string)),
    })),
  );
}

const area = (path: string) => {
  const [top, second] = path.split('/');
  return top === 'features' ? `features/${second}` : (top ?? '');
};

describe('web boundaries', () => {
  const all = imports();

  it('finds the imports it checks', () => {
    expect(all.length).toBeGreaterThan(500);
    expect(all).toContainEqual({ from: 'app/pages/person-detail-page.tsx', to: 'features/persons/api.ts' });
  });

  it('no feature imports another feature or the app shell', () => {
    const crossing = all.filter(
      ({ from, to }) =>
        from.startsWith('features/') &&
        (to.startsWith('app/') || (to.startsWith('features/') && area(to) !== area(from))),
    );
    expect(crossing).toEqual([]);
  });

  it('shared components and lib import no feature and no page', () => {
    const upward = all.filter(
      ({ from, to }) => /^(components|lib)\//.test(from) && (to.startsWith('features/') || to.startsWith('app/')),
    );
    expect(upward).toEqual([]);
  });
});

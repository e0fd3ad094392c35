import { describe, expect, it } from 'vitest';

const show = (value: unknown) => (value === undefined ? 'undefined' : JSON.stringify(value));

/**
 * A fact about a pure function stated as a table, one test per row `[...arguments, expected]`: the unit tests that
 * state one fact for many inputs write only the fact, the inputs and the answers.
 */
export function answers<F extends (...args: never[]) => unknown>(
  fact: string,
  fn: F,
  rows: [...Parameters<F>, ReturnType<F>][],
) {
  describe(fact, () => {
    for (const row of rows) {
      const args = row.slice(0, -1) as Parameters<F>;
      const expected = row.at(-1);
      it(`${fn.name}(${args.map(show).join(', ')}) → ${show(expected)}`, () => {
        expect(fn(...args)).toStrictEqual(expected);
      });
    }
  });
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbChecksum } from '../support/db-checksum.ts';

/**
 * Property-based robustness over the whole API, generated from the OpenAPI document: malformed, missing,
 * wrong-typed, oversized, `__proto__` and unicode-edge inputs. Never a 5xx; a rejected request changes nothing.
 * FUZZ_RUNS raises the number of cases per route (default 200).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  required?: string[];
  maxLength?: number;
  format?: string;
};
type Operation = {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

const edgeStrings = fc.constantFrom(
  '',
  ' ',
  '__proto__',
  'constructor',
  '0',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  "' OR 1=1 --",
  '"*',
  'NEAR(',
  '\u0000',
  '\uD800',
  '𝕬𝖓𝖊𝕿𝕿',
  'Zoë\u0301',
  '=HYPERLINK("x")',
  '2024-02-30',
  '9999-99-99',
  'x'.repeat(5000),
);
const weirdNumber = fc.constantFrom(0, -1, 1.5, Number.MAX_SAFE_INTEGER, 2 ** 63, -0, 1e300);
const anyValue = fc.oneof(
  { depthSize: 'small' },
  fc.string({ maxLength: 40, unit: 'grapheme' }),
  edgeStrings,
  fc.integer(),
  weirdNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 10 })), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

/** Values near the schema (so validation gets past the first field) mixed with wrong ones. */
function valueFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 3) return anyValue;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((s) => valueFor(s, depth + 1)), anyValue);
  if (schema.enum?.length)
    return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: anyValue });
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'integer':
    case 'number':
      return fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: 1, max: 5 }) },
        { weight: 1, arbitrary: weirdNumber },
        { weight: 1, arbitrary: anyValue },
      );
    case 'boolean':
      return fc.oneof(fc.boolean(), anyValue);
    case 'string': {
      const plain =
        schema.format === 'email'
          ? fc.constant('jemand@example.org')
          : schema.format === 'date'
            ? fc.constant('2024-11-15')
            : fc.string({ maxLength: 30 });
      return fc.oneof(
        { weight: 3, arbitrary: plain },
        { weight: 1, arbitrary: edgeStrings },
        { weight: 1, arbitrary: anyValue },
      );
    }
    case 'array':
      return fc.oneof(fc.array(valueFor(schema.items, depth + 1), { maxLength: 3 }), anyValue);
    case 'object': {
      const props = Object.entries(schema.properties ?? {});
      const record = fc.record(Object.fromEntries(props.map(([k, s]) => [k, valueFor(s, depth + 1)])), {
        requiredKeys: [],
      });
      const withProto = record.map((r) =>
        JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(r).slice(1)}`.replace(', }', '}')),
      );
      return fc.oneof(
        { weight: 4, arbitrary: record },
        { weight: 1, arbitrary: withProto },
        { weight: 1, arbitrary: anyValue },
      );
    }
    default:
      return anyValue;
  }
}

const pathValue = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 5 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('0', '-1', '999999999999999999999', 'abc', '__proto__', '%00', '1.5', '１') },
);

function queryString(params: Record<string, unknown>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v])
      sp.append(k, typeof item === 'object' ? JSON.stringify(item) : String(item));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

async function seed(t: TestApp) {
  // A few rows so that ids 1..5 exist for several entities.
  const admin = await t.login('admin');
  for (let i = 1; i <= 3; i++) {
    await t.post(admin.token, '/api/users', {
      email: `fuzz${i}@example.org`,
      name: `Fuzz ${i}`,
      role: 'viewer',
      password: 'Wolken über Erfurt 7',
    });
  }
  return admin.token;
}

describe('API fuzzing from the OpenAPI document', async () => {
  const probe = await createTestApp();
  const doc = (await probe.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, Operation>>;
  };
  await probe.app.close();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );

  it('covers the API', () => {
    expect(operations.length).toBeGreaterThan(10);
  });

  for (const { path, method, op } of operations) {
    it(`${method} ${path}: never 5xx, rejected requests change nothing`, async () => {
      const t = await createTestApp();
      const token = await seed(t);
      const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const request = fc.record({
        params: fc.record(Object.fromEntries(pathParams.map((p) => [p, pathValue]))),
        query: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, valueFor(p.schema)])), {
          requiredKeys: [],
        }),
        body: bodySchema ? valueFor(bodySchema) : fc.constant(undefined),
        ifMatch: fc.constantFrom(undefined, '"1"', '"99"', 'garbage'),
        rawBody: fc.constantFrom(undefined, undefined, undefined, '{"broken": ', '[]', '"x"'),
      });
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          const url =
            path.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(String(r.params[name] ?? '1'))) +
            queryString(r.query);
          const hasBody = method !== 'GET' && method !== 'DELETE';
          const before = dbChecksum(t.db);
          const res = await t.as(token, {
            method: method as 'GET',
            url,
            headers: {
              ...(r.ifMatch ? { 'if-match': r.ifMatch } : {}),
              ...(hasBody ? { 'content-type': 'application/json' } : {}),
            },
            payload: hasBody ? (r.rawBody ?? JSON.stringify(r.body ?? {})) : undefined,
          });
          expect(res.statusCode, `${method} ${url} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
            expect(res.json().status).toBe(res.statusCode);
            expect(dbChecksum(t.db), `${method} ${url} was rejected but changed the database`).toBe(before);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: RUNS },
      );
    }, 120_000);
  }
});

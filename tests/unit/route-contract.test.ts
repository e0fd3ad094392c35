import { buildPath } from '@anett/shared/routes/define';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { checkContract, findRoute } from '../support/contract.ts';

const answer = (statusCode: number, body: unknown) =>
  ({
    statusCode,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    json: () => body,
  }) as unknown as LightMyRequestResponse;

const problem = { type: 'about:blank', title: 'Not Found', status: 404, code: 'PERSON_NOT_FOUND' };

describe('route contract', () => {
  it('finds the descriptor of a request, a literal path before a parameter', () => {
    expect(findRoute('GET', '/api/persons/duplicates?pageSize=5')?.path).toBe('/api/persons/duplicates');
    expect(findRoute('get', '/api/persons/7')?.path).toBe('/api/persons/:id');
    expect(findRoute('PATCH', '/api/persons/7/offices/2')?.path).toBe('/api/persons/:id/offices/:officeId');
  });

  it('fails an answer that does not match the response schema for its status', () => {
    expect(() => checkContract('GET', '/api/persons/7', answer(200, { id: 'seven' }))).toThrow(/contract/);
    expect(() => checkContract('GET', '/api/persons/7', answer(404, problem))).not.toThrow();
    expect(() => checkContract('GET', '/api/persons/7', answer(404, { oops: true }))).toThrow(/contract/);
    expect(() => checkContract('GET', '/api/persons/7', answer(201, {}))).toThrow(/not in the contract/);
  });

  it('builds paths from parameters and refuses a missing one', () => {
    expect(buildPath('/api/persons/:id/offices/:officeId', { id: 3, officeId: 9 })).toBe('/api/persons/3/offices/9');
    expect(() => buildPath('/api/persons/:id', {})).toThrow(/id missing/);
  });
});

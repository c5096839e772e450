import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/db.js';
import { createApp } from './app.js';

let t: TestDb;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await openTestDb();
  app = createApp({ context: () => t.ctx, webDir: null });
});
afterAll(() => t.close());

interface ErrorBody {
  error: { code: string; message: string; issues: { field: string; message: string }[] };
}

async function refused(method: string, path: string, body?: unknown): Promise<ErrorBody['error']> {
  const res = await app.request(`http://localhost:4310${path}`, {
    method,
    headers: { host: 'localhost:4310', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status).toBe(400);
  return ((await res.json()) as ErrorBody).error;
}

/** The schema library's own words, which a person should never read. */
const LIBRARY_WORDING = /Too big|Too small|Invalid input|Invalid option|expected string|<=|UUID|^\w+: /;

describe('validation messages a person can act on', () => {
  it('says a name is too long in a sentence about the field as labelled, with the limit', async () => {
    const error = await refused('POST', '/api/people', { fullName: 'A'.repeat(201) });
    expect(error.issues).toEqual([
      { field: 'fullName', message: 'Name is too long: at most 200 characters.' },
    ]);
    expect(error.message).toBe('Name is too long: at most 200 characters.');
  });

  it('says a blank or missing required field is required', async () => {
    const blank = await refused('POST', '/api/organizations', { name: '   ' });
    expect(blank.issues).toEqual([{ field: 'name', message: 'Name is required.' }]);
    const missing = await refused('POST', '/api/people', {});
    expect(missing.issues).toEqual([{ field: 'fullName', message: 'Name is required.' }]);
  });

  it('explains a bad id in the address and a bad id in a field without the word UUID', async () => {
    const inPath = await refused('GET', '/api/people/123');
    expect(inPath.issues[0]?.field).toBe('id');
    expect(inPath.message).toBe(
      'The id in the address is not one Rapport made: check the link, or copy the id again.',
    );
    const inField = await refused('POST', '/api/people', { fullName: 'Ana', organizationId: 'acme' });
    expect(inField.issues).toEqual([
      {
        field: 'organizationId',
        message: 'Organization does not point to a record: choose it from the list, or copy its id again.',
      },
    ]);
    expect(`${inPath.message} ${inField.message}`).not.toMatch(LIBRARY_WORDING);
  });

  it('shows how to write a date and time the meeting could not read', async () => {
    const ana = await app.request('http://localhost:4310/api/people', {
      method: 'POST',
      headers: { host: 'localhost:4310', 'content-type': 'application/json' },
      body: JSON.stringify({ fullName: 'Ana Ruiz' }),
    });
    const person = (await ana.json()) as { id: string };
    const conv = await app.request('http://localhost:4310/api/conversations', {
      method: 'POST',
      headers: { host: 'localhost:4310', 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'explore_career', participantIds: [person.id] }),
    });
    const { id } = (await conv.json()) as { id: string };
    const error = await refused('PUT', `/api/conversations/${id}/meeting`, {
      startsAt: 'next Tuesday at 2',
      timeZone: 'Europe/Paris',
      medium: 'video',
    });
    expect(error.issues).toEqual([
      {
        field: 'startsAt',
        message: 'Date and time is not a date and time: write it like 2026-12-07T14:30:00+01:00.',
      },
    ]);
    const connected = await refused('POST', '/api/people', { fullName: 'Ana', connectedOn: '31/01/2026' });
    expect(connected.message).toBe('Connected on is not a date: write it like 2026-12-07.');
  });

  it("checks an organization's website as it checks a person's profile URL", async () => {
    for (const website of ['javascript:alert(1)', 'ftp://acme.example', 'acme', 'https://localhost']) {
      const error = await refused('POST', '/api/organizations', { name: 'Acme', website });
      expect(error.issues, website).toEqual([
        {
          field: 'website',
          message: 'Website is not a web address: write it starting with https://, like https://example.com.',
        },
      ]);
    }
    const profile = await refused('POST', '/api/people', {
      fullName: 'Ana',
      linkedinUrl: 'https://localhost',
    });
    expect(profile.message).toBe(
      'LinkedIn URL is not a web address: write it starting with https://, like https://example.com.',
    );
    const ok = await app.request('http://localhost:4310/api/organizations', {
      method: 'POST',
      headers: { host: 'localhost:4310', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Acme', website: 'https://acme.example.com/about' }),
    });
    expect(ok.status).toBe(201);
  });

  it('words a service-side field error with the label too', async () => {
    const error = await refused('POST', '/api/people', {
      fullName: 'Ana',
      organizationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(error.message).toBe('Organization: no such organization in this workspace.');
    expect(error.issues).toEqual([
      { field: 'organizationId', message: 'Organization: no such organization in this workspace.' },
    ]);
  });
});

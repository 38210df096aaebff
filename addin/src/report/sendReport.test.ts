import { describe, expect, it } from 'vitest';
import type { ReportEntry } from '@pwr-sync/shared';
import { ApiClient, type ApiOutcome } from '../api/client.ts';
import type { HostResult } from '../excel/runExcel.ts';
import { sendReport, type SendReportInput } from './sendReport.ts';
import type { SyncRecord } from './syncRecord.ts';

const done: ReportEntry = { activityId: 'I.1-01', status: 'realized', actual: { measures: [{ kind: 'spotkanie', value: 6 }] }, moneySpent: [], comment: '' };
const untouched: ReportEntry = { activityId: 'I.1-02', status: null, actual: { measures: [] }, moneySpent: [], comment: '' };
const current = { year: 2025, orgUnitCode: 'BK', version: 5, state: 'draft', savedAt: '2025-02-01T10:00:00Z', savedBy: 'Ktoś', reviewComment: null, entries: [{ ...done, actual: { measures: [{ kind: 'spotkanie', value: 9 }] } }] };

/** The server's answer to the PUT (or no answer at all), recording what was sent. */
function server(answer: { status: number; body?: unknown } | 'offline') {
  const sent: { body: unknown; key: string | undefined }[] = [];
  const fetch = (async (_url: string, init?: RequestInit) => {
    sent.push({ body: JSON.parse(String(init?.body)), key: (init?.headers as Record<string, string>)['Idempotency-Key'] });
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body ?? {}), { status: answer.status });
  }) as typeof globalThis.fetch;
  return { api: new ApiClient({ token: 't', baseUrl: 'http://pwr.test', fetch }), sent };
}

/** The workbook's record sheet: every write recorded; `refuse` makes the n-th write fail as Excel would. */
function workbook(refuse: number[] = []) {
  const writes: SyncRecord[] = [];
  return {
    writes,
    host: {
      writeSyncRecord: async (r: SyncRecord): Promise<HostResult<void>> => {
        writes.push(r);
        return refuse.includes(writes.length) ? { ok: false, code: 'AccessDenied', message: 'Arkusz jest chroniony.' } as HostResult<void> : { ok: true, value: undefined };
      },
    },
  };
}

function input(over: Partial<SendReportInput> & Pick<SendReportInput, 'api' | 'host'>): SendReportInput {
  let n = 0;
  return { year: 2025, unitCode: 'BK', entries: [done, untouched], baseVersion: 4, record: { orgUnitCode: 'BK', year: 2025, version: 4, pending: null }, newKey: () => `key-${++n}-aaaaaaaa`, onFailure: () => {}, ...over };
}

describe('sendReport: a save from the workbook, recorded in the workbook', () => {
  it('records the key before sending, sends only touched entries on the base version, then records the new version', async () => {
    const { api, sent } = server({ status: 201, body: { version: 5, savedAt: '2025-02-01T10:00:00Z', savedBy: 'BK', replayed: false } });
    const { host, writes } = workbook();
    const outcome = await sendReport(input({ api, host }));
    expect(outcome).toEqual({ kind: 'saved', version: 5, savedAt: '2025-02-01T10:00:00Z', replayed: false });
    expect(sent).toEqual([{ body: { baseVersion: 4, entries: [done] }, key: 'key-1-aaaaaaaa' }]);
    expect(writes.map((w) => [w.version, w.pending?.key ?? null])).toEqual([[4, 'key-1-aaaaaaaa'], [5, null]]);
  });

  it('a retry of the same request reuses the recorded key and writes no new one', async () => {
    const first = server('offline');
    const wb = workbook();
    expect(await sendReport(input({ api: first.api, host: wb.host }))).toMatchObject({ kind: 'offline' });
    const pending = wb.writes[0]!; // what the workbook now holds: the key, still on version 4
    expect(pending).toMatchObject({ version: 4, pending: { key: 'key-1-aaaaaaaa' } });
    const again = server({ status: 200, body: { version: 5, savedAt: '2025-02-01T10:00:00Z', savedBy: 'BK', replayed: true } });
    const wb2 = workbook();
    expect(await sendReport(input({ api: again.api, host: wb2.host, record: pending }))).toMatchObject({ kind: 'saved', replayed: true });
    expect(again.sent[0]!.key).toBe('key-1-aaaaaaaa');
    expect(wb2.writes).toEqual([{ orgUnitCode: 'BK', year: 2025, version: 5, pending: null }]);
  });

  it('sends nothing when Excel cannot record the key', async () => {
    const { api, sent } = server({ status: 201 });
    const outcome = await sendReport(input({ api, host: workbook([1]).host }));
    expect(outcome).toEqual({ kind: 'blocked', message: 'Nie wysłano: Arkusz jest chroniony.' });
    expect(sent).toEqual([]);
  });

  it('says so when the server saved but Excel could not record the new version', async () => {
    const { api } = server({ status: 201, body: { version: 5, savedAt: '2025-02-01T10:00:00Z', savedBy: 'BK', replayed: false } });
    const outcome = await sendReport(input({ api, host: workbook([2]).host }));
    expect(outcome).toMatchObject({ kind: 'saved', version: 5 });
    expect(outcome.kind === 'saved' && outcome.unrecorded).toMatch(/^Skoroszyt nie zapamiętał nowej wersji: Arkusz jest chroniony\. Kliknij „Synchronizuj”/);
  });

  it('a conflict carries the server’s report and what differs', async () => {
    const { api } = server({ status: 409, body: { error: 'Sprawozdanie zmieniło się w międzyczasie.', code: 'stale_version', current } });
    const outcome = await sendReport(input({ api, host: workbook().host }));
    expect(outcome).toMatchObject({ kind: 'conflict', message: 'Sprawozdanie zmieniło się w międzyczasie.', current: { version: 5 } });
    expect(outcome.kind === 'conflict' && outcome.differences.length).toBeGreaterThan(0);
  });

  it('rejected rows come back with their problems; a 401 goes to the session', async () => {
    const problems = [{ activityId: 'I.1-01', field: 'actual', code: 'rule', message: 'brak wykonania' }];
    const rejected = server({ status: 422, body: { error: 'Sprawozdanie zawiera 1 błąd.', code: 'invalid', problems } });
    expect(await sendReport(input({ api: rejected.api, host: workbook().host }))).toEqual({ kind: 'rejected', message: 'Sprawozdanie zawiera 1 błąd.', problems });
    const heard: ApiOutcome<unknown>[] = [];
    const expired = server({ status: 401, body: { error: 'x', code: 'unauthorized' } });
    expect(await sendReport(input({ api: expired.api, host: workbook().host, onFailure: (o) => heard.push(o) }))).toMatchObject({ kind: 'error' });
    expect(heard.map((o) => o.kind)).toEqual(['unauthorized']);
  });
});

/**
 * The leak test: walks every refusal the API can answer, for every contract and every route, and
 * checks that what a user reads (`error` and every `problems[].message`) is Polish, carries no
 * English word from zod, multer, busboy, body-parser or Express, and no internal state code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS, type ReportEntry } from '@pwr-sync/shared';
import {
  client, createTestDb, fullReport, OPEN_YEAR, CLOSED_YEAR, pickUnits, resetOpenYear, startApp, upload, userToken,
  type ApiResponse, type TestApp, type TestDb,
} from '../../test/harness.ts';

const { unitA, unitB } = pickUnits();
const Y = OPEN_YEAR;

/** English words of zod, multer, busboy, body-parser and Express messages; none may reach a user. */
const ENGLISH = /\b(expected|received|invalid|Invalid|required|Required|undefined|NaN|Unexpected|unexpected|Unrecognized|unrecognized|Too (big|small|many)|Multipart|Boundary|boundary|Cannot|Not Found|Bad Request|Forbidden|Unauthorized|Payload|Internal Server|request entity|must|should|option|at least|at most|characters|Field|field value|File too large|Malformed|malformed)\b|LIMIT_[A-Z_]+|\bstring\b|\bnumber\b|\bboolean\b/;
/** Workflow state codes: the user reads „wersja robocza”, „przekazane”, „zwrócone”, „zaakceptowane”. */
const STATE_CODES = /\b(not_started|draft|submitted|returned|accepted)\b/;
/** Some Polish: a Polish letter or a common Polish word. */
const POLISH = /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]|\b(nie|jest|pole|Pole|podaj|Podaj|brak|Brak|za|Nie|wyślij|Uzupełnij)\b/;

/** Texts a user reads in a refusal. */
function texts(r: ApiResponse): string[] {
  const body = r.body as { error?: string; problems?: { message: string }[] } | string | null;
  if (!body || typeof body === 'string') return [String(body)];
  return [body.error ?? '', ...(body.problems ?? []).map((p) => p.message)];
}

interface Refusal { what: string; status: number; send: () => Promise<ApiResponse>; says?: RegExp }

describe('every refusal of the API is Polish, without library English or state codes', () => {
  let t: TestDb;
  let app: TestApp;
  let tiny: TestApp;
  let limited: TestApp;
  let tinyToken: string;
  let limitedToken: string;
  let anon: ReturnType<typeof client>;
  let unit: ReturnType<typeof client>;
  let unitBClient: ReturnType<typeof client>;
  let reviewer: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  let admin: ReturnType<typeof client>;
  let unitToken: string;
  let entries: ReportEntry[];
  const refusals: Refusal[] = [];
  const answered: { what: string; status: number; texts: string[] }[] = [];

  beforeAll(async () => {
    t = await createTestDb('pglite');
    app = await startApp(t.db);
    tiny = await startApp(t.db, { bodyLimit: '200b' });
    limited = await startApp(t.db, { rateLimitPerMinute: 1 });
    // Tokens of their own: the rate limit's counters live in the shared database, per token.
    tinyToken = await userToken(t.db, 'leak-tiny', 'unit_reporter', unitA);
    limitedToken = await userToken(t.db, 'leak-limited', 'unit_reporter', unitA);
    anon = client(app.url);
    unitToken = await userToken(t.db, 'leak-a', 'unit_reporter', unitA);
    unit = client(app.url, unitToken);
    unitBClient = client(app.url, await userToken(t.db, 'leak-b', 'unit_reporter', unitB));
    reviewer = client(app.url, await userToken(t.db, 'leak-rev', 'reviewer'));
    manager = client(app.url, await userToken(t.db, 'leak-mgr', 'manager'));
    admin = client(app.url, await userToken(t.db, 'leak-adm', 'admin'));
    await resetOpenYear(t.db);
    entries = fullReport((await unit('GET', API_PATHS.assignments(Y, unitA))).body.assignments);
  }, 60_000);
  afterAll(async () => {
    await tiny?.close();
    await limited?.close();
    await app?.close();
    await t?.close();
  });

  const add = (what: string, status: number, send: () => Promise<ApiResponse>, says?: RegExp) => refusals.push({ what, status, send, ...(says ? { says } : {}) });
  const U = (fn: (y: number, u: string) => string, u = unitA, y = Y) => fn(y, u);
  const entry = (over: Record<string, unknown> = {}) => ({ ...entries[0]!, ...over });
  const save = (body: unknown, headers: Record<string, string> = {}) => unit('PUT', U(API_PATHS.report), body, headers);

  // 401 on every route, 404 on an unknown path.
  const everyRoute: [string, string][] = [
    ['GET', API_PATHS.me], ['GET', API_PATHS.years], ['GET', API_PATHS.program], ['PUT', `/api/years/${Y}`],
    ['GET', U(API_PATHS.assignments)], ['GET', U(API_PATHS.report)], ['PUT', U(API_PATHS.report)], ['POST', U(API_PATHS.submit)],
    ['POST', U(API_PATHS.accept)], ['POST', U(API_PATHS.return)], ['POST', U(API_PATHS.reopen)], ['GET', U(API_PATHS.history)],
    ['GET', U(API_PATHS.template)], ['POST', U(API_PATHS.upload)], ['GET', API_PATHS.completeness(Y)], ['GET', API_PATHS.consolidated(Y)],
    ['GET', API_PATHS.workbook(Y)], ['GET', API_PATHS.reportDocx(Y)], ['GET', API_PATHS.annexTitle(Y)], ['PUT', API_PATHS.annexTitle(Y)],
  ];
  for (const [method, path] of everyRoute) add(`${method} ${path} without a token`, 401, () => anon(method, path), /token/);
  add('an unknown API path', 404, () => unit('GET', '/api/nie-ma'));
  add('a made-up token', 401, () => client(app.url, 'zmyslony-token-12345')('GET', API_PATHS.me));

  // 403: roles and units.
  add('a reporter writing another unit', 403, () => unit('PUT', U(API_PATHS.report, unitB), { baseVersion: 0, entries: [] }));
  add('a manager saving', 403, () => manager('PUT', U(API_PATHS.report), { baseVersion: 0, entries: [] }));
  add('a reporter reading another unit', 403, () => unit('GET', U(API_PATHS.report, unitB)));
  add("a reporter reading another unit's assignments", 403, () => unit('GET', U(API_PATHS.assignments, unitB)));
  add("a reporter reading another unit's history", 403, () => unit('GET', U(API_PATHS.history, unitB)));
  add("a reporter downloading another unit's template", 403, () => unit('GET', U(API_PATHS.template, unitB)));
  add('a reporter accepting', 403, () => unit('POST', U(API_PATHS.accept)));
  add('a manager returning', 403, () => manager('POST', U(API_PATHS.return), { comment: 'x' }));
  add('a reporter reading completeness', 403, () => unit('GET', API_PATHS.completeness(Y)));
  add('a reporter downloading the central workbook', 403, () => unit('GET', API_PATHS.workbook(Y)));
  add('a reporter downloading the annex', 403, () => unit('GET', API_PATHS.reportDocx(Y)));
  add("a reporter reading the annex's title", 403, () => unit('GET', API_PATHS.annexTitle(Y)));
  add("a manager changing the annex's title", 403, () => manager('PUT', API_PATHS.annexTitle(Y), { annexNumber: '3', parentReportTitle: 'x' }));
  add('a reviewer changing a year', 403, () => reviewer('PUT', `/api/years/${Y}`, { deadline: '2026-03-31' }));
  add('a reviewer moving a year on', 403, () => reviewer('POST', `/api/years/${Y}/phase`, { from: 'reporting', to: 'closed' }));
  add('a reporter uploading for another unit', 403, () => upload(app.url + U(API_PATHS.upload, unitB), unitToken, Buffer.from('x')));
  add('saving an activity of another unit', 403, async () => {
    const other = fullReport((await unitBClient('GET', U(API_PATHS.assignments, unitB))).body.assignments)[0]!;
    return save({ baseVersion: 0, entries: [other] });
  });

  // Params.
  add('a year that is not a number', 400, () => unit('GET', `/api/years/abc/units/${encodeURIComponent(unitA)}/report`), /rok/);
  add('a year out of range', 400, () => unit('GET', U(API_PATHS.report, unitA, 1999)), /rok/);
  add('a malformed unit code', 400, () => unit('GET', `/api/years/${Y}/units/ma%C5%82e/report`), /jednostka/);
  add('an unknown unit', 404, () => admin('GET', U(API_PATHS.report, 'NIEMA')));
  add('a year not in the system', 404, () => admin('GET', U(API_PATHS.report, unitA, 2030)));
  add('broken %-encoding in the path', 400, () => unit('GET', `/api/years/${Y}/units/%E0%A4%A/report`));

  // Bodies of every contract.
  add('malformed JSON', 400, () => save('{"baseVersion": 0,'), /JSON/);
  add('an unsupported charset', 415, () => save('{}', { 'content-type': 'application/json; charset=latin-9' }));
  add('an unsupported content encoding', 415, () => save('{}', { 'content-encoding': 'x-nieznane' }));
  add('a body over the limit', 413, () => client(tiny.url, tinyToken)('PUT', U(API_PATHS.report), { baseVersion: 0, entries: [], pad: 'x'.repeat(500) }), /za duża/);
  add('save: empty body', 400, () => save({}), /wersja bazowa/);
  add('save: base version as text', 400, () => save({ baseVersion: 'pierwsza', entries: [] }), /wersja bazowa/);
  add('save: negative base version', 400, () => save({ baseVersion: -1, entries: [] }), /wersja bazowa/);
  add('save: fractional base version', 400, () => save({ baseVersion: 1.5, entries: [] }), /całkowitą/);
  add('save: entries not a list', 400, () => save({ baseVersion: 0, entries: 'wszystko' }), /listą/);
  add('save: too many entries', 400, () => save({ baseVersion: 0, entries: Array(1001).fill(entry()) }), /najwyżej/);
  add('save: an unknown status', 400, () => save({ baseVersion: 0, entries: [entry({ status: 'done' })] }), /dozwolone: realized/);
  add('save: a malformed activity id', 400, () => save({ baseVersion: 0, entries: [entry({ activityId: 'x' })] }), /identyfikator działania/);
  add('save: a measure value as text', 400, () => save({ baseVersion: 0, entries: [entry({ actual: { measures: [{ kind: 'uczestnik', value: '12' }] } })] }), /wartość miary/);
  add('save: a fractional count', 400, () => save({ baseVersion: 0, entries: [entry({ actual: { measures: [{ kind: 'uczestnik', value: 1.234 }] } })] }), /liczba uczestników musi być całkowita/);
  add('save: an unknown measure kind', 400, () => save({ baseVersion: 0, entries: [entry({ actual: { measures: [{ kind: 'słoń', value: 1 }] } })] }), /rodzaj miary/);
  add('save: a negative measure', 400, () => save({ baseVersion: 0, entries: [entry({ actual: { measures: [{ kind: 'uczestnik', value: -1 }] } })] }), /wartość miary/);
  add('save: a measure without a value', 400, () => save({ baseVersion: 0, entries: [entry({ actual: { measures: [{ kind: 'uczestnik' }] } })] }), /uzupełnij pole „wartość miary”/);
  add('save: money as text', 400, () => save({ baseVersion: 0, entries: [entry({ moneySpent: ['100 zł'] })] }), /kwota/);
  add('save: fractional grosze', 400, () => save({ baseVersion: 0, entries: [entry({ moneySpent: [1.5] })] }), /kwota/);
  add('save: a comment that is not text', 400, () => save({ baseVersion: 0, entries: [entry({ comment: 5 })] }), /komentarz do działania/);
  add('save: a comment too long', 400, () => save({ baseVersion: 0, entries: [entry({ comment: 'k'.repeat(2001) })] }), /znaków/);
  add('save: a report that breaks the rules', 422, () => save({ baseVersion: 0, entries: [entry({ status: 'cancelled', comment: '' })] }));
  add('save: an activity given twice', 422, () => save({ baseVersion: 0, entries: [entry(), entry()] }));
  add('save: an unknown activity', 422, () => save({ baseVersion: 0, entries: [entry({ activityId: 'IV.9-99' })] }));
  add('save: a stale base version', 409, () => save({ baseVersion: 7, entries }));
  add('save: a malformed Idempotency-Key', 400, () => save({ baseVersion: 0, entries }, { 'idempotency-key': 'krótki' }), /nagłówek Idempotency-Key/);
  add('save: a closed year', 409, () => admin('PUT', U(API_PATHS.report, unitA, CLOSED_YEAR), { baseVersion: 1, entries: [] }), /zamknięty/);
  add('submit: version as text', 400, () => unit('POST', U(API_PATHS.submit), { version: 'ostatnia' }), /wersja/);
  add('submit: an unknown field', 400, () => unit('POST', U(API_PATHS.submit), { wersja: 1 }), /Dozwolone pola: version/);
  add('submit: nothing saved yet', 422, () => unit('POST', U(API_PATHS.submit)));
  add('accept: an unknown field', 400, () => reviewer('POST', U(API_PATHS.accept), { ok: true }), /Nieznane pole „ok” — usuń je z żądania. Dozwolone pola: version./);
  add('accept: a report not handed in', 409, () => reviewer('POST', U(API_PATHS.accept)), /nierozpoczęte/);
  add('return: no comment', 400, () => reviewer('POST', U(API_PATHS.return), {}), /Podaj komentarz dla jednostki/);
  add('return: a blank comment', 400, () => reviewer('POST', U(API_PATHS.return), { comment: '   ' }), /Podaj komentarz dla jednostki/);
  add('return: a comment that is not text', 400, () => reviewer('POST', U(API_PATHS.return), { comment: 5 }), /komentarz dla jednostki/);
  add('reopen: a note that is not text', 400, () => reviewer('POST', U(API_PATHS.reopen), { comment: 5 }), /komentarz dla jednostki/);
  add('year: the phase through PUT', 400, () => admin('PUT', `/api/years/${Y}`, { status: 'closed' }), /Dozwolone pola: deadline, planningDeadline, policy/);
  add('year: an unknown phase', 400, () => admin('POST', `/api/years/${Y}/phase`, { from: 'reporting', to: 'zamknięty' }), /dozwolone: planning, reporting, closed/);
  add('year: a jump over a phase', 422, () => admin('POST', `/api/years/${Y + 1}/phase`, { from: 'planning', to: 'closed' }), /planowanie → sprawozdawczość → zamknięty/);
  add('year: a stale phase move', 409, () => admin('POST', `/api/years/${Y}/phase`, { from: 'planning', to: 'reporting' }), /ktoś zmienił fazę/);
  add('year: an undo without a reason', 400, () => admin('POST', `/api/years/${Y}/phase/undo`, {}), /Podaj powód cofnięcia/);
  add('year: nothing to undo', 409, () => admin('POST', `/api/years/${Y}/phase/undo`, { reason: 'test' }), /nie miał jeszcze żadnej zmiany fazy/);
  add('year: started twice', 409, () => admin('POST', '/api/years', { year: Y }), /już istnieje/);
  add('year: outside every program', 422, () => admin('POST', '/api/years', { year: 2040 }), /Żaden program nie obejmuje roku 2040/);
  add('year: a malformed deadline', 400, () => admin('PUT', `/api/years/${Y}`, { deadline: '31.03.2025' }), /RRRR-MM-DD/);
  add('year: month 13', 400, () => admin('PUT', `/api/years/${Y}`, { deadline: '2025-13-45' }), /nie ma takiego dnia/);
  add('year: a day not in the calendar', 400, () => admin('PUT', `/api/years/${Y}`, { deadline: '2025-02-30' }), /nie ma takiego dnia/);
  add('year: thresholds out of order', 400, () => admin('PUT', `/api/years/${Y}`, { policy: { farBelow: 0.9, onPlanFrom: 0.5, farAboveOver: 1.5 } }), /progi/);
  add('year: a threshold that is not a number', 400, () => admin('PUT', `/api/years/${Y}`, { policy: { farBelow: 'pół', onPlanFrom: 0.9, farAboveOver: 1.5 } }), /próg/);
  add('annex title: missing fields', 400, () => reviewer('PUT', API_PATHS.annexTitle(Y), {}));
  add('annex title: an unknown field', 400, () => reviewer('PUT', API_PATHS.annexTitle(Y), { annexNumber: '3', parentReportTitle: 'x', kolor: 'zielony' }));
  add('annex: summary not true/false', 400, () => reviewer('GET', `${API_PATHS.reportDocx(Y)}?summary=tak`), /dozwolone: true, false/);

  // Filters of the consolidated view.
  const filter = (q: string) => manager('GET', `${API_PATHS.consolidated(Y)}?${q}`);
  add('filter: an unknown area', 400, () => filter('area=V'), /dozwolone: I, II, III, IV/);
  add('filter: an unknown band', 400, () => filter('band=źle'), /dozwolone: far_below, below, on_plan, far_above, not_realized, no_target, /);
  add('filter: an unknown status', 400, () => filter('status=zrobione'), /dozwolone: realized/);
  add('filter: an unknown task', 400, () => filter('task=I.99'), /nieznana wartość „I.99” — dozwolone: I.1/);
  add('filter: an unknown unit', 400, () => filter('unit=NIEMA'), /nieznana wartość „NIEMA” — dozwolone:/);
  add('filter: a ratio that is not a number', 400, () => filter('ratioBelow=dużo'), /wykonanie poniżej/);
  add('filter: an ambiguous ratio', 400, () => filter('ratioBelow=1.234'), /niejednoznaczny/);
  add('filter: a negative ratio', 400, () => filter('ratioAbove=-1'), /co najmniej 0/);
  add('filter: withMoney not true/false', 400, () => filter('withMoney=tak'), /dozwolone: true, false/);
  add('filter: an unknown parameter', 400, () => filter('kolor=zielony'), /Dozwolone pola: area, task, unit, band, status, ratioBelow, ratioAbove, withMoney/);

  // Uploads (multipart form, field "file").
  const up = (file: Buffer | null, fields: Record<string, string> = {}, headers: Record<string, string> = {}) => upload(app.url + U(API_PATHS.upload), unitToken, file, fields, headers);
  add('upload: no file', 400, () => up(null), /„file”/);
  add('upload: the file in another form field', 400, async () => {
    const form = new FormData();
    form.append('plik', new Blob([new Uint8Array([1, 2, 3])]), 'a.xlsx');
    const res = await fetch(app.url + U(API_PATHS.upload), { method: 'POST', body: form, headers: { authorization: `Bearer ${unitToken}` } });
    return { status: res.status, body: await res.json(), headers: res.headers };
  }, /„plik” — wyślij jeden plik w polu „file”/);
  add('upload: two files', 400, async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([1])]), 'a.xlsx');
    form.append('file', new Blob([new Uint8Array([2])]), 'b.xlsx');
    const res = await fetch(app.url + U(API_PATHS.upload), { method: 'POST', body: form, headers: { authorization: `Bearer ${unitToken}` } });
    return { status: res.status, body: await res.json(), headers: res.headers };
  }, /jeden plik/);
  add('upload: not multipart', 400, () => unit('POST', U(API_PATHS.upload), 'x', { 'content-type': 'multipart/form-data; boundary=zzz' }));
  add('upload: a file over 5 MB', 413, () => up(Buffer.alloc(5 * 1024 * 1024 + 10)), /„file”.*za duży/);
  add('upload: base version as text', 400, () => up(Buffer.from('x'), { baseVersion: 'pierwsza' }), /wersja bazowa/);
  add('upload: a malformed Idempotency-Key', 400, () => up(Buffer.from('x'), {}, { 'idempotency-key': 'a b' }), /nagłówek Idempotency-Key/);
  add('upload: not an .xlsx', 400, () => up(Buffer.from('to nie jest arkusz')), /skoroszytem Excel/);

  // Rate limit (the small app allows one request a minute per token).
  add('too many requests', 429, async () => {
    const c = client(limited.url, limitedToken);
    await c('GET', API_PATHS.me);
    return c('GET', API_PATHS.me);
  }, /Za dużo żądań/);

  it('walks every refusal', async () => {
    const wrong: string[] = [];
    for (const r of refusals) {
      const res = await r.send();
      const said = texts(res);
      answered.push({ what: r.what, status: res.status, texts: said });
      if (res.status !== r.status) wrong.push(`${r.what}: status ${res.status}, not ${r.status}: ${said.join(' | ')}`);
      for (const text of said) {
        if (ENGLISH.test(text)) wrong.push(`${r.what}: English: ${text}`);
        if (STATE_CODES.test(text)) wrong.push(`${r.what}: a state code: ${text}`);
        if (!POLISH.test(text)) wrong.push(`${r.what}: not Polish: ${text}`);
      }
      if (r.says && !r.says.test(said.join(' | '))) wrong.push(`${r.what}: does not say ${r.says}: ${said.join(' | ')}`);
    }
    expect(wrong).toEqual([]);
    expect(answered.length).toBe(refusals.length);
  }, 120_000);

  it('names the header, not the body, for a header problem; the form field for an upload problem', async () => {
    const header = await save({ baseVersion: 0, entries }, { 'idempotency-key': 'krótki' });
    expect(header.status).toBe(400);
    expect(header.body.problems.map((p: { field: string }) => p.field)).toEqual(['Idempotency-Key']);
    expect(header.body.error).toMatch(/^Pole „nagłówek Idempotency-Key”/);
    const form = new FormData();
    form.append('plik', new Blob([new Uint8Array([1, 2, 3])]), 'a.xlsx');
    const res = await fetch(app.url + U(API_PATHS.upload), { method: 'POST', body: form, headers: { authorization: `Bearer ${unitToken}` } });
    const body = await res.json() as { error: string; problems?: { field: string }[] };
    expect(res.status).toBe(400);
    expect(body.error).toBe('Nieoczekiwany plik w polu formularza „plik” — wyślij jeden plik w polu „file”.');
    expect(JSON.stringify(body)).not.toMatch(/LIMIT_|"body"/);
  });

  it('the workflow refusals name states in the user words', async () => {
    expect((await unit('PUT', U(API_PATHS.report), { baseVersion: 0, entries })).status).toBe(201);
    const incomplete = entries.map((e, i) => (i === 0 ? { ...e, status: null } : e));
    expect((await unit('PUT', U(API_PATHS.report), { baseVersion: 1, entries: incomplete })).status).toBe(201);
    const refused = await unit('POST', U(API_PATHS.submit));
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('Sprawozdania nie można przekazać: 1 brakująca lub błędna pozycja. Popraw ją i przekaż ponownie.');
    expect((await reviewer('POST', U(API_PATHS.accept))).body.error).toBe('Nie można zaakceptować sprawozdania o stanie „wersja robocza”.');
    expect((await unit('PUT', U(API_PATHS.report), { baseVersion: 2, entries })).status).toBe(201);
    expect((await unit('POST', U(API_PATHS.submit))).status).toBe(200);
    const again = await unit('POST', U(API_PATHS.submit));
    expect(again.body.error).toBe('Nie można przekazać sprawozdania o stanie „przekazane” — jest już u weryfikatora lub zostało zaakceptowane.');
    const locked = await unit('PUT', U(API_PATHS.report), { baseVersion: 3, entries });
    expect(locked.status).toBe(423);
    for (const text of [...texts(refused), ...texts(again), ...texts(locked)]) {
      expect(text).not.toMatch(ENGLISH);
      expect(text).not.toMatch(STATE_CODES);
    }
    await resetOpenYear(t.db);
  });
});

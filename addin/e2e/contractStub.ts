/**
 * A stand-in sync server, used by the end-to-end test ONLY while sync-server/src/main.ts does not
 * exist yet. It answers the contract paths (shared/api/contracts.ts) from memory, validating bodies
 * with the shared schemas, and serves addin/dist at /addin/. Delete once the real server is in.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { API_PATHS, DEFAULT_VARIANCE_POLICY, SaveReportRequestSchema, type Assignment, type UnitReport } from '@pwr-sync/shared';

export const STUB_TOKEN = 'demo-unit-token';
const UNIT = 'MOPS/PRZ/08';
const YEAR = 2025;
const rep = [{ orgUnitCode: UNIT, role: 'reporting' as const }];
const assignments: Assignment[] = [
  { activity: { id: 'I.1-01', taskCode: 'I.1', subsection: null, name: 'Spotkania grup wsparcia dla rodziców', responsibleUnits: rep }, plan: { kind: 'target', measures: [{ kind: 'spotkanie', value: 20 }, { kind: 'uczestnik', value: 200 }] }, role: 'reporting' },
  { activity: { id: 'I.1-02', taskCode: 'I.1', subsection: null, name: 'Konsultacje rodzinne w punktach MOPS', responsibleUnits: rep }, plan: { kind: 'target', measures: [{ kind: 'uczestnik', value: 120 }] }, role: 'reporting' },
  { activity: { id: 'II.2-03', taskCode: 'II.2', subsection: null, name: 'Kampania informacyjna o wsparciu rodzin', responsibleUnits: rep }, plan: { kind: 'descriptive', measures: [] }, role: 'reporting' },
];

export function startStub(port: number, addinDir: string): Promise<Server> {
  let report: UnitReport = { year: YEAR, orgUnitCode: UNIT, version: 0, state: 'not_started', savedAt: null, savedBy: null, reviewComment: null, entries: [] };
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/addin/')) {
      const file = normalize(join(addinDir, url.pathname.slice('/addin/'.length)));
      try {
        const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.png': 'image/png', '.css': 'text/css', '.map': 'application/json' };
        return res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
      } catch {
        return res.writeHead(404).end();
      }
    }
    if (req.headers.authorization !== `Bearer ${STUB_TOKEN}`) return json(res, 401, { error: 'brak lub nieprawidłowy token', code: 'unauthorized' });
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
    const p = url.pathname;
    if (p === API_PATHS.me) return json(res, 200, { user: { id: 'u1', name: 'Anna Nowak', role: 'unit_reporter', orgUnitCode: UNIT }, orgUnit: { code: UNIT, name: 'MOPS — Dział Pomocy Rodzinie nr 8', kind: 'mops', aliases: [] } });
    if (p === API_PATHS.years) return json(res, 200, [{ year: YEAR, status: 'open', deadline: `${YEAR + 1}-02-28`, policy: DEFAULT_VARIANCE_POLICY }]);
    if (p === API_PATHS.program) return json(res, 200, { areas: [{ code: 'I', title: 'Obszar I' }, { code: 'II', title: 'Obszar II' }], tasks: [{ code: 'I.1', area: 'I', kind: 'basic', title: 'Zadanie I.1', linkedTo: [], subsections: [] }, { code: 'II.2', area: 'II', kind: 'complementary', title: 'Zadanie II.2', linkedTo: [], subsections: [] }], orgUnits: [] });
    if (p === API_PATHS.assignments(YEAR, UNIT)) return json(res, 200, { year: YEAR, orgUnitCode: UNIT, assignments });
    if (p === API_PATHS.report(YEAR, UNIT) && req.method === 'GET') return json(res, 200, report);
    if (p === API_PATHS.report(YEAR, UNIT) && req.method === 'PUT') {
      const parsed = SaveReportRequestSchema.safeParse(body);
      if (!parsed.success) return json(res, 422, { error: 'nieprawidłowe dane', code: 'validation', problems: parsed.error.issues.map((i) => ({ field: i.path.join('.'), code: i.code, message: i.message })) });
      if (parsed.data.baseVersion !== report.version) return json(res, 409, { error: 'Ktoś zapisał nowszą wersję sprawozdania.', code: 'version_conflict', current: report });
      const savedBy = req.headers['x-stub-user'] === 'other' ? 'Jan Kowalski' : 'Anna Nowak';
      report = { ...report, version: report.version + 1, state: report.state === 'returned' ? 'returned' : 'draft', savedAt: new Date().toISOString(), savedBy, entries: parsed.data.entries };
      return json(res, 200, { version: report.version, savedAt: report.savedAt, savedBy, replayed: false });
    }
    if (p === API_PATHS.submit(YEAR, UNIT) && req.method === 'POST') {
      report = { ...report, state: 'submitted' };
      return json(res, 200, report);
    }
    json(res, 404, { error: 'nie ma takiej ścieżki', code: 'not_found' });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

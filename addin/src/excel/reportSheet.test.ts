import { describe, expect, it } from 'vitest';
import { BAND_ORDER, REPORT_SHEET_COLUMNS, VARIANCE_BAND_LABELS, reportSheetColumnIndex, reportSheetName } from '@pwr-sync/shared';
import { openReportSheet } from './reportSheet.ts';
import { createReviewHost } from './reviewHost.ts';
import { createMockReviewExcel } from './testing/mockReviewExcel.ts';
import { makeReviewView } from './testing/reviewViewFixture.ts';

const NAME = 'Biblioteka Kraków (BK)';
const col = reportSheetColumnIndex;
/** Body rows 8–11: two measures of each of the two activities. */
const BODY = `${NAME}!A8:S11`;

describe('openReportSheet („Otwórz jako arkusz”)', () => {
  it('writes the unit\'s report as a sheet named by the unit, in two syncs', async () => {
    const x = createMockReviewExcel();
    const view = makeReviewView();
    expect(await openReportSheet(x.ctx, { view, year: 2024, unit: 'BK' })).toEqual({ sheet: NAME });
    expect(x.log).toContainEqual(['worksheets.add', NAME]);
    const title = x.range(`${NAME}!A1:A5`).values.map((r: unknown[]) => r[0]);
    expect(title[0]).toBe('Sprawozdanie: Biblioteka Kraków — rok 2024 · kod jednostki BK');
    expect(title[1]).toMatch(/^przekazane · wersja 4 · zapisał\(a\) Anna Nowak, 1 lutego 2025, 10:30$/);
    expect(title[2]).toMatch(/^Od wersji 2, którą oglądałeś\(-aś\) ostatnio, zmieniono 1 działanie/);
    expect(title[3]).toBe('Uwaga ogólna: Uzupełnij liczby.');
    expect(x.range(`${NAME}!A7:S7`).values[0]).toEqual(REPORT_SHEET_COLUMNS.map((c) => c.header));
    expect(x.syncs()).toBe(2);
  });

  it('shows every activity with plan, figures, status, the unit\'s texts, the reviewer\'s comments; user text stays text', async () => {
    const x = createMockReviewExcel();
    const view = makeReviewView();
    await openReportSheet(x.ctx, { view, year: 2024, unit: 'BK' });
    const body = x.range(BODY).values as unknown[][];
    expect(body).toHaveLength(4);
    const [r1, r2, r3] = body as unknown[][];
    expect(r1![col('activityId')]).toBe(view.activities[0]!.activityId);
    expect(r1![col('plan')]).toBe(20);
    expect(r1![col('status')]).toBe('zrealizowane');
    expect(r1![col('comment')]).toBe("'=SUMA(A1)"); // never a formula
    expect(r1![col('actualText')]).toBe('14 spotkań');
    expect(r1![col('scopeDescription')]).toBe('Spotkania w dzielnicach');
    expect(r1![col('reviewComments')]).toContain('• Proszę podać liczbę spotkań. [rozwiązana (poprawiono w wersji 4)]');
    expect(r1![col('reviewComments')]).toContain('↳ Anna Nowak, 21 stycznia 2025, 09:00: Poprawione.');
    // Activity-level texts once, on the activity's first row.
    expect(r2![col('status')]).toBe('');
    expect(r2![col('reviewComments')]).toBe('');
    expect(r3![col('activityId')]).toBe(view.activities[1]!.activityId);
    expect(x.range(BODY).numberFormat[2][col('actual')]).toBe('#,##0.00'); // 17,5
  });

  it('bands by formulas over the thresholds, coloured by the band cell; „brak danych” has no band formula', async () => {
    const x = createMockReviewExcel();
    await openReportSheet(x.ctx, { view: makeReviewView(), year: 2024, unit: 'BK' });
    const f = x.range(`${NAME}!I8:K11`).formulas as unknown[][];
    expect(f[0]).toEqual([
      '=IF(ISNUMBER(H8),H8-G8,"")',
      '=IF(AND(ISNUMBER(H8),ISNUMBER(G8),G8>0),H8/G8,"")',
      '=IF(ISNUMBER(J8),IF(J8<ProgDalekoPonizej,"znacznie poniżej planu",IF(J8<ProgZgodnieOd,"poniżej planu",IF(J8>ProgDalekoPowyzej,"znacznie powyżej planu","zgodnie z planem"))),"")',
    ]);
    expect(f[1]).toEqual(['', '', 'brak danych']);
    expect(f[2]![2]).toMatch(/^=IF\(ISNUMBER\(J10\),/);
    type Cf = { custom: { rule: { formula: string } } };
    const rules = x.log.filter((l) => l[0] === 'conditionalFormats.add').map((l) => [l[1], (l[3] as Cf).custom.rule.formula]);
    expect(rules).toEqual(BAND_ORDER.map((b) => [`${NAME}!I8:K11`, `=$K8="${VARIANCE_BAND_LABELS[b]}"`]));
    expect(x.log.filter((l) => l[0] === 'names.add').map((l) => l[2])).toEqual(['Ustawienia!B4', 'Ustawienia!B5', 'Ustawienia!B6']);
  });

  it('marks what changed since the version the reviewer last saw, with what it said before', async () => {
    const x = createMockReviewExcel();
    await openReportSheet(x.ctx, { view: makeReviewView(), year: 2024, unit: 'BK' });
    const body = x.range(BODY).values as unknown[][];
    expect(body.map((r) => r[col('change')])).toEqual(['zmieniono', 'zmieniono', '', '']);
    expect(body[0]![col('before')]).toBe('zrealizowane · 10 spotkań · stary komentarz');
    expect(body[1]![col('before')]).toBe('');
    // Both rows of the changed activity tinted; the unchanged activity not.
    const tinted = x.ranges.filter((r) => r.mock.format?.fill?.color === '#FCE4D6').map((r) => r.address);
    expect(tinted).toEqual([`${NAME}!A8:S8`, `${NAME}!A9:S9`]);
  });

  it('is read-only and rewrites the unit\'s existing sheet in place', async () => {
    const x = createMockReviewExcel({ sheets: [NAME] });
    await openReportSheet(x.ctx, { view: makeReviewView(), year: 2024, unit: 'BK' });
    expect(x.log.some((l) => l[0] === 'worksheets.add' && l[1] === NAME)).toBe(false);
    const order = x.log.map((l) => l[0]);
    expect(order.indexOf(`${NAME}!unprotect`)).toBeLessThan(order.indexOf(`clear ${NAME}!A:S`));
    expect(x.log).toContainEqual([`${NAME}!protect`, { allowFormatColumns: true, allowFormatRows: true }]);
    expect(order.at(-1)).toBe(`${NAME}!activate`);
    expect(x.log).toContainEqual([`${NAME}!setPrintTitleRows`, '$7:$7']);
  });

  it('reports a failure through the host in Polish', async () => {
    const x = createMockReviewExcel({ failOn: `${NAME}!protect` });
    const host = createReviewHost((batch) => batch(x.ctx));
    const r = await host.openReportSheet({ view: makeReviewView(), year: 2024, unit: 'BK' });
    expect(r).toMatchObject({ ok: false, code: 'GeneralException' });
    expect(!r.ok && r.message).toMatch(/Excel/);
    expect(x.ctx.runtime.enableEvents).toBe(true);
  });
});

describe('reportSheetName', () => {
  it('names the sheet by the unit, code kept, within Excel\'s 31 characters and allowed characters', () => {
    expect(reportSheetName('Biblioteka Kraków', 'BK')).toBe('Biblioteka Kraków (BK)');
    const long = reportSheetName('Miejski Ośrodek Pomocy Społecznej w Krakowie', 'MOPS/PRZ/08');
    expect(long).toBe('Miejski Ośrodek… (MOPS-PRZ-08)');
    expect(long.length).toBeLessThanOrEqual(31);
    expect(reportSheetName('Dom [Pomocy]: *?', 'X')).toBe('Dom -Pomocy-- -- (X)');
  });
});

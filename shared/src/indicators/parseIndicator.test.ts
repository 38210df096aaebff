import { describe, expect, it } from 'vitest';
import { parseIndicatorText } from './parseIndicator.ts';

const NBSP = '\u00a0';
const plan = (text: string) => parseIndicatorText(text, { role: 'plan', year: 2024 });
const actual = (text: string) => parseIndicatorText(text, { role: 'actual', year: 2024 });
const short = (text: string, role: 'plan' | 'actual' = 'actual') =>
  parseIndicatorText(text, { role, year: 2024 }).measures.map((m) => [m.value, m.kind, m.qualifier ?? '']);

describe('parseIndicatorText finds measures', () => {
  it.each([
    ['20 spotkań, 200 uczestników', [[20, 'spotkanie', ''], [200, 'uczestnik', '']]],
    ['4 spotkania, 82 uczestników', [[4, 'spotkanie', ''], [82, 'uczestnik', '']]],
    ['10 900 usług poradnictwa rodzinnego i terapii', [[10900, 'usługa', 'poradnictwa rodzinnego i terapii']]],
    [`10${NBSP}900 usług`, [[10900, 'usługa', '']]],
    ['10\u202f900 usług', [[10900, 'usługa', '']]],
    ['4 877,29 godzin usługi', [[4877.29, 'godzina', 'usługi']]],
    ['15,48 etatu doradców zawodowych w szkołach/placówkach, 8,55 etatu w Krakowskim Ośrodku Kariery',
      [[15.48, 'etat', 'doradców zawodowych w szkołach/placówkach'], [8.55, 'etat', 'w Krakowskim Ośrodku Kariery']]],
    ['2 208uczestników', [[2208, 'uczestnik', '']]],
    ['60 przyznanych certyfikatów, w tym11 statuetek', [[60, 'certyfikat', 'przyznanych'], [11, 'statuetka', '']]],
    ['18 000 „polubień”', [[18000, 'polubienie', '']]],
    ['51 264 „polubienia”', [[51264, 'polubienie', '']]],
    ['20 000 „wejść” na zajęcia', [[20000, 'wejście', 'na zajęcia']]],
    ['100 wypłaconych świadczeń', [[100, 'świadczenie', 'wypłaconych']]],
    ['18 916wypłaconych świadczeń', [[18916, 'świadczenie', 'wypłaconych']]],
    ['50 spotkań,445 uczestników', [[50, 'spotkanie', ''], [445, 'uczestnik', '']]],
    ['50 rodzin, które skorzystały z usługi', [[50, 'rodzina', 'które skorzystały z usługi']]],
    ['9 szkół –zajęcia szachowe, 22 szkoły – inne zajęcia pozalekcyjne', [[9, 'szkoła', 'zajęcia szachowe'], [22, 'szkoła', 'inne zajęcia pozalekcyjne']]],
    ['5 szkół/placówek', [[5, 'szkoła', 'szkół/placówek']]],
    ['527 uczestników zajęć oraz 490 uczestników pikniku rodzinnego', [[527, 'uczestnik', 'zajęć'], [490, 'uczestnik', 'pikniku rodzinnego']]],
    ['liczba młodzieży biorącej udział w programach - 261', [[261, 'młodzież', 'biorącej udział w programach']]],
    ['1 wydarzenie', [[1, 'wydarzenie', '']]],
    ['2 Kluby', [[2, 'klub', '']]],
    ['w 15 placówkach samorządowych', [[15, 'placówka', 'samorządowych']]],
    ['45 absolwentów edycji 2023/2024', [[45, 'absolwent', 'edycji 2023/2024']]],
    ['5 700 rodzin korzystających z KKR 3+', [[5700, 'rodzina', 'korzystających z KKR 3+']]],
    ['dla 2006 dzieci', [[2006, 'dziecko', '']]],
    ['232 etaty pedagogów w poradniach psychologiczno- pedagogicznych', [[232, 'etat', 'pedagogów w poradniach psychologiczno- pedagogicznych']]],
  ])('%j', (text, expected) => {
    const r = actual(text);
    expect(r.measures.map((m) => [m.value, m.kind, m.qualifier ?? ''])).toEqual(expected);
    expect(r.unparsed).toEqual([]);
  });

  it('keeps a kind named several times apart by the text before the dash or the preceding measure', () => {
    expect(short('51 warsztatów, 516 uczestników, gra terenowa – 25 uczestników, 4 spotkania z szopkarzami – 132 uczestników')).toEqual([
      [51, 'warsztat', ''],
      [516, 'uczestnik', ''],
      [25, 'uczestnik', 'gra terenowa'],
      [4, 'spotkanie', 'z szopkarzami'],
      [132, 'uczestnik', 'spotkania z szopkarzami'],
    ]);
    expect(short('1 040 zajęć, 600 uczestników, 50 warsztatów tematycznych, 800 uczestników', 'plan')).toEqual([
      [1040, 'zajęcia', ''],
      [600, 'uczestnik', ''],
      [50, 'warsztat', 'tematycznych'],
      [800, 'uczestnik', 'warsztatów tematycznych'],
    ]);
    expect(short('„Trzymaj formę” – 100 szkół i placówek, „Mamo, Tato wolę wodę” – 124 szkół i placówek')).toEqual([
      [100, 'szkoła', '„Trzymaj formę”: i placówek'],
      [124, 'szkoła', '„Mamo, Tato wolę wodę”: i placówek'],
    ]);
  });

  it('leaves a long remark after a dash in the remainder, not in the qualifier', () => {
    const r = actual('3 spotkania, 24 uczestników - zajęcia zrealizowano w ramach Klubu Rodzica w ARTzonie');
    expect(short(r.remainder)).toEqual([]);
    expect(r.measures).toEqual([{ kind: 'spotkanie', value: 3 }, { kind: 'uczestnik', value: 24 }]);
    expect(r.remainder).toBe('zajęcia zrealizowano w ramach Klubu Rodzica w ARTzonie');
    expect(r.status).toBe('realized');
  });
});

describe('numbers that are not measures', () => {
  it.each([
    ['wydarzenie nie było realizowane w 2024 roku', [['2024', 'year']]],
    ['W 2024 r. zajęcia były prowadzone', [['2024', 'year']]],
    ['program na lata 2022-2024', [['2022', 'year'], ['2024', 'year']]],
    ['Informator Krakowskiej Rodziny 2024 został udostępniony on-line', [['2024', 'year']]],
    ['dzieci do 18 roku życia', [['18', 'age']]],
    ['dzieci do lat 3', [['3', 'age']]],
    ['dzieci w wieku 3-6 lat', [['3', 'age'], ['6', 'age']]],
    ['spotkanie 12.05.2024', [['12', 'date'], ['05', 'date'], ['2024', 'date']]],
    ['piknik 15 maja', [['15', 'date']]],
    ['program „5 porcji warzyw”', [['5', 'name']]],
    ['Usługa Publiczna W-2', [['2', 'name']]],
    ['karta KKR 3+', [['3', 'name']]],
    ['uchwała nr 12', [['12', 'name']]],
    ['3. edycja konkursu', [['3', 'ordinal']]],
  ])('%j', (text, expected) => {
    const r = actual(text);
    expect(r.measures).toEqual([]);
    expect(r.ignored.map((i) => [i.text, i.category])).toEqual(expected);
    expect(r.unparsed).toEqual([]);
  });

  it.each([
    ['wzrost o 15 %', '15 %'],
    ['12 porcji', '12 porcji'],
    ['koszt 300 zł', '300 zł'],
  ])('%j: an unknown number goes to unparsed', (text, snippet) => {
    const r = actual(text);
    expect(r.measures).toEqual([]);
    expect(r.unparsed).toEqual([snippet]);
  });
});

describe('plan kind', () => {
  it.each([
    ['przedsięwzięcie włączone do Programu w 2024 roku', 'new_activity', 2024],
    ['przedsięwzięcie włączone do Programu w 2022 roku', 'new_activity', 2022],
    ['wydarzenie włączone do programu w 2023 roku', 'new_activity', 2023],
    ['działanie włączone do Programu w 2022 roku', 'new_activity', 2022],
    ['10 spektakli', 'target', undefined],
    ['promocyjny wstęp na wystawy', 'descriptive', undefined],
    ['', 'descriptive', undefined],
  ])('%j → %s', (text, kind, since) => {
    const r = plan(text);
    expect(r.planKind).toBe(kind);
    expect(r.sinceYear).toBe(since);
    expect(r.status).toBeNull();
    if (kind === 'new_activity') expect(r.measures).toEqual([]);
  });
});

describe('status of an actual cell', () => {
  it.each([
    ['wydarzenie nie było realizowane w 2024 roku', 'not_realized'],
    ['wydarzenie nie było realizowane 2024 roku', 'not_realized'],
    ['przedsięwzięcia „Sport łączy pokolenia, integruje rodziny” oraz „Pierwsze kroki na śniegu” nie były realizowane w 2024 roku', 'not_realized'],
    ['konkurs nie był organizowany', 'not_realized'],
    ['nie zrealizowano', 'not_realized'],
    ['realizacja przedsięwzięcia została zakończona', 'ended'],
    ['realizacja przedsięwzięcia został zakończona', 'ended'],
    ['zakończono realizację przedsięwzięcia', 'ended'],
    ['realizacja projektu została zakończona', 'ended'],
    ['wydarzenie odwołane', 'cancelled'],
    ['zadanie realizowane w ramach Klubów Rodzica', 'realized_elsewhere'],
    ['udział w konferencji zorganizowanej w Brukseli', 'ongoing'],
    ['20 spektakli, 6 500 uczestników', 'realized'],
    ['   ', null],
  ])('%j → %s', (text, status) => {
    const r = actual(text);
    expect(r.status).toBe(status);
    expect(r.planKind).toBeNull();
  });
});

describe('robustness', () => {
  it('never throws and accounts for every number, whatever the text', () => {
    const pieces = ['12', '1 234', ',', '–', '-', '„', '”', '(', ')', 'w tym', 'oraz', 'spotkań', 'roku', 'lat', 'liczba', 'dzieci', '.', ' ', '2024', '3+', 'abc', '\u00a0'];
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => pieces[Math.floor(rnd() * pieces.length)]).join(rnd() < 0.5 ? ' ' : '');
      const r = parseIndicatorText(text, { role: n % 2 ? 'plan' : 'actual', year: 2024 });
      const numbers = (text.replace(/[\u00a0]/g, ' ').match(/\d{1,3}(?: \d{3})+(?!\d)(?:,\d+)?|\d+(?:,\d+)?/g) ?? []).length;
      const measuresFromNumbers = r.measures.length;
      expect(measuresFromNumbers + r.ignored.length + r.unparsed.length, text).toBe(numbers);
    }
  });
});

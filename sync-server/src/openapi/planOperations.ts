/** The plan API's operations for the OpenAPI document (document.ts): units' plans, MOPS's review and bulk entry. */
import { z } from 'zod';
import {
  AcceptedMeasureKindSchema, BulkPlansRequestSchema, BulkPlansResponseSchema, OrgUnitCodeSchema, PlanCompletenessRowSchema,
  PlanHistorySchema, PlanPreviousResponseSchema, ReturnRequestSchema, SavePlanRequestSchema, SavePlanResponseSchema, UnitPlanSchema,
} from '@pwr-sync/shared';
import { PlanAcceptRequestSchema, IdempotencyKeySchema, ReopenRequestSchema, SubmitRequestSchema } from '../routes/units/schema.ts';
import type { Op } from './document.ts';

const year = z.number().int().min(2000).max(2100).meta({ description: 'Rok programu', example: 2026 });
const unit = OrgUnitCodeSchema.meta({ description: 'Kod jednostki, zakodowany w adresie (MOPS/PRZ/08 → MOPS%2FPRZ%2F08)', example: 'MOPS/PRZ/08' });
const YearPath = z.object({ year });
const UnitPath = z.object({ year, unit });
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const TAG = 'Plany jednostek';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = (description: string) => ({ description, content: { [XLSX]: { schema: { type: 'string' as const, contentMediaType: XLSX } } } });
const REVIEW = 'Weryfikacja planów';

const PlanHeaders = z.object({
  'idempotency-key': IdempotencyKeySchema.optional().meta({ description: 'Klucz ponowienia (np. UUID): to samo żądanie z tym samym kluczem zwraca zapisany wynik (`replayed: true`)' }),
  'x-pwr-client': z.enum(['addin', 'browser']).optional().meta({ description: 'Skąd zapis jednostki (źródło wersji w historii); zapis MOPS jest zawsze źródłem `mops`' }),
});

export const PLAN_OPERATIONS: Record<string, Record<string, Op>> = {
  '/api/years/{year}/units/{unit}/plan': {
    get: { tag: TAG, summary: 'Aktualna wersja planu jednostki na rok (wersja 0: nic nie zapisano); `editable` — czy jednostka może go teraz zmieniać', path: UnitPath, ok: [200, { description: 'Plan', ...json(UnitPlanSchema) }], errors: [400, 403, 404] },
    put: {
      tag: TAG, summary: 'Zapis całego planu jako nowej wersji (jednostka albo MOPS w jej imieniu)',
      description: 'Miary planu: rodzaj ze słownika (albo nowy z `proposedForms` — trzema formami do akceptacji MOPS), opcjonalny opis, cel > 0 (liczby osób i zdarzeń całkowite), bez powtórzeń rodzaju z opisem w działaniu. '
        + 'Miara bez `id` dostaje kolejny wolny identyfikator; identyfikatory są stałe między wersjami. Naruszone reguły → 422 `plan_invalid` z `problems` (każdy nazywa działanie, miarę i pole); '
        + 'nieaktualna `baseVersion` → 409 `version_conflict` z `currentPlan`; plan przekazany lub zaakceptowany, albo rok w fazie sprawozdawczej (jednostka) → 423 `plan_locked`; plan innej jednostki → 403.',
      path: UnitPath, header: PlanHeaders, body: SavePlanRequestSchema,
      ok: [201, { description: 'Zapisano nową wersję (200 z `replayed: true` dla ponowienia)', ...json(SavePlanResponseSchema) }], errors: [400, 403, 404, 409, 413, 422, 423],
    },
  },
  '/api/years/{year}/units/{unit}/plan/submit': {
    post: { tag: TAG, summary: 'Przekazanie planu do weryfikacji (jednostka); każde działanie musi mieć miarę lub opis', path: UnitPath, body: SubmitRequestSchema, ok: [200, { description: 'Plan przekazany', ...json(UnitPlanSchema) }], errors: [400, 403, 404, 409, 413, 422, 423] },
  },
  '/api/years/{year}/units/{unit}/plan/accept': {
    post: {
      tag: REVIEW, summary: 'Akceptacja planu (MOPS): plan staje się planem roku, propozycje działań wchodzą do programu („włączone do Programu w <rok> roku”), nowe rodzaje miar do słownika',
      path: UnitPath, body: PlanAcceptRequestSchema, ok: [200, { description: 'Zaakceptowany', ...json(UnitPlanSchema) }], errors: [400, 403, 404, 409, 413, 422],
    },
  },
  '/api/years/{year}/units/{unit}/plan/return': {
    post: { tag: REVIEW, summary: 'Zwrot planu do poprawy z komentarzem (MOPS)', path: UnitPath, body: ReturnRequestSchema, ok: [200, { description: 'Zwrócony', ...json(UnitPlanSchema) }], errors: [400, 403, 404, 409, 413] },
  },
  '/api/years/{year}/units/{unit}/plan/reopen': {
    post: { tag: REVIEW, summary: 'Ponowne otwarcie planu (MOPS) — także po przejściu roku do sprawozdawczości; zmienia go wtedy tylko MOPS', path: UnitPath, body: ReopenRequestSchema, ok: [200, { description: 'Otwarty (wersja robocza)', ...json(UnitPlanSchema) }], errors: [400, 403, 404, 409, 413] },
  },
  '/api/years/{year}/units/{unit}/plan/history': {
    get: { tag: TAG, summary: 'Historia planu: wersje (kto i skąd: jednostka czy MOPS), zmiany pól, zdarzenia weryfikacji', path: UnitPath, ok: [200, { description: 'Historia', ...json(PlanHistorySchema) }], errors: [400, 403, 404] },
  },
  '/api/years/{year}/units/{unit}/plan/previous': {
    get: { tag: TAG, summary: 'Poprzedni rok obok bieżącego: plan i wykonanie każdego planowanego działania jednostki', path: UnitPath, ok: [200, { description: 'Poprzedni rok', ...json(PlanPreviousResponseSchema) }], errors: [400, 403, 404] },
  },
  '/api/years/{year}/plans/completeness': {
    get: { tag: REVIEW, summary: 'Kompletność planów: stan planu każdej jednostki, zaplanowane działania, propozycje, kto wprowadził', path: YearPath, ok: [200, { description: 'Wiersze kompletności', ...json(z.array(PlanCompletenessRowSchema)) }], errors: [400, 403, 404] },
  },
  '/api/years/{year}/plans': {
    put: {
      tag: REVIEW, summary: 'Wprowadzenie planów wielu jednostek naraz (MOPS): wszystko albo nic',
      description: 'Te same reguły co zapis jednostki; jeden 422 `plans_invalid` z problemami wszystkich jednostek (każdy z `orgUnitCode`). Każda jednostka dostaje nową wersję ze źródłem `mops_import`, zapisaną przez użytkownika MOPS; `accept: true` od razu akceptuje plany.',
      path: YearPath, body: BulkPlansRequestSchema, ok: [201, { description: 'Zapisane plany', ...json(BulkPlansResponseSchema) }], errors: [400, 403, 404, 409, 413, 422, 423],
    },
  },
  '/api/years/{year}/units/{unit}/plan/template.xlsx': {
    get: { tag: TAG, summary: 'Szablon planu jednostki do wypełnienia w Excelu: działania, plan i wykonanie z poprzedniego roku obok, lista rodzajów miar', path: UnitPath, ok: [200, binary('Szablon planu .xlsx')], errors: [400, 403, 404] },
  },
  '/api/years/{year}/units/{unit}/plan/upload': {
    post: {
      tag: TAG, summary: 'Przesłanie wypełnionego szablonu planu (multipart, pole `file`; jednostka albo MOPS w jej imieniu)',
      description: 'Te same reguły, dostęp, blokady i wersje co zapis planu; każdy naruszony przepis → 422 `sheet_problems` z problemami, z których każdy wskazuje arkusz, komórkę i pole.',
      path: UnitPath, ok: [201, { description: 'Zapisano nową wersję planu', ...json(SavePlanResponseSchema) }], errors: [400, 403, 404, 409, 413, 422, 423, 503],
    },
  },
  '/api/years/{year}/plans/template.xlsx': {
    get: { tag: REVIEW, summary: 'Arkusz planów wszystkich jednostek do wypełnienia przez MOPS w ich imieniu', path: YearPath, ok: [200, binary('Arkusz planów .xlsx')], errors: [400, 403, 404] },
  },
  '/api/years/{year}/plans/upload': {
    post: {
      tag: REVIEW, summary: 'Przesłanie arkusza planów wielu jednostek (MOPS, multipart, pole `file`; `accept=true` od razu akceptuje)',
      description: 'Wprowadzane są plany jednostek, które w arkuszu zmieniono — wszystko albo nic, jako wpis MOPS (`mops_import`).',
      path: YearPath, ok: [201, { description: 'Zapisane plany', ...json(BulkPlansResponseSchema) }], errors: [400, 403, 404, 409, 413, 422, 423, 503],
    },
  },
  '/api/measure-kinds': {
    get: { tag: TAG, summary: 'Rodzaje miar przyjęte przez MOPS z planów (poza wbudowanym słownikiem)', ok: [200, { description: 'Rodzaje miar', ...json(z.array(AcceptedMeasureKindSchema)) }] },
  },
};

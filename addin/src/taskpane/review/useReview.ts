/**
 * State and actions of the review mode. The only place where the server (ApiClient) and the review
 * table in Excel (ReviewHost) meet; components get what they need from here.
 *
 * Flow:
 * 1. Years and program from the server; the newest open year is chosen (any year can be picked).
 * 2. The consolidated year and the completeness list are fetched; "Wczytaj zestawienie" writes the
 *    rows into the workbook as the review table (later: refreshed in place, filters re-applied).
 * 3. Filters are applied as real Excel table filters; counts come back from Excel, and the summary
 *    and chart are computed from the same rows with the shared filter (same semantics), banded by
 *    the thresholds the table uses (the year's, or those the reviewer changed on „Ustawienia”,
 *    which a refresh keeps; „Przywróć progi roku” takes the year's again).
 * 4. Reviewers open a unit's report and decide from it (report/UnitReportView); the server refuses anyone else (403).
 * 5. History: the row under the cursor in Excel → the unit's history → that activity's changes,
 *    and the unit's workflow audit (submitted, returned with the comment, accepted, reopened).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { MSG, filterConsolidatedRows, type CompletenessRow, type ConsolidatedRow, type MeResponse, type ProgramStructure, type ReportingYear } from '@pwr-sync/shared';
import type { ApiClient, ApiOutcome } from '../../api/client.ts';
import type { ReviewCounts, SelectedReviewRow } from '../../excel/review.ts';
import type { ReviewHost } from '../../excel/reviewHost.ts';
import type { TableThresholds } from '../../excel/thresholds.ts';
import { bandRows, policyInUse } from '../../review/thresholds.ts';
import { activityHistory, workflowLines, type HistoryLine, type WorkflowLine } from '../../review/history.ts';
import { EMPTY_FILTER, toColumnFilters, toConsolidatedFilter, type ReviewFilter } from '../../review/filters.ts';

/** The history tab's content: the row under the cursor (with its activity's and unit's names), its changes, the unit's workflow. */
export interface ReviewHistory { row: SelectedReviewRow; activityName: string; unitName: string; lines: HistoryLine[]; events: WorkflowLine[] }

export type ReviewNotice = { intent: 'success' | 'error' | 'warning' | 'info'; text: string } | null;
export type ReviewBusy = null | 'data' | 'table' | 'filter' | 'review' | 'history';

export interface UseReviewOptions {
  api: ApiClient;
  host: ReviewHost;
  me: MeResponse;
  onUnauthorized: (message: string) => void;
}

/** Reviewers and admins accept and return; managers only read (the server enforces it too). */
export const canReview = (me: MeResponse) => me.user.role === 'reviewer' || me.user.role === 'admin';

export function useReview({ api, host, me, onUnauthorized }: UseReviewOptions) {
  const [years, setYears] = useState<ReportingYear[]>([]);
  const [year, setYear] = useState<number | null>(null);
  const [program, setProgram] = useState<ProgramStructure | null>(null);
  const [rows, setRows] = useState<ConsolidatedRow[] | null>(null);
  const [completeness, setCompleteness] = useState<CompletenessRow[] | null>(null);
  const [filter, setFilter] = useState<ReviewFilter>(EMPTY_FILTER);
  const [applied, setApplied] = useState<ReviewFilter>(EMPTY_FILTER);
  const [counts, setCounts] = useState<ReviewCounts | null>(null);
  const [thresholds, setThresholds] = useState<TableThresholds | null>(null);
  const [busy, setBusy] = useState<ReviewBusy>(null);
  const [notice, setNotice] = useState<ReviewNotice>(null);
  const [history, setHistory] = useState<ReviewHistory | null>(null);
  const [historyNotice, setHistoryNotice] = useState<ReviewNotice>(null);

  // The parent passes a new callback on every render; a ref keeps `fail` stable, so effects that
  // depend on it (the first load of years) do not run again and reset the user's choice of year.
  const onUnauthorizedRef = useRef(onUnauthorized);
  onUnauthorizedRef.current = onUnauthorized;
  const fail = useCallback(
    (o: Exclude<ApiOutcome<unknown>, { kind: 'ok' }>, set: (n: ReviewNotice) => void = setNotice) => {
      if (o.kind === 'unauthorized') return onUnauthorizedRef.current(o.message);
      set({ intent: o.kind === 'offline' ? 'warning' : 'error', text: o.message });
    },
    [],
  );

  useEffect(() => {
    void (async () => {
      setBusy('data');
      const [y, p] = await Promise.all([api.years(), api.program()]);
      setBusy(null);
      if (y.kind !== 'ok') return fail(y);
      if (p.kind !== 'ok') return fail(p);
      setYears([...y.value].sort((a, b) => b.year - a.year));
      setProgram(p.value);
      const open = y.value.filter((x) => x.status === 'open').sort((a, b) => b.year - a.year)[0];
      const newest = (open ?? [...y.value].sort((a, b) => b.year - a.year)[0])?.year ?? null;
      setYear((chosen) => chosen ?? newest);
    })();
  }, [api, fail]);

  /** The year whose data was asked for last: answers for an earlier choice arrive late and are dropped. */
  const wantedYear = useRef<number | null>(null);
  const fetchYear = useCallback(async (y: number) => {
    wantedYear.current = y;
    setBusy('data');
    const [r, c] = await Promise.all([api.consolidated(y), api.completeness(y)]);
    if (wantedYear.current !== y) return null;
    setBusy(null);
    if (r.kind !== 'ok') {
      fail(r);
      return null;
    }
    setRows(r.value);
    if (c.kind === 'ok') setCompleteness(c.value);
    else fail(c);
    return r.value;
  }, [api, fail]);

  useEffect(() => {
    if (year === null) return;
    setRows(null);
    setCounts(null);
    setThresholds(null);
    setHistory(null);
    void fetchYear(year);
  }, [year, fetchYear]);

  /** "Wczytaj zestawienie" / "Odśwież": fresh rows from the server, written in place, filters kept. */
  const loadTable = useCallback(async () => {
    const policy = years.find((y) => y.year === year)?.policy;
    if (year === null || !policy) return;
    const fresh = await fetchYear(year);
    if (!fresh) return;
    setBusy('table');
    const r = await host.loadTable({ rows: fresh, filters: toColumnFilters(applied, fresh), policy });
    setBusy(null);
    if (!r.ok) return setNotice({ intent: 'error', text: r.message });
    setCounts(r.value.counts);
    setThresholds(r.value.thresholds);
    setNotice({ intent: 'success', text: MSG.review.loaded(fresh.length, year) });
  }, [year, years, fetchYear, host, applied]);

  /** „Przywróć progi roku”: the table's thresholds follow the year's again (the table re-bands in Excel). */
  const restoreThresholds = useCallback(async () => {
    const policy = years.find((y) => y.year === year)?.policy;
    if (year === null || !policy) return;
    setBusy('table');
    const r = await host.restoreThresholds(policy);
    setBusy(null);
    if (!r.ok) return setNotice({ intent: 'error', text: r.message });
    setThresholds(r.value);
    setNotice({ intent: 'success', text: MSG.review.thresholds.restored(year) });
  }, [year, years, host]);

  const applyFilters = useCallback(async (next: ReviewFilter = filter) => {
    if (!rows) return;
    setBusy('filter');
    const r = await host.applyFilters(toColumnFilters(next, rows));
    setBusy(null);
    if (!r.ok) return setNotice({ intent: 'error', text: r.message });
    setApplied(next);
    setCounts(r.value);
    setNotice(null);
  }, [filter, rows, host]);

  const clearFilters = useCallback(async () => {
    setFilter(EMPTY_FILTER);
    setBusy('filter');
    const r = await host.clearFilters();
    setBusy(null);
    if (!r.ok) return setNotice({ intent: 'error', text: r.message });
    setApplied(EMPTY_FILTER);
    setCounts(r.value);
    setNotice(null);
  }, [host]);

  // Banded as the table: the pane's counts and summary agree with what Excel shows.
  const banded = useMemo(() => (rows && thresholds ? bandRows(rows, policyInUse(thresholds)) : rows), [rows, thresholds]);
  const shown = useMemo(() => (banded ? filterConsolidatedRows(banded, toConsolidatedFilter(applied)) : []), [banded, applied]);
  const yearInfo = years.find((y) => y.year === year) ?? null;

  const refreshCompleteness = useCallback(async () => {
    if (year === null) return;
    const c = await api.completeness(year);
    if (c.kind === 'ok') setCompleteness(c.value);
  }, [api, year]);

  /** A failure in the unit's report view: a 401 signs out; the view shows the message itself. */
  const reportFailed = useCallback((o: Exclude<ApiOutcome<unknown>, { kind: 'ok' }>) => {
    if (o.kind === 'unauthorized') onUnauthorizedRef.current(o.message);
  }, []);

  /** History of the row under the cursor in the review table. */
  const loadHistory = useCallback(async () => {
    if (year === null) return;
    setBusy('history');
    setHistoryNotice(null);
    const sel = await host.selectedRow();
    if (!sel.ok) {
      setBusy(null);
      return setHistoryNotice({ intent: 'error', text: sel.message });
    }
    if (!sel.value) {
      setBusy(null);
      setHistory(null);
      return setHistoryNotice({ intent: 'info', text: MSG.review.selectRowFirst });
    }
    const h = await api.history(year, sel.value.reportingUnit);
    setBusy(null);
    if (h.kind !== 'ok') return fail(h, setHistoryNotice);
    const { activityId, reportingUnit } = sel.value;
    const row = rows?.find((r) => r.activityId === activityId);
    const unitName = row?.orgUnitNames[row.orgUnitCodes.indexOf(reportingUnit)] ?? program?.orgUnits.find((u) => u.code === reportingUnit)?.name ?? reportingUnit;
    setHistory({ row: sel.value, activityName: row?.activityName ?? activityId, unitName, lines: activityHistory(h.value, activityId), events: workflowLines(h.value) });
  }, [api, host, year, fail, rows, program]);

  return {
    me, years, year, setYear, yearInfo, program, rows: banded, completeness, filter, setFilter, applied, counts, thresholds, shown, busy, notice,
    history, historyNotice, canReview: canReview(me), loadTable, restoreThresholds, applyFilters, clearFilters, refreshCompleteness, reportFailed, loadHistory,
  };
}

export type ReviewModel = ReturnType<typeof useReview>;

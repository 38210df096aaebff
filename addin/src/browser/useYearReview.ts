/**
 * Reviewers and managers in the browser mode: a year's completeness, each unit's report to decide
 * from (reviewers and admins only, as in the pane: canReview, and the server refuses anyone else), and the year's files.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompletenessRow, MeResponse, ReportingYear } from '@pwr-sync/shared';
import type { ApiClient, ApiOutcome } from '../api/client.ts';
import { canReview } from '../taskpane/review/useReview.ts';
import type { ReviewNotice } from '../taskpane/review/useReview.ts';
import { saveFile } from '../taskpane/saveFile.ts';

export function useYearReview({ api, me, onFailure, save = saveFile }: { api: ApiClient; me: MeResponse; onFailure: (o: ApiOutcome<unknown>) => void; save?: typeof saveFile }) {
  const [years, setYears] = useState<ReportingYear[]>([]);
  const [year, setYear] = useState<number | null>(null);
  const [rows, setRows] = useState<CompletenessRow[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ReviewNotice>(null);
  const failRef = useRef(onFailure);
  failRef.current = onFailure;
  const fail = useCallback((o: Exclude<ApiOutcome<unknown>, { kind: 'ok' }>) => {
    failRef.current(o);
    setNotice({ intent: o.kind === 'offline' ? 'warning' : 'error', text: o.message });
  }, []);

  useEffect(() => {
    void api.years().then((r) => {
      if (r.kind !== 'ok') return fail(r);
      const sorted = [...r.value].sort((a, b) => b.year - a.year);
      setYears(sorted);
      setYear((sorted.find((y) => y.status === 'open') ?? sorted[0])?.year ?? null);
    });
  }, [api, fail]);

  const loadRows = useCallback(async (y: number) => {
    const r = await api.completeness(y);
    if (r.kind === 'ok') setRows(r.value);
    else fail(r);
  }, [api, fail]);

  useEffect(() => {
    setRows(null);
    if (year !== null) void loadRows(year);
  }, [year, loadRows]);

  /** A failure in the unit's report view: the session hears it (a 401 signs out); the view shows it. */
  const reportFailed = useCallback((o: Exclude<ApiOutcome<unknown>, { kind: 'ok' }>) => failRef.current(o), []);
  const refresh = useCallback(() => { if (year !== null) void loadRows(year); }, [year, loadRows]);

  const download = useCallback(async (what: 'workbook' | 'annex') => {
    if (year === null) return;
    setBusy(true);
    const r = what === 'workbook' ? await api.centralWorkbook(year) : await api.reportDocx(year, false);
    setBusy(false);
    if (r.kind === 'ok') save(r.value.blob, r.value.filename);
    else fail(r);
  }, [api, year, save, fail]);

  const yearInfo = years.find((y) => y.year === year) ?? null;
  return { years, year, setYear, yearInfo, rows, busy, notice, canReview: canReview(me), reportFailed, refresh, download };
}

/**
 * A unit's work in the browser mode: its years and reports; download the template, upload the
 * filled file (with progress), see what was saved or every problem, submit. The session gives the
 * API client and hears every failure (a 401 signs out); files replace the Excel adapter.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { MSG, type MeResponse } from '@pwr-sync/shared';
import type { ApiClient, ApiOutcome, ApiProblem } from '../api/client.ts';
import { saveFile } from '../taskpane/saveFile.ts';
import { changesOf, defaultYear, loadUnitYears, type UnitYear } from './unitYears.ts';

export type UploadResult =
  | { kind: 'saved'; version: number; changes: string[] }
  | { kind: 'rejected'; message: string; problems: ApiProblem[] }
  | { kind: 'error'; message: string };

export type Notice = { intent: 'success' | 'error' | 'warning' | 'info'; text: string } | null;

export interface UseUnitYearsOptions {
  api: ApiClient;
  me: MeResponse;
  onFailure: (outcome: ApiOutcome<unknown>) => void;
  save?: typeof saveFile;
}

export function useUnitYears({ api, me, onFailure, save = saveFile }: UseUnitYearsOptions) {
  const unit = me.user.orgUnitCode;
  const [years, setYears] = useState<UnitYear[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [busy, setBusy] = useState<null | 'template' | 'upload' | 'submit'>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<UploadResult | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const failRef = useRef(onFailure);
  failRef.current = onFailure;

  const load = useCallback(async (keep?: number) => {
    if (!unit) return;
    setLoadError(null);
    const r = await loadUnitYears(api, unit);
    if (r.kind !== 'ok') {
      failRef.current(r);
      return setLoadError(r.message);
    }
    setYears(r.value);
    setSelected((s) => keep ?? s ?? defaultYear(r.value));
  }, [api, unit]);

  useEffect(() => { void load(); }, [load]);

  const current = years?.find((y) => y.year.year === selected) ?? null;

  const choose = useCallback((year: number) => {
    setSelected(year);
    setResult(null);
    setNotice(null);
  }, []);

  const downloadTemplate = useCallback(async () => {
    if (!unit || selected === null) return;
    setBusy('template');
    const r = await api.template(selected, unit);
    setBusy(null);
    if (r.kind === 'ok') return save(r.value.blob, r.value.filename);
    failRef.current(r);
    setNotice({ intent: r.kind === 'offline' ? 'warning' : 'error', text: r.message });
  }, [api, unit, selected, save]);

  const upload = useCallback(async (file: File | null) => {
    if (!unit || selected === null) return;
    setNotice(null);
    if (!file) return setResult({ kind: 'error', message: MSG.browser.noFile });
    if (!/\.xlsx$/i.test(file.name)) return setResult({ kind: 'error', message: MSG.browser.notXlsx(file.name) });
    setBusy('upload');
    setResult(null);
    setProgress(0);
    const r = await api.uploadTemplate(selected, unit, file, setProgress);
    setProgress(null);
    if (r.kind === 'ok') {
      const history = await api.history(selected, unit);
      setResult({ kind: 'saved', version: r.value.version, changes: history.kind === 'ok' ? changesOf(history.value, r.value.version) : [] });
      await load(selected);
    } else {
      failRef.current(r);
      setResult(r.kind === 'rejected' ? { kind: 'rejected', message: r.message, problems: r.problems } : { kind: 'error', message: r.message });
    }
    setBusy(null);
  }, [api, unit, selected, load]);

  const submit = useCallback(async () => {
    if (!unit || selected === null) return;
    setBusy('submit');
    setNotice(null);
    const r = await api.submit(selected, unit);
    if (r.kind === 'ok') {
      setResult(null);
      setNotice({ intent: 'success', text: MSG.browser.submitted });
      await load(selected);
    } else {
      failRef.current(r);
      setNotice({ intent: r.kind === 'offline' ? 'warning' : 'error', text: r.kind === 'rejected' && r.problems.length ? `${r.message} ${r.problems.map((p) => p.message).join(' ')}` : r.message });
    }
    setBusy(null);
  }, [api, unit, selected, load]);

  return { unit, years, loadError, selected, current, busy, progress, result, notice, load, choose, downloadTemplate, upload, submit };
}

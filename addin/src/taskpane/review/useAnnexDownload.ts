/**
 * The annual annex download of the review mode: asks the server for the year's DOCX and saves it.
 * Separate from useReview: it needs neither the workbook nor the review table.
 */
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../api/client.ts';
import { saveFile } from '../saveFile.ts';
import type { ReviewNotice } from './useReview.ts';

export function useAnnexDownload({ api, onUnauthorized, save = saveFile }: { api: ApiClient; onUnauthorized: (message: string) => void; save?: typeof saveFile }) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ReviewNotice>(null);

  const download = useCallback(async (year: number, summary: boolean) => {
    setBusy(true);
    setNotice({ intent: 'info', text: `Przygotowywanie załącznika za ${year} r.…` });
    const r = await api.reportDocx(year, summary);
    setBusy(false);
    if (r.kind === 'unauthorized') return onUnauthorized(r.message);
    if (r.kind !== 'ok') return setNotice({ intent: r.kind === 'offline' ? 'warning' : 'error', text: r.message });
    save(r.value.blob, r.value.filename);
    setNotice({ intent: 'success', text: `Pobrano plik ${r.value.filename} (${Math.max(1, Math.round(r.value.blob.size / 1024))} KB) — otwórz go w Wordzie z folderu pobranych plików.` });
  }, [api, onUnauthorized, save]);

  return { busy, notice, download };
}

/**
 * The annual annex in the review mode: its title block (MOPS edits it per year) and the download
 * of the year's DOCX. Separate from useReview: it needs neither the workbook nor the review table.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { MSG, describeIssue, AnnexTitleSchema, type AnnexTitle, type AnnexTitleResponse } from '@pwr-sync/shared';
import type { ApiClient } from '../../api/client.ts';
import { saveFile } from '../saveFile.ts';
import type { ReviewNotice } from './useReview.ts';

export type AnnexTitleProblems = Partial<Record<keyof AnnexTitle, string>>;

export function useAnnexDownload({ api, year, onUnauthorized, save = saveFile }: { api: ApiClient; year: number | null; onUnauthorized: (message: string) => void; save?: typeof saveFile }) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ReviewNotice>(null);
  const [title, setTitle] = useState<AnnexTitleResponse | null>(null);
  // The parent passes a new callback on every render; a ref keeps the effects below from re-running.
  const unauthorizedRef = useRef(onUnauthorized);
  unauthorizedRef.current = onUnauthorized;
  const unauthorized = useCallback((message: string) => unauthorizedRef.current(message), []);

  useEffect(() => {
    setTitle(null);
    if (year === null) return;
    let current = true;
    void api.annexTitle(year).then((r) => {
      if (!current) return;
      if (r.kind === 'ok') setTitle(r.value);
      else if (r.kind === 'unauthorized') unauthorized(r.message);
    });
    return () => { current = false; };
  }, [api, year, unauthorized]);

  const download = useCallback(async (y: number, summary: boolean) => {
    setBusy(true);
    setNotice({ intent: 'info', text: MSG.annex.pane.preparingYear(y) });
    const r = await api.reportDocx(y, summary);
    setBusy(false);
    if (r.kind === 'unauthorized') return unauthorized(r.message);
    if (r.kind !== 'ok') return setNotice({ intent: r.kind === 'offline' ? 'warning' : 'error', text: r.message });
    save(r.value.blob, r.value.filename);
    setNotice({ intent: 'success', text: MSG.annex.pane.downloaded(r.value.filename, Math.max(1, Math.round(r.value.blob.size / 1024))) });
  }, [api, unauthorized, save]);

  /** Validates with the shared schema first; returns the field problems, or null when saved. */
  const saveTitle = useCallback(async (y: number, input: AnnexTitle): Promise<AnnexTitleProblems | null> => {
    const parsed = AnnexTitleSchema.safeParse(input, { reportInput: true });
    if (!parsed.success) {
      const problems: AnnexTitleProblems = {};
      // The same Polish sentence the server would answer, naming the field.
      for (const i of parsed.error.issues) problems[i.path[0] as keyof AnnexTitle] ??= describeIssue(i);
      return problems;
    }
    setBusy(true);
    const r = await api.setAnnexTitle(y, parsed.data);
    setBusy(false);
    if (r.kind === 'unauthorized') { unauthorized(r.message); return null; }
    if (r.kind !== 'ok') { setNotice({ intent: r.kind === 'offline' ? 'warning' : 'error', text: r.message }); return null; }
    setTitle(r.value);
    setNotice({ intent: 'success', text: MSG.annex.pane.titleSaved(y) });
    return null;
  }, [api, unauthorized]);

  return { busy, notice, title, download, saveTitle };
}

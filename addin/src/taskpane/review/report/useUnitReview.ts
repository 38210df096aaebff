/**
 * One unit's report as the reviewer reads it (GET …/review), and the decisions taken from it:
 * accept (after a confirmation), return with comments on activities, reopen with a reason. Opening
 * it records on the server that this reviewer saw the version, which accept and return require.
 */
import { useCallback, useEffect, useState } from 'react';
import { MSG, type ActivityCommentInput, type ReviewView } from '@pwr-sync/shared';
import type { ApiClient, ApiOutcome } from '../../../api/client.ts';

export type ReportNotice = { intent: 'success' | 'error' | 'warning'; text: string } | null;

/** A comment the reviewer is writing, not sent yet (the return sends them all). */
export interface DraftComment extends ActivityCommentInput { key: number }

export function useUnitReview({ api, year, unit, onFailure, onDecided }: {
  api: ApiClient; year: number; unit: string;
  onFailure: (o: Exclude<ApiOutcome<unknown>, { kind: 'ok' }>) => void;
  /** After a decision: the completeness list is stale. */
  onDecided: () => void;
}) {
  const [view, setView] = useState<ReviewView | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ReportNotice>(null);
  const [drafts, setDrafts] = useState<DraftComment[]>([]);
  const [overall, setOverall] = useState('');

  const load = useCallback(async () => {
    const r = await api.reviewView(year, unit);
    if (r.kind === 'ok') setView(r.value);
    else {
      onFailure(r);
      setNotice({ intent: 'error', text: r.message });
    }
  }, [api, year, unit, onFailure]);
  useEffect(() => { void load(); }, [load]);

  const name = view?.orgUnitName ?? unit;
  const decide = useCallback(async (run: () => Promise<ApiOutcome<unknown>>, done: string) => {
    setBusy(true);
    const r = await run();
    setBusy(false);
    if (r.kind !== 'ok') {
      onFailure(r);
      setNotice({ intent: 'error', text: r.message });
      // Another version was saved since this one was shown: show it (its changes marked), drafts kept.
      if (r.kind === 'conflict') await load();
      return false;
    }
    setNotice({ intent: 'success', text: done });
    setDrafts([]);
    setOverall('');
    onDecided();
    await load();
    return true;
  }, [onFailure, onDecided, load]);

  // Each decision names the version on screen: the server refuses it when another was saved since.
  const shown = view?.report.version;
  const accept = useCallback(() => decide(() => api.accept(year, unit, shown), MSG.reviewView.accepted(name)), [decide, api, year, unit, shown, name]);
  const returnReport = useCallback(() => decide(
    () => api.returnReport(year, unit, overall.trim(), drafts.map(({ key: _key, ...c }) => c), shown),
    MSG.reviewView.returned(drafts.length, name),
  ), [decide, api, year, unit, overall, drafts, shown, name]);
  const reopen = useCallback((reason: string) => decide(() => api.reopen(year, unit, reason), MSG.reviewView.reopened(name)), [decide, api, year, unit, name]);

  /** Settles an open comment whose answer suffices: the thread shows who did, the unit sees it resolved. */
  const resolveComment = useCallback(async (id: number) => {
    const r = await api.resolveComment(year, unit, id);
    if (r.kind !== 'ok') {
      onFailure(r);
      setNotice({ intent: 'error', text: r.message });
      return false;
    }
    setView((v) => (v ? { ...v, comments: r.value } : v));
    setNotice({ intent: 'success', text: MSG.reviewView.commentSettledNotice });
    return true;
  }, [api, year, unit, onFailure]);

  /** MOPS answers in a comment's thread (the unit sees it under the comment). */
  const replyToComment = useCallback(async (id: number, text: string) => {
    const r = await api.replyToComment(year, unit, id, text);
    if (r.kind !== 'ok') {
      onFailure(r);
      setNotice({ intent: 'error', text: r.message });
      return false;
    }
    setView((v) => (v ? { ...v, comments: r.value } : v));
    return true;
  }, [api, year, unit, onFailure]);

  const addDraft = useCallback((c: ActivityCommentInput) => setDrafts((d) => [...d, { ...c, key: Date.now() + d.length }]), []);
  const removeDraft = useCallback((key: number) => setDrafts((d) => d.filter((x) => x.key !== key)), []);

  /** MOPS saved a version on the unit's behalf: a new version to look at (and so to see again). */
  const changedOnBehalf = useCallback((text: string) => {
    setNotice({ intent: 'success', text });
    onDecided();
    void load();
  }, [onDecided, load]);
  const failed = useCallback((o: Exclude<ApiOutcome<unknown>, { kind: 'ok' }>) => {
    onFailure(o);
    setNotice({ intent: 'error', text: o.message });
  }, [onFailure]);

  return { view, busy, notice, drafts, overall, setOverall, addDraft, removeDraft, accept, returnReport, reopen, resolveComment, replyToComment, changedOnBehalf, failed, reload: load };
}

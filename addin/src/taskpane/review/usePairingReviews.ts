/**
 * The pairings „do sprawdzenia” of a year in the review mode (pane and browser): loaded when the
 * year is chosen, settled one by one. Separate from useReview: it needs neither Excel nor the table.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { MSG, type PairingReview, type SettlePairingRequest } from '@pwr-sync/shared';
import type { ApiClient } from '../../api/client.ts';
import type { ReviewNotice } from './useReview.ts';

export function usePairingReviews({ api, year, onUnauthorized }: { api: ApiClient; year: number | null; onUnauthorized: (message: string) => void }) {
  const [reviews, setReviews] = useState<PairingReview[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ReviewNotice>(null);
  const unauthorizedRef = useRef(onUnauthorized);
  unauthorizedRef.current = onUnauthorized;

  useEffect(() => {
    setReviews(null);
    setNotice(null);
    if (year === null) return;
    let current = true;
    void api.pairingReviews(year).then((r) => {
      if (!current) return;
      if (r.kind === 'ok') setReviews(r.value);
      else if (r.kind === 'unauthorized') unauthorizedRef.current(r.message);
      else setNotice({ intent: 'error', text: `${MSG.pairing.loadFailed} ${r.message}` });
    });
    return () => { current = false; };
  }, [api, year]);

  /** Settles one pairing; true when the server stored it. */
  const settle = useCallback(async (review: PairingReview, body: SettlePairingRequest): Promise<boolean> => {
    setBusy(true);
    const r = await api.settlePairing(review.year, review.activityId, review.plan.id, body);
    setBusy(false);
    if (r.kind === 'unauthorized') { unauthorizedRef.current(r.message); return false; }
    if (r.kind !== 'ok') { setNotice({ intent: r.kind === 'offline' ? 'warning' : 'error', text: r.message }); return false; }
    setReviews((list) => (list ?? []).map((x) => (x.activityId === r.value.activityId && x.plan.id === r.value.plan.id ? r.value : x)));
    setNotice({ intent: 'success', text: MSG.pairing.savedMessage(review.activityId) });
    return true;
  }, [api]);

  return { reviews, busy, notice, settle };
}

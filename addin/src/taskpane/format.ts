/** Small Polish display helpers for the pane (numbers and labels come from shared/). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return iso.length === 10
    ? d.toLocaleDateString('pl-PL', { day: 'numeric', month: 'long', year: 'numeric' })
    : d.toLocaleString('pl-PL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Whole days from today to an ISO date (negative when past). */
export function daysUntil(isoDate: string, today = new Date()): number {
  const d = new Date(`${isoDate}T23:59:59`);
  return Math.ceil((d.getTime() - today.getTime()) / 86_400_000);
}

export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

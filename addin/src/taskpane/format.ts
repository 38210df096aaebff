/** Small display helpers for the pane; dates, times, numbers and texts come from shared/. */
import { formatWarsawTime, warsawDate } from '@pwr-sync/shared';

/** A day ("31 marca 2025") or an instant in Kraków time ("12 marca 2025, 14:05"): the one formatter in shared/. */
export const formatDate = formatWarsawTime;

/** Whole days from today (Kraków's calendar) to an ISO date: 0 on the day itself, negative when past. */
export function daysUntil(isoDate: string, today = new Date()): number {
  return Math.round((Date.parse(`${isoDate}T00:00:00Z`) - Date.parse(`${warsawDate(today)}T00:00:00Z`)) / 86_400_000);
}

export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

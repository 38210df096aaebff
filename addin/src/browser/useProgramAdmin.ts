/** The „Program i lata” page's state: program periods, their years with phase histories, and the admin's moves. */
import { useCallback, useEffect, useState } from 'react';
import { MSG, nextPhase, type CarryOver, type OrgUnit, type PhaseEvent, type ProgramSummary, type ReportingYear, type StartYearRequest } from '@pwr-sync/shared';
import type { ApiClient, ApiOutcome } from '../api/client.ts';
import * as program from '../api/programClient.ts';
import type { Notice } from './useUsers.ts';

const phaseLabel = MSG.program.phase;

export function useProgramAdmin({ api, onFailure }: { api: ApiClient; onFailure: (o: ApiOutcome<unknown>) => void }) {
  const [programs, setPrograms] = useState<ProgramSummary[] | null>(null);
  const [years, setYears] = useState<ReportingYear[]>([]);
  const [events, setEvents] = useState<Record<number, PhaseEvent[]>>({});
  const [units, setUnits] = useState<OrgUnit[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  const failed = useCallback((o: Exclude<ApiOutcome<unknown>, { kind: 'ok' }>) => {
    onFailure(o);
    setNotice({ intent: 'error', text: o.message });
  }, [onFailure]);

  const loadHistory = useCallback(async (year: number) => {
    const o = await program.phaseHistory(api, year);
    if (o.kind === 'ok') setEvents((all) => ({ ...all, [year]: o.value.events }));
  }, [api]);

  const load = useCallback(async () => {
    const [p, y, s] = await Promise.all([program.listPrograms(api), program.listYears(api), api.program()]);
    if (p.kind !== 'ok') { onFailure(p); return setLoadError(p.message); }
    if (y.kind !== 'ok') { onFailure(y); return setLoadError(y.message); }
    setLoadError(null);
    setPrograms(p.value);
    setYears(y.value);
    if (s.kind === 'ok') setUnits(s.value.orgUnits);
    await Promise.all(y.value.map((x) => loadHistory(x.year)));
  }, [api, onFailure, loadHistory]);

  useEffect(() => { void load(); }, [load]);

  /** Puts the server's answer for one year in place and re-reads its history. */
  const put = (y: ReportingYear) => {
    setYears((list) => (list.some((x) => x.year === y.year) ? list.map((x) => (x.year === y.year ? y : x)) : [...list, y].sort((a, b) => a.year - b.year)));
    void loadHistory(y.year);
  };

  /** Runs one change; a 409 (someone moved the year meanwhile) reloads the page's data so the admin sees the year as it is. */
  async function run(call: () => Promise<ApiOutcome<ReportingYear>>, done: (y: ReportingYear) => string): Promise<boolean> {
    setBusy(true);
    setNotice(null);
    const o = await call();
    setBusy(false);
    if (o.kind !== 'ok') {
      failed(o);
      if (o.kind === 'conflict') await load();
      return false;
    }
    put(o.value);
    setNotice({ intent: 'success', text: done(o.value) });
    return true;
  }

  return {
    programs, years, events, units, loadError, notice, busy, load,
    clearNotice: () => setNotice(null),
    /** Moves a year to its next phase (the phase the admin saw goes along: another admin's move answers 409). */
    advance: (y: ReportingYear) => {
      const to = nextPhase(y.phase);
      if (!to) return Promise.resolve(false);
      return run(() => program.movePhase(api, y.year, { from: y.phase, to }), (r) => MSG.program.admin.moved(r.year, phaseLabel[r.phase]));
    },
    /** Sets a year's deadlines (ISO dates; null: none). */
    setDeadlines: (year: number, planningDeadline: string | null, deadline: string | null) =>
      run(() => program.setDeadlines(api, year, { planningDeadline, deadline }), (r) => MSG.program.admin.deadlinesSaved(r.year)),
    undo: (year: number, reason: string) => run(() => program.undoPhase(api, year, reason), (r) => MSG.program.admin.undone(r.year, phaseLabel[r.phase])),
    /** What starting `year` would carry over; a refusal (409 the year exists, 422 no program covers it) as its Polish message. */
    preview: async (year: number): Promise<{ ok: CarryOver } | { error: string }> => {
      const o = await program.carryOver(api, year);
      if (o.kind !== 'ok') { onFailure(o); return { error: o.message }; }
      return { ok: o.value };
    },
    start: async (req: StartYearRequest): Promise<string | null> => {
      setBusy(true);
      setNotice(null);
      const o = await program.startYear(api, req);
      setBusy(false);
      if (o.kind !== 'ok') { onFailure(o); return o.kind === 'rejected' && o.problems.length > 0 ? o.problems.map((p) => p.message).join(' ') : o.message; }
      put(o.value);
      setNotice({ intent: 'success', text: MSG.program.admin.started(o.value.year, phaseLabel[o.value.phase]) });
      // the period's list of years and counts change too
      const p = await program.listPrograms(api);
      if (p.kind === 'ok') setPrograms(p.value);
      return null;
    },
  };
}

export type ProgramAdminModel = ReturnType<typeof useProgramAdmin>;

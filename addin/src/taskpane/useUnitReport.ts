/**
 * The unit's report in the pane: its state and the actions behind the buttons. Who is signed in
 * and the API client come from the session (session/session.ts); the workbook from the Excel
 * adapter (ReportHost). The only place where the two meet; components get what they need from here.
 *
 * Sync flow ("Synchronizuj"):
 * 1. Re-read and re-validate the sheet (events may have missed an edit).
 * 2. Read the workbook's sync record: the version the sheet was built from (report/syncRecord.ts).
 * 3. Record the request's Idempotency-Key in the workbook (a retry of the same request reuses it),
 *    then PUT the entries with that base version.
 * 4. saved → record the new version in the workbook; 409 → show what differs (keep mine = save again
 *    on top of the server's version; take theirs = rewrite the sheet and record the server's
 *    version); 422 → list the rows; offline → retry later with the same key.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { MSG, reviewerFeedback } from '@pwr-sync/shared';
import type { Assignment, MeResponse, ReportEntry, ReportingYear, ReviewComment, SheetColumnKey, TaskKind, UnitReport, Task, WorkflowState } from '@pwr-sync/shared';
import type { ApiClient, ApiOutcome } from '../api/client.ts';
import type { ReportHost } from '../excel/host.ts';
import type { ReportContext, SheetState } from '../report/sheetModel.ts';
import type { HostResult } from '../excel/runExcel.ts';
import { newIdempotencyKey } from './format.ts';
import { syncBase, type SyncRecord } from '../report/syncRecord.ts';
import { sendReport, type SyncOutcome } from '../report/sendReport.ts';
import { unsyncedActivities } from '../report/unsynced.ts';

export type { SyncOutcome };

export interface Loaded {
  me: MeResponse;
  year: ReportingYear;
  unitCode: string;
  assignments: Assignment[];
  tasks: Task[];
  report: UnitReport;
}

export type Phase =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; data: Loaded };

export interface UseUnitReportOptions {
  /** The session's client and user (a unit reporter). */
  api: ApiClient;
  me: MeResponse;
  host: ReportHost;
  /** The session hears every failed call (a 401 signs out). */
  onFailure: (outcome: ApiOutcome<unknown>) => void;
  /** The user selected a row of the report table in Excel (its body row index). */
  onSelectRow?: (rowIndex: number) => void;
}

function failureMessage(o: Exclude<ApiOutcome<unknown>, { kind: 'ok' }>): string {
  return o.message;
}

/** Why a sync was not sent while cells cannot be read ("około 20"): their values would be lost on the server. */
function unreadableMessage(count: number): string {
  return MSG.pane.unreadable(count);
}

export function useUnitReport({ api, me, host, onFailure, onSelectRow }: UseUnitReportOptions) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [sheet, setSheet] = useState<SheetState | null>(null);
  const [busy, setBusy] = useState<null | 'prepare' | 'sync' | 'submit' | 'write'>(null);
  const [outcome, setOutcome] = useState<SyncOutcome | null>(null);
  const [excelError, setExcelError] = useState<string | null>(null);
  const unsubscribe = useRef<null | (() => Promise<void>)>(null);
  /** The reviewer's comments as last loaded, laid out by activity: every rebuild of the sheet writes them. */
  const feedbackRef = useRef<ReadonlyMap<string, string> | undefined>(undefined);
  const onSelectRowRef = useRef(onSelectRow);
  onSelectRowRef.current = onSelectRow;

  // The parent passes a new callback on every render; a ref keeps `load` stable.
  const onFailureRef = useRef(onFailure);
  onFailureRef.current = onFailure;
  const data = phase.kind === 'ready' ? phase.data : null;

  const context: ReportContext | null = useMemo(() => {
    if (!data) return null;
    const taskKinds = new Map<string, TaskKind>(data.tasks.map((t) => [t.code, t.kind]));
    return { assignments: data.assignments, taskKinds, policy: data.year.policy };
  }, [data]);

  const handleFailure = useCallback((o: Exclude<ApiOutcome<unknown>, { kind: 'ok' }>) => {
    onFailureRef.current(o);
    if (o.kind !== 'unauthorized') setPhase({ kind: 'error', message: failureMessage(o) });
  }, []);

  // Load the open year, the program's tasks, the unit's activities and its report.
  const load = useCallback(async () => {
    setPhase({ kind: 'loading' });
    const unitCode = me.user.orgUnitCode;
    if (!unitCode) return setPhase({ kind: 'error', message: MSG.pane.noUnit });
    const [years, program] = await Promise.all([api.years(), api.program()]);
    if (years.kind !== 'ok') return handleFailure(years);
    if (program.kind !== 'ok') return handleFailure(program);
    const open = years.value.filter((y) => y.status === 'open').sort((a, b) => b.year - a.year);
    const year = open[0] ?? [...years.value].sort((a, b) => b.year - a.year)[0];
    if (!year) return setPhase({ kind: 'error', message: MSG.pane.noYear });
    const [assignments, report] = await Promise.all([api.assignments(year.year, unitCode), api.report(year.year, unitCode)]);
    if (assignments.kind !== 'ok') return handleFailure(assignments);
    if (report.kind !== 'ok') return handleFailure(report);
    setPhase({ kind: 'ready', data: { me, year, unitCode, assignments: assignments.value.assignments, tasks: program.value.tasks, report: report.value } });
  }, [api, me, handleFailure]);

  useEffect(() => {
    void load();
  }, [load]);

  const refresh = useCallback(
    async (mode: 'save' | 'submit' = 'save') => {
      if (!context) return null;
      const r = await host.refresh({ ...context, mode });
      if (!r.ok) {
        setExcelError(r.message);
        return null;
      }
      setExcelError(null);
      setSheet(r.value);
      return r.value;
    },
    [host, context],
  );

  const subscribe = useCallback(async () => {
    await unsubscribe.current?.();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Pastes arrive as bursts of events: re-validate once they settle.
    const offChanges = await host.subscribeChanges(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), 250);
    });
    // Selecting an activity's row in Excel opens its form.
    const offSelection = await host.subscribeSelection((row) => onSelectRowRef.current?.(row));
    unsubscribe.current = async () => {
      await offChanges();
      await offSelection();
    };
  }, [host, refresh]);

  // When the data is loaded, read the sheet if it was prepared before, and listen to its edits.
  useEffect(() => {
    if (!context) return;
    void (async () => {
      const state = await refresh();
      if (state) await subscribe();
    })();
    return () => {
      void unsubscribe.current?.();
      unsubscribe.current = null;
    };
  }, [context, refresh, subscribe]);

  /** Shows the sheet an Excel action returned, or its Polish error; true when it worked. */
  const applySheet = useCallback((r: HostResult<SheetState>): boolean => {
    if (!r.ok) {
      setExcelError(r.message);
      return false;
    }
    setExcelError(null);
    setSheet(r.value);
    return true;
  }, []);

  const prepare = useCallback(
    async (keep: 'sheet' | 'server' = 'sheet', entries?: Pick<UnitReport, 'entries' | 'version'>): Promise<boolean> => {
      if (!context || !data) return false;
      setBusy('prepare');
      const r = await host.prepareSheet({
        ...context, keep, serverEntries: entries?.entries ?? data.report.entries, serverVersion: entries?.version ?? data.report.version,
        orgUnitCode: data.unitCode, year: data.year.year, ...(feedbackRef.current ? { feedback: feedbackRef.current } : {}),
      });
      setBusy(null);
      if (!applySheet(r)) return false;
      await subscribe();
      return true;
    },
    [host, context, data, subscribe, applySheet],
  );

  /** Form → sheet; `claimedRows`: rows whose figure (typed without a measure kind) the form now holds. */
  const writeEntry = useCallback(
    async (entry: ReportEntry, claimedRows: number[] = []) => {
      if (!context) return false;
      setBusy('write');
      const r = await host.writeActivity({ ...context, entry, claimedRows });
      setBusy(null);
      return applySheet(r);
    },
    [host, context, applySheet],
  );

  const reloadReport = useCallback(async () => {
    if (!data) return null;
    const r = await api.report(data.year.year, data.unitCode);
    if (r.kind !== 'ok') return null;
    setPhase({ kind: 'ready', data: { ...data, report: r.value } });
    return r.value;
  }, [api, data]);

  /** Steps 3–4 (report/sendReport.ts); a save also re-reads the report (its state and version). */
  const save = useCallback(
    async (entries: ReportEntry[], baseVersion: number, record: SyncRecord | null): Promise<SyncOutcome> => {
      if (!data) return { kind: 'error', message: MSG.pane.noConnection };
      const outcome = await sendReport({
        api, host, year: data.year.year, unitCode: data.unitCode, entries, baseVersion, record,
        newKey: newIdempotencyKey, onFailure: (o) => onFailureRef.current(o),
      });
      if (outcome.kind === 'saved') await reloadReport();
      return outcome;
    },
    [api, data, host, reloadReport],
  );

  /** The sheet read and checked, with the workbook's record and the base version it gives; or why not to send. */
  const readForSave = useCallback(
    async (mode: 'save' | 'submit'): Promise<{ ok: true; state: SheetState; record: SyncRecord | null; baseVersion: number } | { ok: false; outcome: SyncOutcome | null }> => {
      if (!data) return { ok: false, outcome: null };
      // Whose sheet it is comes first: another unit's rows would only be listed as problems.
      const record = await host.readSyncRecord();
      if (!record.ok) return { ok: false, outcome: { kind: 'blocked', message: MSG.pane.notSent(record.message) } };
      const base = syncBase(record.value, data.unitCode, data.year.year);
      if (!base.ok) return { ok: false, outcome: { kind: 'blocked', message: base.message } };
      const state = await refresh(mode);
      if (!state) return { ok: false, outcome: { kind: 'blocked', message: MSG.pane.prepareFirst } };
      if (state.unreadable.length > 0) return { ok: false, outcome: { kind: 'blocked', message: unreadableMessage(state.unreadable.length) } };
      if (mode === 'submit' && state.problems.length > 0) {
        return { ok: false, outcome: { kind: 'blocked', message: MSG.pane.problemsBeforeSubmit(state.problems.length) } };
      }
      return { ok: true, state, record: record.value, baseVersion: base.baseVersion };
    },
    [data, refresh, host],
  );

  const sync = useCallback(async () => {
    if (!data) return;
    setBusy('sync');
    setOutcome(null);
    const read = await readForSave('save');
    setOutcome(read.ok ? await save(read.state.entries, read.baseVersion, read.record) : read.outcome);
    setBusy(null);
  }, [data, readForSave, save]);

  /** Conflict: keep mine — save the sheet again on top of the server's current version. */
  const keepMine = useCallback(async () => {
    if (outcome?.kind !== 'conflict') return;
    setBusy('sync');
    // Read the sheet again: an edit made while the conflict was shown (or missed by change events) is saved too.
    const read = await readForSave('save');
    if (read.ok) setOutcome(await save(read.state.entries, outcome.current.version, read.record));
    else if (read.outcome) setOutcome(read.outcome);
    setBusy(null);
  }, [outcome, readForSave, save]);

  /** Conflict: take the server's — write its entries into the sheet. */
  const takeTheirs = useCallback(async () => {
    if (outcome?.kind !== 'conflict' || !data) return;
    const current = outcome.current;
    // The server's version becomes the base in the same Excel batch that writes its entries: if
    // Excel refuses, the sheet keeps its old base and the next sync meets the conflict again.
    if (!(await prepare('server', current))) return;
    setPhase({ kind: 'ready', data: { ...data, report: current } });
    setOutcome({ kind: 'saved', version: current.version, savedAt: current.savedAt ?? '', replayed: true });
  }, [outcome, data, prepare]);

  const submit = useCallback(async () => {
    if (!data) return;
    setBusy('submit');
    setOutcome(null);
    const read = await readForSave('submit');
    if (!read.ok) {
      setBusy(null);
      return setOutcome(read.outcome);
    }
    const saved = await save(read.state.entries, read.baseVersion, read.record);
    if (saved.kind !== 'saved') {
      setBusy(null);
      return setOutcome(saved);
    }
    const r = await api.submit(data.year.year, data.unitCode);
    setBusy(null);
    if (r.kind !== 'ok') onFailureRef.current(r);
    if (r.kind !== 'ok') return setOutcome(r.kind === 'offline' ? { kind: 'offline', message: r.message } : { kind: 'error', message: r.message });
    await reloadReport();
    setOutcome({ kind: 'submitted' });
  }, [api, data, readForSave, save, reloadReport]);

  /**
   * The reviewer's comments, whenever the pane loads them (opening, a return, an answer, a
   * resubmission that resolves them): into the sheet's „Uwagi weryfikatora (MOPS)” column. Before the
   * sheet is prepared nothing is written; „Przygotuj arkusz” writes them with the rows.
   */
  const showFeedback = useCallback(async (comments: readonly ReviewComment[], state: WorkflowState) => {
    const feedback = reviewerFeedback(comments, state);
    feedbackRef.current = feedback;
    const r = await host.writeFeedback(feedback);
    if (!r.ok) setExcelError(r.message);
  }, [host]);

  /** Shows a problem's cell in Excel; a failure is said like any Excel error. */
  const selectCell = useCallback(async (rowIndex: number, column: SheetColumnKey) => {
    const r = await host.selectCell(rowIndex, column);
    setExcelError(r.ok ? null : r.message);
  }, [host]);

  // What the sheet holds that the server's latest version (as this pane last saw it) does not.
  const unsynced = useMemo(() => (sheet && data ? unsyncedActivities(sheet.entries, data.report.entries, sheet.unreadable) : []), [sheet, data]);

  return { phase, sheet, busy, outcome, excelError, context, unsynced, load, prepare, writeEntry, selectCell, showFeedback, sync, keepMine, takeTheirs, submit, refresh, dismissOutcome: () => setOutcome(null) };
}

export type UnitReportModel = ReturnType<typeof useUnitReport>;

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button, Divider, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReportHost } from '../excel/host.ts';
import type { ReviewHost } from '../excel/reviewHost.ts';
import { ReviewApp } from './review/ReviewApp.tsx';
import { ActivityForm, type StrayFigure } from './components/ActivityForm.tsx';
import { ActivityList } from './components/ActivityList.tsx';
import { Header, UnitHeader } from './components/Header.tsx';
import { ProblemsList } from './components/ProblemsList.tsx';
import { SignIn } from './components/SignIn.tsx';
import { SyncPanel } from './components/SyncPanel.tsx';
import { SyncState } from './components/SyncState.tsx';
import { Steps, STEP_ORDER, type StepKey } from './components/Steps.tsx';
import { filledCount } from '../report/unsynced.ts';
import { formatPlNumber, columnIndex, type SheetProblem } from '@pwr-sync/shared';
import { UnitFeedback } from './review/report/UnitFeedback.tsx';
import { useUnitReport } from './useUnitReport.ts';
import { PlanMode } from './plan/PlanPanel.tsx';
import { ReviewTabs } from './review/ReviewTabs.tsx';
import type { Session } from '../session/session.ts';
import { useSession } from '../session/useSession.ts';
import { MSG, type MeResponse } from '@pwr-sync/shared';
import { browserModeUrl } from '../excel/requirements.ts';
import type { ApiClient } from '../api/client.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL },
  center: { padding: tokens.spacingHorizontalXXL },
  nav: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  grow: { flexGrow: 1 },
  navColumn: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  back: { alignSelf: 'flex-start' },
});

export interface AppProps {
  /** The session shared by the unit and review modes (one sign-in, one API client). */
  session: Session;
  host: ReportHost;
  /** Excel operations of the review mode (reviewers, managers, admins). */
  reviewHost: ReviewHost;
}

/** The task pane: sign-in, then the unit's report or the review mode, by role. */
export function App({ session, host, reviewHost }: AppProps) {
  const styles = useStyles();
  const state = useSession(session);
  const support = useMemo(() => host.checkSupport(), [host]);

  if (state.status === 'signed-out') return <main className={styles.root}><SignIn {...(state.message ? { message: state.message } : {})} onSignIn={session.signIn} methods={session.methods} onProviderSignIn={session.signInWithProvider} /></main>;
  if (state.status === 'checking') return <main className={styles.center}><Spinner label={MSG.pane.loading} /></main>;
  if (state.status === 'unreachable')
    return (
      <main className={styles.main}>
        <MessageBar intent="error" layout="multiline"><MessageBarBody>{state.message}</MessageBarBody></MessageBar>
        <Button onClick={() => void session.start()}>{MSG.pane.retry}</Button>
        <Button appearance="subtle" onClick={() => session.signOut()}>{MSG.pane.signOut}</Button>
      </main>
    );
  if (state.me.user.role !== 'unit_reporter')
    return <div className={styles.root}><ReviewApp api={state.api} me={state.me} host={reviewHost} supportOk={support.ok} supportMessage={support.ok ? null : support.message} onSignOut={(m) => session.signOut(m)} /></div>;
  return <UnitPane key={state.me.user.id} api={state.api} me={state.me} session={session} host={host} support={support} />;
}

interface UnitPaneProps {
  api: ApiClient;
  me: MeResponse;
  session: Session;
  host: ReportHost;
  support: ReturnType<ReportHost['checkSupport']>;
}

const ACTIVITY_ID_COLUMN = columnIndex('activityId');
const ACTUAL_COLUMN = columnIndex('actual');

/**
 * A unit reporter's pane, one step at a time: Przygotuj arkusz → Wypełnij → Synchronizuj → Przekaż.
 * Two views: the list (progress, activities, problems, sync) and one activity's form, opened by a
 * click, Enter, a problem's link or selecting the activity's row in Excel. Each state has one
 * primary action; the sync state says what has reached the server in both views.
 */
function UnitPane({ api, me, session, host, support }: UnitPaneProps) {
  const styles = useStyles();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  /** Where focus goes when the view changes: into the form (chosen in the pane), or not (chosen in Excel). */
  const [focusForm, setFocusForm] = useState(false);
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const [formDirty, setFormDirty] = useState(false);
  const sheetRowsRef = useRef<unknown[][]>([]);
  const onSelectRow = useCallback((rowIndex: number) => {
    const id = sheetRowsRef.current[rowIndex]?.[ACTIVITY_ID_COLUMN];
    if (typeof id !== 'string' || !id) return;
    // Chosen in Excel: open the form, but leave the keyboard in the sheet (only follow when the pane has focus).
    setFocusForm(document.hasFocus());
    setSelectedId(id);
  }, []);
  const model = useUnitReport({ api, me, host, onFailure: session.report, onSelectRow });
  const { phase, sheet, context } = model;
  sheetRowsRef.current = sheet?.rows ?? [];
  const progressRef = useRef<HTMLHeadingElement>(null);
  const prepared = useRef(false);
  const [mode, setMode] = useState<'report' | 'plan'>('report');
  const tabs = (
    <ReviewTabs label={MSG.plan.pane.modes} selected={mode} onSelect={setMode}
      tabs={[{ value: 'report', label: MSG.plan.pane.tabReport }, { value: 'plan', label: MSG.plan.pane.tabPlan }]} />
  );

  // After „Przygotuj arkusz” focus moves to the new content (the progress heading above the list).
  useEffect(() => {
    if (prepared.current && sheet && model.busy === null) {
      prepared.current = false;
      progressRef.current?.focus();
    }
  }, [sheet, model.busy]);

  // One shell in every state: the header first, then the tabs, so switching tabs keeps the focused tab (not remounted).
  const unitHeader = <UnitHeader name={me.orgUnit?.name ?? me.user.orgUnitCode ?? ''} onSignOut={() => session.signOut()} />;
  const shell = (header: ReactNode, body: ReactNode) => <div className={styles.root}>{header}{tabs}{body}</div>;

  // Planning does not wait on the report or the sheet: the plan keeps what is typed while they reload.
  if (mode === 'plan') return shell(unitHeader, <main className={styles.main}><PlanMode api={api} unitCode={me.user.orgUnitCode ?? ''} client="addin" /></main>);

  if (phase.kind === 'loading') return shell(unitHeader, <main className={styles.center}><Spinner label={MSG.pane.loading} /></main>);
  if (phase.kind === 'error')
    return shell(unitHeader, (
      <main className={styles.main}>
        <MessageBar intent="error" layout="multiline"><MessageBarBody>{phase.message}</MessageBarBody></MessageBar>
        <Button onClick={() => void model.load()}>{MSG.pane.retry}</Button>
      </main>
    ));

  const data = phase.data;
  const entries = new Map((sheet?.entries ?? []).map((e) => [e.activityId, e]));
  const reporting = data.assignments.filter((a) => a.role === 'reporting');
  const ids = reporting.map((a) => a.activity.id);
  const position = selectedId ? ids.indexOf(selectedId) : -1;
  const selected = position >= 0 ? reporting[position]! : null;
  const taskKind = (code: string) => data.tasks.find((t) => t.code === code)?.kind ?? 'complementary';
  const readOnly = data.report.state === 'submitted' || data.report.state === 'accepted' || data.year.status === 'closed';
  const filled = sheet ? filledCount(sheet.entries, ids) : 0;
  const unsynced = model.unsynced.length;
  const unresolved = !!model.outcome && !['saved', 'submitted'].includes(model.outcome.kind);
  const submitted = data.report.state === 'submitted' || data.report.state === 'accepted';

  // The steps: done ones, and the one to take now.
  const done = new Set<StepKey>();
  if (sheet) done.add('prepare');
  if (sheet && filled === ids.length && ids.length > 0) done.add('fill');
  if (sheet && unsynced === 0 && !formDirty && data.report.version > 0) done.add('sync');
  if (submitted) done.add('submit');
  const current = submitted ? null : STEP_ORDER.find((k) => !done.has(k)) ?? 'submit';
  // One primary action per state: while the form holds unsaved edits, its „Zapisz w arkuszu”.
  const primary = !sheet || readOnly || formDirty ? null : unsynced > 0 ? 'sync' : filled > 0 && !submitted ? 'submit' : null;

  function open(id: string, focus = true) {
    setFocusForm(focus);
    setSelectedId(id);
    setFormDirty(false);
  }
  function backToList() {
    setReturnTo(selectedId);
    setSelectedId(null);
    setFormDirty(false);
  }
  function openProblem(p: SheetProblem) {
    if (!p.activityId) return;
    // The cell in Excel and the form in the pane: the user sees the problem in both.
    void model.selectCell(p.rowIndex, p.column);
    open(p.activityId);
  }
  // Figures typed in the sheet for this activity on a line without a measure kind (the Miara cell is locked).
  const strayFigures: StrayFigure[] = selected && sheet
    ? sheet.unreadable.filter((p) => p.activityId === selected.activity.id && p.column === 'measureKind').flatMap((p) => {
      const v = sheet.rows[p.rowIndex]?.[ACTUAL_COLUMN];
      return v === null || v === undefined || v === '' ? [] : [{ rowIndex: p.rowIndex, value: typeof v === 'number' ? formatPlNumber(v, { maxDecimals: 6 }) : String(v) }];
    })
    : [];

  const syncState = sheet && (
    // The form's unsaved edit adds one change, unless its activity already differs from the server.
    <SyncState unsynced={unsynced + (formDirty && !(selectedId !== null && model.unsynced.includes(selectedId)) ? 1 : 0)} formDirty={formDirty} version={data.report.version} savedAt={data.report.savedAt ?? null} unresolved={unresolved}
      sending={model.busy === 'sync' || model.busy === 'submit'} />
  );
  const syncPanel = (
    <SyncPanel
      outcome={model.outcome}
      busy={model.busy === 'sync' || model.busy === 'submit'}
      canSubmit={!readOnly && filled > 0}
      submitHint={!readOnly && filled === 0 ? MSG.pane.submitNeedsData : null}
      primary={primary}
      onSync={() => void model.sync()}
      onSubmit={() => void model.submit()}
      onKeepMine={() => void model.keepMine()}
      onTakeTheirs={() => void model.takeTheirs()}
    />
  );
  // In the form view, the sheet's problems as a short live summary (the list is in the list view).
  const problemsNote = sheet && <Text size={200} role="status">{MSG.pane.problemsShort(sheet.problems.length)}</Text>;

  return shell(
    <Header data={data} onSignOut={() => session.signOut()} />,
    (
      <main className={styles.main}>
        {!support.ok && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody><MessageBarTitle>{MSG.pane.excelTooOld}</MessageBarTitle> {support.message}{' '}
              <Link href={browserModeUrl()} target="_blank" rel="noopener">{MSG.browser.useBrowser}</Link>
            </MessageBarBody>
          </MessageBar>
        )}
        {model.excelError && <MessageBar intent="error" layout="multiline"><MessageBarBody>{model.excelError}</MessageBarBody></MessageBar>}
        {selected && sheet && context ? (
          <>
            {syncState}
            <nav className={styles.navColumn} aria-label={MSG.pane.activityNav}>
              <Button appearance="subtle" className={styles.back} onClick={backToList}>{`← ${MSG.pane.backToList}`}</Button>
              <div className={styles.nav}>
                <Button size="small" disabled={position <= 0} onClick={() => open(ids[position - 1]!)}>{MSG.pane.previousActivity}</Button>
                <Text size={200} className={styles.grow} align="center">{MSG.pane.activityOf(position + 1, ids.length)}</Text>
                <Button size="small" disabled={position >= ids.length - 1} onClick={() => open(ids[position + 1]!)}>{MSG.pane.nextActivity}</Button>
              </div>
            </nav>
            <ActivityForm
              key={selected.activity.id}
              assignment={selected}
              taskKind={taskKind(selected.activity.taskCode)}
              policy={data.year.policy}
              entry={entries.get(selected.activity.id)}
              readOnly={readOnly}
              busy={model.busy !== null}
              onSave={model.writeEntry}
              onDirtyChange={setFormDirty}
              autoFocus={focusForm}
              strayFigures={strayFigures}
            />
            {problemsNote}
            <Divider />
            {syncPanel}
          </>
        ) : (
          <>
            <Steps done={done} current={current} />
            {data.report.state === 'returned' && data.report.reviewComment && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody><MessageBarTitle>{MSG.pane.returnedTitle}</MessageBarTitle> {MSG.pane.reviewerNotes(data.report.reviewComment)}</MessageBarBody>
              </MessageBar>
            )}
            {data.report.state === 'draft' && data.report.reviewComment && (
              <MessageBar intent="warning" layout="multiline" data-testid="reopened-note">
                <MessageBarBody><MessageBarTitle>{MSG.reviewView.unitReopenedTitle}</MessageBarTitle> {MSG.reviewView.unitReopenedReason(data.report.reviewComment)}</MessageBarBody>
              </MessageBar>
            )}
            <UnitFeedback api={api} year={data.year.year} unit={data.report.orgUnitCode} state={data.report.state} version={data.report.version}
              canReply={data.year.status === 'open'} onFailure={session.report} onComments={(c, state) => void model.showFeedback(c, state)} />
            {syncState}
            {sheet && context && (
              <>
                <Text as="h2" size={400} weight="semibold" ref={progressRef} tabIndex={-1}>{MSG.pane.progress(ids.length, filled)}</Text>
                <ActivityList assignments={data.assignments} entries={entries} problems={sheet.problems} selectedId={selectedId} focusId={returnTo} onSelect={(id) => open(id)} />
                <ProblemsList problems={sheet.problems} onSelect={openProblem} />
                <Divider />
                {syncPanel}
                <Divider />
              </>
            )}
            {support.ok && (
              <section aria-labelledby="sheet-title">
                <Text as="h2" size={400} weight="semibold" id="sheet-title" block>{MSG.pane.sheetTitle}</Text>
                <Text size={200} block>
                  {sheet ? MSG.pane.sheetHas(sheet.rows.length) : MSG.pane.sheetCreate}
                </Text>
                <Button appearance={sheet ? 'secondary' : 'primary'} disabled={model.busy !== null || readOnly} style={{ marginTop: tokens.spacingVerticalS }}
                  onClick={() => { prepared.current = true; void model.prepare(); }}>
                  {model.busy === 'prepare' ? MSG.pane.preparing : MSG.pane.prepare}
                </Button>
              </section>
            )}
          </>
        )}
      </main>
    ),
  );
}

import { useMemo, useState } from 'react';
import { Button, Divider, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReportHost } from '../excel/host.ts';
import type { ReviewHost } from '../excel/reviewHost.ts';
import { ReviewApp } from './review/ReviewApp.tsx';
import { ActivityForm } from './components/ActivityForm.tsx';
import { ActivityList } from './components/ActivityList.tsx';
import { Header } from './components/Header.tsx';
import { ProblemsList } from './components/ProblemsList.tsx';
import { SignIn } from './components/SignIn.tsx';
import { SyncPanel } from './components/SyncPanel.tsx';
import { useUnitReport } from './useUnitReport.ts';
import type { Session } from '../session/session.ts';
import { useSession } from '../session/useSession.ts';
import { MSG, type MeResponse } from '@pwr-sync/shared';
import { browserModeUrl } from '../excel/requirements.ts';
import type { ApiClient } from '../api/client.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL },
  center: { padding: tokens.spacingHorizontalXXL },
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

  if (state.status === 'signed-out') return <div className={styles.root}><SignIn {...(state.message ? { message: state.message } : {})} onSignIn={session.signIn} /></div>;
  if (state.status === 'checking') return <div className={styles.center}><Spinner label="Wczytywanie sprawozdania…" /></div>;
  if (state.status === 'unreachable')
    return (
      <div className={styles.main}>
        <MessageBar intent="error" layout="multiline"><MessageBarBody>{state.message}</MessageBarBody></MessageBar>
        <Button onClick={() => void session.start()}>{MSG.pane.retry}</Button>
        <Button appearance="subtle" onClick={() => session.signOut()}>{MSG.pane.signOut}</Button>
      </div>
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

/** A unit reporter's pane: the sheet, the form, problems, sync and submit. */
function UnitPane({ api, me, session, host, support }: UnitPaneProps) {
  const styles = useStyles();
  const model = useUnitReport({ api, me, host, onFailure: session.report });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const { phase, sheet, context } = model;

  if (phase.kind === 'loading') return <div className={styles.center}><Spinner label={MSG.pane.loading} /></div>;
  if (phase.kind === 'error')
    return (
      <div className={styles.main}>
        <MessageBar intent="error" layout="multiline"><MessageBarBody>{phase.message}</MessageBarBody></MessageBar>
        <Button onClick={() => void model.load()}>{MSG.pane.retry}</Button>
        <Button appearance="subtle" onClick={() => session.signOut()}>{MSG.pane.signOut}</Button>
      </div>
    );

  const data = phase.data;
  const entries = new Map((sheet?.entries ?? []).map((e) => [e.activityId, e]));
  const reporting = data.assignments.filter((a) => a.role === 'reporting');
  const selected = reporting.find((a) => a.activity.id === selectedId) ?? null;
  const taskKind = (code: string) => data.tasks.find((t) => t.code === code)?.kind ?? 'complementary';
  const readOnly = data.report.state === 'submitted' || data.report.state === 'accepted' || data.year.status === 'closed';

  return (
    <div className={styles.root}>
      <Header data={data} onSignOut={() => session.signOut()} />
      <main className={styles.main}>
        {!support.ok && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody><MessageBarTitle>{MSG.pane.excelTooOld}</MessageBarTitle> {support.message}{' '}
              <Link href={browserModeUrl()} target="_blank" rel="noopener">{MSG.browser.useBrowser}</Link>
            </MessageBarBody>
          </MessageBar>
        )}
        {model.excelError && <MessageBar intent="error" layout="multiline"><MessageBarBody>{model.excelError}</MessageBarBody></MessageBar>}
        {support.ok && (
          <section aria-labelledby="sheet-title">
            <Text as="h2" size={400} weight="semibold" id="sheet-title" block>{MSG.pane.sheetTitle}</Text>
            <Text size={200} block>
              {sheet ? MSG.pane.sheetHas(sheet.rows.length) : MSG.pane.sheetCreate}
            </Text>
            <Button appearance={sheet ? 'secondary' : 'primary'} onClick={() => void model.prepare()} disabled={model.busy !== null || readOnly} style={{ marginTop: tokens.spacingVerticalS }}>
              {model.busy === 'prepare' ? MSG.pane.preparing : MSG.pane.prepare}
            </Button>
          </section>
        )}
        {sheet && context && (
          <>
            <Divider />
            <ActivityList assignments={data.assignments} entries={entries} problems={sheet.problems} selectedId={selectedId} onSelect={setSelectedId} />
            {selected && (
              <ActivityForm
                key={selected.activity.id}
                assignment={selected}
                taskKind={taskKind(selected.activity.taskCode)}
                policy={data.year.policy}
                entry={entries.get(selected.activity.id)}
                readOnly={readOnly}
                busy={model.busy !== null}
                onSave={model.writeEntry}
              />
            )}
            <Divider />
            <ProblemsList problems={sheet.problems} onSelect={setSelectedId} />
          </>
        )}
        <Divider />
        <SyncPanel
          report={data.report}
          outcome={model.outcome}
          busy={model.busy === 'sync' || model.busy === 'submit'}
          canSubmit={!!sheet && !readOnly}
          onSync={() => void model.sync()}
          onSubmit={() => void model.submit()}
          onKeepMine={() => void model.keepMine()}
          onTakeTheirs={() => void model.takeTheirs()}
        />
      </main>
    </div>
  );
}

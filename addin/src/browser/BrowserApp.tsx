import { useState } from 'react';
import { Badge, Button, MessageBar, MessageBarBody, Spinner, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MSG } from '@pwr-sync/shared';
import type { Session } from '../session/session.ts';
import { useSession } from '../session/useSession.ts';
import { SignIn } from '../taskpane/components/SignIn.tsx';
import { ReviewHome } from './ReviewHome.tsx';
import { UnitHome } from './UnitHome.tsx';
import { UsersPage } from './UsersPage.tsx';
import { ProgramPage } from './ProgramPage.tsx';
import { UnitModes } from './UnitModes.tsx';
import { BrowserPlanMode } from './BrowserPlanMode.tsx';

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  bar: {
    display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand,
  },
  who: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  page: { maxWidth: '960px', margin: '0 auto', padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  // three tabs do not fit 320 px side by side: they wrap
  tabs: { flexWrap: 'wrap' },
  card: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4, maxWidth: '520px', margin: '0 auto' },
});

type AdminPage = 'reports' | 'program' | 'users';

/** The app in a plain browser (no Office): the same session, API client and catalogue as the pane; files instead of Excel. */
export function BrowserApp({ session }: { session: Session }) {
  const styles = useStyles();
  const state = useSession(session);
  const t = MSG.browser;
  const signedIn = state.status === 'signed-in' ? state : null;
  // The admin's pages: the reports (as MOPS sees them), the program with its years, and the users page.
  const [page, setPage] = useState<AdminPage>('reports');
  const isAdmin = signedIn?.me.user.role === 'admin';
  return (
    <div className={styles.root}>
      <header className={styles.bar}>
        <Text as="h1" size={500} weight="semibold">{t.appTitle}</Text>
        {signedIn && (
          <div className={styles.who}>
            <Text>{signedIn.me.user.name}{signedIn.me.orgUnit ? ` · ${signedIn.me.orgUnit.name}` : ''}</Text>
            <Badge appearance="filled" color="informative">{MSG.labels.role[signedIn.me.user.role]}</Badge>
            <Button size="small" onClick={() => session.signOut()}>{t.signOut}</Button>
          </div>
        )}
      </header>
      <main className={styles.page}>
        {state.status === 'signed-out' && (
          <div className={styles.card}><SignIn {...(state.message ? { message: state.message } : {})} note={t.signInNote} onSignIn={session.signIn} methods={session.methods} onProviderSignIn={session.signInWithProvider} /></div>
        )}
        {state.status === 'checking' && <Spinner label={t.loading} />}
        {state.status === 'unreachable' && (
          <>
            <MessageBar intent="error" layout="multiline"><MessageBarBody>{state.message}</MessageBarBody></MessageBar>
            <Button onClick={() => void session.start()}>{t.retry}</Button>
          </>
        )}
        {signedIn && isAdmin && (
          <TabList className={styles.tabs} selectedValue={page} onTabSelect={(_, d) => setPage(d.value as AdminPage)} aria-label={t.appTitle}>
            <Tab value="reports">{MSG.auth.navReview}</Tab>
            <Tab value="program">{MSG.program.admin.nav}</Tab>
            <Tab value="users">{MSG.auth.navUsers}</Tab>
          </TabList>
        )}
        {signedIn && isAdmin && page === 'users' && <UsersPage key={signedIn.me.user.id} api={signedIn.api} me={signedIn.me} onFailure={session.report} />}
        {signedIn && isAdmin && page === 'program' && <ProgramPage key={signedIn.me.user.id} api={signedIn.api} onFailure={session.report} />}
        {signedIn && !(isAdmin && page !== 'reports') && (signedIn.me.user.role === 'unit_reporter'
          ? <UnitModes key={signedIn.me.user.id} report={<UnitHome api={signedIn.api} me={signedIn.me} onFailure={session.report} />} plan={<BrowserPlanMode api={signedIn.api} unitCode={signedIn.me.user.orgUnitCode ?? ''} onFailure={session.report} />} />
          : <ReviewHome key={signedIn.me.user.id} api={signedIn.api} me={signedIn.me} onFailure={session.report} />)}
      </main>
    </div>
  );
}

import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { UnitReport } from '@pwr-sync/shared';
import { formatDate } from '../format.ts';
import type { SyncOutcome } from '../useUnitReport.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  diff: { maxHeight: '220px', overflowY: 'auto' },
});

const FIELD_LABELS = { status: 'Status', actual: 'Wykonanie', moneySpent: 'Wydatki', comment: 'Komentarz' } as const;

export interface SyncPanelProps {
  report: UnitReport;
  outcome: SyncOutcome | null;
  busy: boolean;
  canSubmit: boolean;
  onSync: () => void;
  onSubmit: () => void;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

/** "Synchronizuj" and "Przekaż do weryfikacji", with the outcome said plainly. */
export function SyncPanel({ report, outcome, busy, canSubmit, onSync, onSubmit, onKeepMine, onTakeTheirs }: SyncPanelProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="sync-title">
      <Text as="h2" size={400} weight="semibold" id="sync-title">Serwer MOPS</Text>
      {report.state === 'returned' && report.reviewComment && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody><MessageBarTitle>Sprawozdanie zwrócone do poprawy.</MessageBarTitle> Uwagi weryfikującego: {report.reviewComment}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onSync} disabled={busy}>Synchronizuj</Button>
        <Button onClick={onSubmit} disabled={busy || !canSubmit}>Przekaż do weryfikacji</Button>
        {busy && <Spinner size="tiny" label="Trwa…" />}
      </div>
      <div aria-live="polite">{outcome && <Outcome outcome={outcome} onKeepMine={onKeepMine} onTakeTheirs={onTakeTheirs} busy={busy} />}</div>
    </section>
  );
}

function Outcome({ outcome, onKeepMine, onTakeTheirs, busy }: { outcome: SyncOutcome; onKeepMine: () => void; onTakeTheirs: () => void; busy: boolean }) {
  const styles = useStyles();
  switch (outcome.kind) {
    case 'saved':
      return (
        <>
          <MessageBar intent="success"><MessageBarBody><MessageBarTitle>Zapisano na serwerze.</MessageBarTitle> Wersja {outcome.version}, {formatDate(outcome.savedAt)}.</MessageBarBody></MessageBar>
          {outcome.unrecorded && <MessageBar intent="warning" layout="multiline"><MessageBarBody>{outcome.unrecorded}</MessageBarBody></MessageBar>}
        </>
      );
    case 'submitted':
      return <MessageBar intent="success"><MessageBarBody><MessageBarTitle>Przekazano do weryfikacji.</MessageBarTitle> MOPS otrzymał sprawozdanie.</MessageBarBody></MessageBar>;
    case 'offline':
      return <MessageBar intent="warning" layout="multiline"><MessageBarBody><MessageBarTitle>Serwer niedostępny.</MessageBarTitle> {outcome.message}</MessageBarBody></MessageBar>;
    case 'blocked':
    case 'error':
      return <MessageBar intent="error" layout="multiline"><MessageBarBody>{outcome.message}</MessageBarBody></MessageBar>;
    case 'rejected':
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Serwer odrzucił część danych.</MessageBarTitle> {outcome.message}
            <ul>{outcome.problems.map((p, i) => <li key={i}>{p.activityId ? `${p.activityId}: ` : ''}{p.message}</li>)}</ul>
          </MessageBarBody>
        </MessageBar>
      );
    case 'conflict':
      return (
        <div>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Ktoś zapisał nowszą wersję ({outcome.current.version}).</MessageBarTitle>
              {' '}Zapisał: {outcome.current.savedBy ?? '—'}, {formatDate(outcome.current.savedAt)}. Różnice: {outcome.differences.length}.
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={onKeepMine} disabled={busy}>Zachowaj moje</Button>
              <Button onClick={onTakeTheirs} disabled={busy}>Weź wersję z serwera</Button>
            </MessageBarActions>
          </MessageBar>
          <div className={styles.diff}>
            <Table size="extra-small" aria-label="Różnice między arkuszem a serwerem">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Działanie</TableHeaderCell>
                  <TableHeaderCell>Pole</TableHeaderCell>
                  <TableHeaderCell>W arkuszu</TableHeaderCell>
                  <TableHeaderCell>Na serwerze</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {outcome.differences.map((d, i) => (
                  <TableRow key={i}>
                    <TableCell>{d.activityId}</TableCell>
                    <TableCell>{FIELD_LABELS[d.field]}</TableCell>
                    <TableCell>{d.mine}</TableCell>
                    <TableCell>{d.theirs}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </div>
      );
  }
}

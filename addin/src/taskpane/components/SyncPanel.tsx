import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MSG, type UnitReport } from '@pwr-sync/shared';
import { formatDate } from '../format.ts';
import type { SyncOutcome } from '../useUnitReport.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  diff: { maxHeight: '220px', overflowY: 'auto' },
});

const FIELD_LABELS = MSG.pane.fieldLabels;

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
      <Text as="h2" size={400} weight="semibold" id="sync-title">{MSG.pane.serverTitle}</Text>
      {report.state === 'returned' && report.reviewComment && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody><MessageBarTitle>{MSG.pane.returnedTitle}</MessageBarTitle> {MSG.pane.reviewerNotes(report.reviewComment)}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onSync} disabled={busy}>{MSG.pane.sync}</Button>
        <Button onClick={onSubmit} disabled={busy || !canSubmit}>{MSG.pane.submit}</Button>
        {busy && <Spinner size="tiny" label={MSG.pane.working} />}
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
          <MessageBar intent="success"><MessageBarBody><MessageBarTitle>{MSG.pane.savedTitle}</MessageBarTitle> {MSG.pane.savedDetail(outcome.version, formatDate(outcome.savedAt))}</MessageBarBody></MessageBar>
          {outcome.unrecorded && <MessageBar intent="warning" layout="multiline"><MessageBarBody>{outcome.unrecorded}</MessageBarBody></MessageBar>}
        </>
      );
    case 'submitted':
      return <MessageBar intent="success"><MessageBarBody><MessageBarTitle>{MSG.pane.submittedTitle}</MessageBarTitle> {MSG.pane.submittedDetail}</MessageBarBody></MessageBar>;
    case 'offline':
      return <MessageBar intent="warning" layout="multiline"><MessageBarBody><MessageBarTitle>{MSG.pane.offlineTitle}</MessageBarTitle> {outcome.message}</MessageBarBody></MessageBar>;
    case 'blocked':
    case 'error':
      return <MessageBar intent="error" layout="multiline"><MessageBarBody>{outcome.message}</MessageBarBody></MessageBar>;
    case 'rejected':
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{MSG.pane.rejectedTitle}</MessageBarTitle> {outcome.message}
            <ul>{outcome.problems.map((p, i) => <li key={i}>{p.activityId ? `${p.activityId}: ` : ''}{p.message}</li>)}</ul>
          </MessageBarBody>
        </MessageBar>
      );
    case 'conflict':
      return (
        <div>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{MSG.pane.conflictTitle(outcome.current.version)}</MessageBarTitle>
              {MSG.pane.conflictDetail(outcome.differences.length, outcome.current.savedBy ?? '—', formatDate(outcome.current.savedAt))}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={onKeepMine} disabled={busy}>{MSG.pane.keepMine}</Button>
              <Button onClick={onTakeTheirs} disabled={busy}>{MSG.pane.takeTheirs}</Button>
            </MessageBarActions>
          </MessageBar>
          <div className={styles.diff}>
            <Table size="extra-small" aria-label={MSG.pane.differencesLabel}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{MSG.pane.colActivity}</TableHeaderCell>
                  <TableHeaderCell>{MSG.pane.colField}</TableHeaderCell>
                  <TableHeaderCell>{MSG.pane.colMine}</TableHeaderCell>
                  <TableHeaderCell>{MSG.pane.colTheirs}</TableHeaderCell>
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

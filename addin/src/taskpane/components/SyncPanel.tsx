import { useEffect, useRef } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MSG } from '@pwr-sync/shared';
import { formatDate } from '../format.ts';
import type { SyncOutcome } from '../useUnitReport.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // The differences table scrolls inside the pane, never the pane sideways; keyboard users can scroll it too.
  diff: { maxHeight: '220px', overflow: 'auto', maxWidth: '100%' },
});

const FIELD_LABELS = MSG.pane.fieldLabels;

export interface SyncPanelProps {
  outcome: SyncOutcome | null;
  busy: boolean;
  canSubmit: boolean;
  /** Why „Przekaż do weryfikacji” is disabled, when it is for lack of data. */
  submitHint: string | null;
  /** The one primary action of this state: send the changes, or hand the report over. */
  primary: 'sync' | 'submit' | null;
  onSync: () => void;
  onSubmit: () => void;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

/** "Synchronizuj" and "Przekaż do weryfikacji", with the outcome said plainly. */
export function SyncPanel({ outcome, busy, canSubmit, submitHint, primary, onSync, onSubmit, onKeepMine, onTakeTheirs }: SyncPanelProps) {
  const styles = useStyles();
  const result = useRef<HTMLDivElement>(null);
  // When an action ends, focus goes to what it says (its button was disabled while it ran).
  const wasBusy = useRef(busy);
  useEffect(() => {
    // A plain save is said by the sync state (a status region); focus stays on the button then.
    if (wasBusy.current && !busy && outcome && (outcome.kind !== 'saved' || outcome.unrecorded)) result.current?.focus();
    wasBusy.current = busy;
  }, [busy, outcome]);
  return (
    <section className={styles.root} aria-labelledby="sync-title">
      <Text as="h2" size={400} weight="semibold" id="sync-title">{MSG.pane.serverTitle}</Text>
      <div className={styles.actions}>
        {/* disabledFocusable while busy: the keyboard user's focus stays where it was. */}
        <Button appearance={primary === 'sync' ? 'primary' : 'secondary'} onClick={onSync} disabledFocusable={busy}>{MSG.pane.sync}</Button>
        <Button appearance={primary === 'submit' ? 'primary' : 'secondary'} onClick={onSubmit} disabledFocusable={busy && canSubmit} disabled={!canSubmit} aria-describedby={submitHint ? 'submit-hint' : undefined}>{MSG.pane.submit}</Button>
        {busy && <Spinner size="tiny" label={MSG.pane.working} />}
      </div>
      {submitHint && <Text size={200} id="submit-hint">{submitHint}</Text>}
      <div ref={result} tabIndex={-1} aria-live="polite">{outcome && <Outcome outcome={outcome} onKeepMine={onKeepMine} onTakeTheirs={onTakeTheirs} busy={busy} />}</div>
    </section>
  );
}

function Outcome({ outcome, onKeepMine, onTakeTheirs, busy }: { outcome: SyncOutcome; onKeepMine: () => void; onTakeTheirs: () => void; busy: boolean }) {
  const styles = useStyles();
  switch (outcome.kind) {
    case 'saved':
      // What was saved is said by the pane's sync state (SyncState), green only while nothing is unsent.
      return outcome.unrecorded ? <MessageBar intent="warning" layout="multiline"><MessageBarBody>{outcome.unrecorded}</MessageBarBody></MessageBar> : null;
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

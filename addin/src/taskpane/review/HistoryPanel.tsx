import { MSG } from '@pwr-sync/shared';
import { Button, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { choice, choiceText } from '../../review/choices.ts';
import { formatDate } from '../format.ts';
import type { ReviewHistory, ReviewNotice } from './useReview.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  scroll: { maxHeight: '360px', overflowY: 'auto' },
  events: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  code: { color: tokens.colorNeutralForeground3 },
  event: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalXS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

export interface HistoryPanelProps {
  history: ReviewHistory | null;
  notice: ReviewNotice;
  busy: boolean;
  tableLoaded: boolean;
  onLoad: () => void;
}

/**
 * Who changed the selected row's activity, when, and what (old → new); then the workflow of the
 * whole unit report (submitted, returned with the reviewer's comment, accepted, reopened).
 */
export function HistoryPanel({ history, notice, busy, tableLoaded, onLoad }: HistoryPanelProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="history-title">
      <Text as="h2" size={400} weight="semibold" id="history-title">{MSG.review.historyTitle}</Text>
      <Text size={200}>{MSG.review.historyHint}</Text>
      <Button onClick={onLoad} disabled={busy || !tableLoaded}>{MSG.review.showHistory}</Button>
      <div aria-live="polite">
        {notice && <MessageBar intent={notice.intent} layout="multiline"><MessageBarBody>{notice.text}</MessageBarBody></MessageBar>}
        {history && (
          <>
            {/* names first, codes as secondary text */}
            <Text block weight="semibold">{history.activityName} <Text size={200} className={styles.code}>({history.row.activityId})</Text></Text>
            <Text block>{choiceText(choice(history.row.reportingUnit, history.unitName))}{history.row.measureLabel ? ` · ${history.row.measureLabel}` : ''}: {MSG.review.changes(history.lines.length)}</Text>
          </>
        )}
      </div>
      {history && history.lines.length > 0 && (
        <div className={styles.scroll}>
          <Table size="extra-small" aria-label={MSG.review.historyTable}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{MSG.review.colWhen}</TableHeaderCell>
                <TableHeaderCell>{MSG.review.colField}</TableHeaderCell>
                <TableHeaderCell>{MSG.review.colChange}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {history.lines.map((l, i) => (
                <TableRow key={i}>
                  <TableCell>{MSG.review.savedLine(formatDate(l.savedAt), l.savedBy, l.version)}{l.onBehalfReason ? MSG.review.onBehalfNote(l.onBehalfReason) : ''}</TableCell>
                  <TableCell>{l.field}</TableCell>
                  <TableCell>{'text' in l ? l.text : `${l.old} → ${l.new}`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {history && (
        <section className={styles.root} aria-labelledby="workflow-title">
          <Text as="h3" size={300} weight="semibold" id="workflow-title">{MSG.review.workflowTitle(choiceText(choice(history.row.reportingUnit, history.unitName)))}</Text>
          {history.events.length === 0 ? (
            <Text size={200}>{MSG.review.noEvents}</Text>
          ) : (
            <ul className={styles.events} aria-label={MSG.review.eventsLabel}>
              {history.events.map((e, i) => (
                <li key={i} className={styles.event}>
                  <Text><Text weight="semibold">{e.action}</Text> · {e.by}</Text>
                  <Text size={200}>{MSG.review.eventLine(formatDate(e.at), e.version)}</Text>
                  {e.comment && <Text size={200}>{MSG.review.notes(e.comment)}</Text>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}

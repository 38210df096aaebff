import { Button, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SelectedReviewRow } from '../../excel/review.ts';
import type { HistoryLine } from '../../review/history.ts';
import { formatDate } from '../format.ts';
import type { ReviewNotice } from './useReview.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  scroll: { maxHeight: '360px', overflowY: 'auto' },
});

export interface HistoryPanelProps {
  history: { row: SelectedReviewRow; lines: HistoryLine[] } | null;
  notice: ReviewNotice;
  busy: boolean;
  tableLoaded: boolean;
  onLoad: () => void;
}

/** Who changed the selected row's activity, when, and what (old → new). */
export function HistoryPanel({ history, notice, busy, tableLoaded, onLoad }: HistoryPanelProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="history-title">
      <Text as="h2" size={400} weight="semibold" id="history-title">Historia zaznaczonego wiersza</Text>
      <Text size={200}>Zaznacz w arkuszu „Zestawienie” dowolną komórkę wiersza i kliknij przycisk.</Text>
      <Button onClick={onLoad} disabled={busy || !tableLoaded}>Pokaż historię</Button>
      <div aria-live="polite">
        {notice && <MessageBar intent={notice.intent} layout="multiline"><MessageBarBody>{notice.text}</MessageBarBody></MessageBar>}
        {history && (
          <Text block weight="semibold">
            {history.row.activityId} · {history.row.reportingUnit}{history.row.measureLabel ? ` · ${history.row.measureLabel}` : ''}: {history.lines.length ? `${history.lines.length} zmian` : 'brak zmian od pierwszego zapisu'}
          </Text>
        )}
      </div>
      {history && history.lines.length > 0 && (
        <div className={styles.scroll}>
          <Table size="extra-small" aria-label="Historia zmian działania">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Kiedy i kto</TableHeaderCell>
                <TableHeaderCell>Pole</TableHeaderCell>
                <TableHeaderCell>Było → jest</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {history.lines.map((l, i) => (
                <TableRow key={i}>
                  <TableCell>{formatDate(l.savedAt)} · {l.savedBy} (wersja {l.version})</TableCell>
                  <TableCell>{l.field}</TableCell>
                  <TableCell>{l.old} → {l.new}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

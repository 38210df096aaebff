import { useState } from 'react';
import { Badge, Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MSG, WORKFLOW_STATE_LABELS, type CompletenessRow, type WorkflowState } from '@pwr-sync/shared';
import { formatDate } from '../format.ts';
import type { ReviewNotice } from './useReview.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, '& > *': { maxWidth: '100%' } },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: 'anywhere' },
  head: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  name: { overflowWrap: 'anywhere', minWidth: 0, flex: '1 1 auto' },
  // the state is one word or two, never broken inside a word at 320 px: the name gives way
  state: { flexShrink: 0, whiteSpace: 'nowrap' },
  code: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const ORDER: WorkflowState[] = ['not_started', 'draft', 'submitted', 'returned', 'accepted'];
const COLOR: Record<WorkflowState, 'informative' | 'brand' | 'warning' | 'danger' | 'success'> = {
  not_started: 'informative', draft: 'brand', submitted: 'warning', returned: 'danger', accepted: 'success',
};

export interface CompletenessPanelProps {
  rows: readonly CompletenessRow[] | null;
  canReview: boolean;
  yearOpen: boolean;
  notice: ReviewNotice;
  /** Opens the unit's report (the reviewer decides from there, never from this list). */
  onOpen: (unit: string) => void;
  /** The same list for plans (MOPS's review of plans): its title and open button. */
  texts?: { title: string; open: string; openLabel: (unitName: string) => string };
}

/** Which units have not started, are drafting, submitted, returned or accepted; each report opens for review. */
export function CompletenessPanel({ rows, canReview, yearOpen, notice, onOpen, texts }: CompletenessPanelProps) {
  const styles = useStyles();
  const [only, setOnly] = useState<WorkflowState | null>(null);
  if (!rows) return <Text>{MSG.review.loadingCompleteness}</Text>;
  const count = (s: WorkflowState) => rows.filter((r) => r.state === s).length;
  const listed = only ? rows.filter((r) => r.state === only) : rows;
  const actionsNote = !canReview
    ? MSG.review.reviewerOnly
    : !yearOpen ? MSG.review.yearClosed : null;

  return (
    <section className={styles.root} aria-labelledby="completeness-title">
      <Text as="h2" size={400} weight="semibold" id="completeness-title">{texts?.title ?? MSG.review.completenessTitle}</Text>
      <div className={styles.counts} role="group" aria-label={MSG.review.showStates}>
        <Button size="small" appearance={only === null ? 'primary' : 'secondary'} onClick={() => setOnly(null)}>{MSG.review.allStates(rows.length)}</Button>
        {ORDER.map((s) => (
          <Button key={s} size="small" appearance={only === s ? 'primary' : 'secondary'} onClick={() => setOnly(s)} aria-pressed={only === s}>
            {MSG.review.stateCount(WORKFLOW_STATE_LABELS[s], count(s))}
          </Button>
        ))}
      </div>
      {actionsNote && <Text size={200} block>{actionsNote}</Text>}
      <div aria-live="polite">{notice && <MessageBar intent={notice.intent} layout="multiline"><MessageBarBody>{notice.text}</MessageBarBody></MessageBar>}</div>
      <ul className={styles.list} aria-label={MSG.review.unitsLabel}>
        {listed.map((r) => (
          <li key={r.orgUnitCode} className={styles.item} data-unit={r.orgUnitCode}>
            {/* the name first, the code as secondary text */}
            <div className={styles.head}>
              <Text weight="semibold" className={styles.name}>{r.orgUnitName}</Text>
              <Badge appearance="tint" color={COLOR[r.state]} className={styles.state}>{WORKFLOW_STATE_LABELS[r.state]}</Badge>
            </div>
            {!r.orgUnitName.includes(r.orgUnitCode) && <Text size={200} className={styles.code}>{r.orgUnitCode}</Text>}
            <Text size={200}>{MSG.review.filled(r.activities, r.filled, r.version, r.lastChangeAt ? MSG.review.lastChange(formatDate(r.lastChangeAt), r.lastChangeBy ?? '—') : '')}</Text>
            {/* the comment is current only until the unit hands the report in again (then it is in the history) */}
            {(r.state === 'returned' || r.state === 'draft') && r.reviewComment && <Text size={200}>{MSG.review.notes(r.reviewComment)}</Text>}
            {/* MOPS opens a late unit's empty report too, to enter its figures on its behalf */}
            {(r.version > 0 || (canReview && yearOpen && r.activities > 0)) && (
              <div className={styles.actions}>
                <Button size="small" appearance={r.state === 'submitted' ? 'primary' : 'secondary'} onClick={() => onOpen(r.orgUnitCode)}
                  aria-label={(texts?.openLabel ?? MSG.reviewView.openLabel)(r.orgUnitName)}>{texts?.open ?? MSG.reviewView.open}</Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

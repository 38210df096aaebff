import { useState } from 'react';
import { Badge, Button, Field, MessageBar, MessageBarBody, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { MSG, WORKFLOW_STATE_LABELS, type CompletenessRow, type WorkflowState } from '@pwr-sync/shared';
import { formatDate } from '../format.ts';
import type { ReviewNotice } from './useReview.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  head: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, alignItems: 'center' },
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
  busy: boolean;
  notice: ReviewNotice;
  onAccept: (unit: string) => Promise<boolean>;
  onReturn: (unit: string, comment: string) => Promise<boolean>;
}

/** Which units have not started, are drafting, submitted, returned or accepted; accept / return. */
export function CompletenessPanel({ rows, canReview, yearOpen, busy, notice, onAccept, onReturn }: CompletenessPanelProps) {
  const styles = useStyles();
  const [only, setOnly] = useState<WorkflowState | null>(null);
  const [returning, setReturning] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  if (!rows) return <Text>{MSG.review.loadingCompleteness}</Text>;
  const count = (s: WorkflowState) => rows.filter((r) => r.state === s).length;
  const listed = only ? rows.filter((r) => r.state === only) : rows;
  const actionsNote = !canReview
    ? MSG.review.reviewerOnly
    : !yearOpen ? MSG.review.yearClosed : null;

  async function handleReturn(unit: string) {
    if (!comment.trim()) return setCommentError(MSG.review.returnReasonMissing);
    setCommentError(null);
    if (await onReturn(unit, comment.trim())) {
      setReturning(null);
      setComment('');
    }
  }

  return (
    <section className={styles.root} aria-labelledby="completeness-title">
      <Text as="h2" size={400} weight="semibold" id="completeness-title">{MSG.review.completenessTitle}</Text>
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
        {listed.map((r) => {
          const disabled = busy || !canReview || !yearOpen;
          return (
            <li key={r.orgUnitCode} className={styles.item} data-unit={r.orgUnitCode}>
              <div className={styles.head}>
                <Text weight="semibold">{r.orgUnitCode}</Text>
                <Badge appearance="tint" color={COLOR[r.state]}>{WORKFLOW_STATE_LABELS[r.state]}</Badge>
              </div>
              <Text size={200}>{r.orgUnitName}</Text>
              <Text size={200}>{MSG.review.filled(r.activities, r.filled, r.version, r.lastChangeAt ? MSG.review.lastChange(formatDate(r.lastChangeAt), r.lastChangeBy ?? '—') : '')}</Text>
              {/* the comment is current only until the unit hands the report in again (then it is in the history) */}
              {(r.state === 'returned' || r.state === 'draft') && r.reviewComment && <Text size={200}>{MSG.review.notes(r.reviewComment)}</Text>}
              {(r.state === 'submitted' || r.state === 'accepted') && (
                <div className={styles.actions}>
                  {r.state === 'submitted' && <Button size="small" appearance="primary" disabled={disabled} onClick={() => void onAccept(r.orgUnitCode)} aria-label={MSG.review.acceptLabel(r.orgUnitCode)}>{MSG.review.accept}</Button>}
                  <Button size="small" disabled={disabled} onClick={() => { setReturning(r.orgUnitCode); setComment(''); setCommentError(null); }} aria-label={MSG.review.returnLabel(r.orgUnitCode)}>{MSG.review.returnAction}</Button>
                </div>
              )}
              {returning === r.orgUnitCode && canReview && (
                <div>
                  <Field label={MSG.review.commentFor(r.orgUnitCode)} required validationMessage={commentError ?? undefined} validationState={commentError ? 'error' : 'none'}>
                    <Textarea value={comment} onChange={(_, d) => setComment(d.value)} maxLength={2000} resize="vertical" />
                  </Field>
                  <div className={styles.actions} style={{ marginTop: tokens.spacingVerticalXS }}>
                    <Button size="small" appearance="primary" disabled={busy} onClick={() => void handleReturn(r.orgUnitCode)}>{MSG.review.returnWithComment}</Button>
                    <Button size="small" appearance="subtle" onClick={() => setReturning(null)}>{MSG.review.cancel}</Button>
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

import { useState } from 'react';
import { Badge, Button, Field, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import {
  BAND_COLOURS, MSG, REPORT_STATUS_LABELS, REVIEW_COMMENT_MAX, VARIANCE_BAND_LABELS, entrySummary, formatPercent, formatPlNumber, measureKey,
  type ActivityCommentInput, type ReviewActivity, type ReviewComment,
} from '@pwr-sync/shared';
import { CommentThread, measureLabel } from './CommentThread.tsx';
import type { DraftComment } from './useUnitReview.ts';

const useStyles = makeStyles({
  card: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  lines: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  line: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'baseline' },
  band: { borderRadius: tokens.borderRadiusMedium, padding: `0 ${tokens.spacingHorizontalXS}`, fontSize: tokens.fontSizeBase200 },
  text: { overflowWrap: 'anywhere' },
  draft: { borderLeft: `3px dashed ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalS },
});

const num = (v: number | null) => (v === null ? '—' : formatPlNumber(v));

export interface ActivityReviewCardProps {
  activity: ReviewActivity;
  comments: readonly ReviewComment[];
  drafts: readonly DraftComment[];
  reportState: string;
  /** The reviewer may add comments (a submitted report, a reviewer, an open year). */
  canComment: boolean;
  onAddDraft: (c: ActivityCommentInput) => void;
  onRemoveDraft: (key: number) => void;
  /** A reviewer settles an open comment (absent: not allowed here — accepted report, manager, closed year). */
  onResolve?: ((commentId: number) => Promise<boolean>) | undefined;
  /** MOPS answers in a comment's thread (absent where it may not). */
  onReply?: ((commentId: number, text: string) => Promise<boolean>) | undefined;
}

/** One activity of the report view: names first, plan and figures with their bands, the unit's texts, what changed, comments. */
export function ActivityReviewCard({ activity, comments, drafts, reportState, canComment, onAddDraft, onRemoveDraft, onResolve, onReply }: ActivityReviewCardProps) {
  const styles = useStyles();
  const t = MSG.reviewView;
  const [writing, setWriting] = useState(false);
  const [text, setText] = useState('');
  const [measure, setMeasure] = useState('');
  const first = activity.rows[0]!;
  const entry = activity.entry;
  const measures = [...new Set(activity.rows.filter((r) => r.lineRole === 'planned' && r.measureKind).map((r) => measureKey({ kind: r.measureKind!, qualifier: r.qualifier ?? undefined })))];

  function add() {
    if (!text.trim()) return;
    onAddDraft({ activityId: activity.activityId, measureKey: measure || null, text: text.trim() });
    setText('');
    setMeasure('');
    setWriting(false);
  }

  return (
    <li className={styles.card} data-activity={activity.activityId} aria-labelledby={`act-${activity.activityId}`}>
      <Text size={200} className={styles.text}>{activity.areaTitle ? `${activity.areaTitle} › ` : ''}{activity.taskTitle} <Text size={200} italic>({first.taskCode})</Text></Text>
      <div className={styles.row}>
        <Text weight="semibold" id={`act-${activity.activityId}`} className={styles.text}>{first.activityName}</Text>
        {activity.changed && <Badge appearance="filled" color="brand">{t.changed}</Badge>}
      </div>
      <Text size={200}>{entry?.status ? t.status(REPORT_STATUS_LABELS[entry.status]) : t.noEntry}</Text>
      <ul className={styles.lines}>
        {activity.rows.filter((r) => r.measureKind || r.band).map((r, i) => {
          const colours = r.band ? BAND_COLOURS[r.band] : null;
          return (
            <li key={i} className={styles.line}>
              {r.measureKind && <Text size={200}>{measureLabel(measureKey({ kind: r.measureKind, qualifier: r.qualifier ?? undefined }))}:</Text>}
              {r.measureKind && <Text size={200}>{t.plan} {num(r.plan)} · {t.actual} {num(r.actual)}{r.ratio !== null ? ` · ${formatPercent(r.ratio)}` : ''}</Text>}
              {r.band && colours && <span className={styles.band} style={{ backgroundColor: colours.fill, color: colours.font }}>{VARIANCE_BAND_LABELS[r.band]}</span>}
            </li>
          );
        })}
      </ul>
      {first.planText && <Text size={200} className={styles.text}>{t.planText(first.planText)}</Text>}
      {entry?.actual.text && <Text size={200} className={styles.text}>{t.actualText(entry.actual.text)}</Text>}
      {entry?.comment && <Text size={200} className={styles.text}>{t.unitComment(entry.comment)}</Text>}
      {entry?.scopeDescription && <Text size={200} className={styles.text}>{t.unitScope(entry.scopeDescription)}</Text>}
      {activity.changed && <Text size={200} italic className={styles.text}>{t.before(entrySummary(activity.previous))}</Text>}
      {comments.map((c) => <CommentThread key={c.id} comment={c} reportState={reportState} onResolve={onResolve ? () => onResolve(c.id) : undefined} onReply={onReply ? (text) => onReply(c.id, text) : undefined} />)}
      {drafts.map((d) => (
        <div key={d.key} className={styles.draft}>
          {d.measureKey && <Text size={200} block>{t.commentAbout(measureLabel(d.measureKey))}</Text>}
          <Text block className={styles.text}>{d.text}</Text>
          <Button size="small" appearance="subtle" onClick={() => onRemoveDraft(d.key)}>{t.removeComment}</Button>
        </div>
      ))}
      {canComment && !writing && <div><Button size="small" onClick={() => setWriting(true)} aria-label={t.addCommentLabel(first.activityName)}>{t.addComment}</Button></div>}
      {canComment && writing && (
        <>
          <Field label={t.commentLabel} required><Textarea value={text} onChange={(_, d) => setText(d.value)} maxLength={REVIEW_COMMENT_MAX} resize="vertical" /></Field>
          {measures.length > 0 && (
            <Field label={t.measureLabel}>
              <Select value={measure} onChange={(_, d) => setMeasure(d.value)}>
                <option value="">{t.wholeActivity}</option>
                {measures.map((k) => <option key={k} value={k}>{measureLabel(k)}</option>)}
              </Select>
            </Field>
          )}
          <div className={styles.row}>
            <Button size="small" appearance="primary" disabled={!text.trim()} onClick={add}>{t.addComment}</Button>
            <Button size="small" appearance="subtle" onClick={() => setWriting(false)}>{t.cancel}</Button>
          </div>
        </>
      )}
    </li>
  );
}

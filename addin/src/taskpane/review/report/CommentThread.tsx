import { useState } from 'react';
import { Badge, Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { MSG, REVIEW_COMMENT_MAX, measureKeyLabel, type ReviewComment } from '@pwr-sync/shared';
import { formatDate } from '../../format.ts';

const useStyles = makeStyles({
  comment: { borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorder2}`, paddingLeft: tokens.spacingHorizontalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  resolved: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  replies: { margin: 0, paddingLeft: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  // A status longer than the pane is wide wraps inside its badge (a fixed-height badge spills onto the lines around it).
  status: { height: 'auto', minHeight: '20px', whiteSpace: 'normal', overflowWrap: 'anywhere', paddingTop: '1px', paddingBottom: '1px', maxWidth: '100%' },
});

/** "uczestnik|rodzin z dziećmi" → "uczestnicy (rodzin z dziećmi)" (shared with the report sheet). */
export const measureLabel = measureKeyLabel;

function statusText(c: ReviewComment, reportState: string): string {
  const t = MSG.reviewView;
  if (c.status === 'resolved' && c.resolvedBy) return t.commentSettled(c.resolvedBy, c.resolvedVersion ?? c.version);
  if (c.status === 'resolved') return t.commentResolved(c.resolvedVersion ?? c.version);
  return reportState === 'submitted' || reportState === 'accepted' ? t.commentStillOpen : t.commentOpen;
}

/**
 * A reviewer's comment on an activity with its thread; `onReply` (the unit, or MOPS) adds an answer;
 * `onResolve` (a reviewer) settles an open comment whose answer suffices.
 * Used by the reviewer's report view and by the unit's pane and browser page.
 */
export function CommentThread({ comment, reportState, onReply, onResolve }: {
  comment: ReviewComment; reportState: string;
  onReply?: ((text: string) => Promise<boolean>) | undefined;
  onResolve?: (() => Promise<boolean>) | undefined;
}) {
  const styles = useStyles();
  const t = MSG.reviewView;
  const [answering, setAnswering] = useState(false);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  async function send() {
    if (!text.trim() || !onReply) return;
    setSending(true);
    const ok = await onReply(text.trim());
    setSending(false);
    if (ok) { setText(''); setAnswering(false); }
  }
  return (
    <div className={`${styles.comment} ${comment.status === 'resolved' ? styles.resolved : ''}`} data-comment={comment.id} data-activity={comment.activityId}>
      <div className={styles.row}>
        <Badge className={styles.status} appearance="tint" color={comment.status === 'resolved' ? 'success' : 'warning'}>{statusText(comment, reportState)}</Badge>
        <Text size={200}>{t.commentMeta(comment.by, formatDate(comment.at), comment.version)}</Text>
      </div>
      {comment.measureKey && <Text size={200}>{t.commentAbout(measureLabel(comment.measureKey))}</Text>}
      <Text>{comment.text}</Text>
      {comment.replies.length > 0 && (
        <ul className={styles.replies}>
          {comment.replies.map((r, i) => <li key={i}><Text size={200}>{t.reply(r.by, formatDate(r.at), r.text)}</Text></li>)}
        </ul>
      )}
      {onResolve && comment.status === 'open' && !answering && (
        <div><Button size="small" disabled={sending} onClick={() => { setSending(true); void onResolve().finally(() => setSending(false)); }}>{t.resolveComment}</Button></div>
      )}
      {onReply && !answering && <div><Button size="small" onClick={() => setAnswering(true)}>{t.answer}</Button></div>}
      {onReply && answering && (
        <>
          <Field label={t.answerLabel}><Textarea value={text} onChange={(_, d) => setText(d.value)} maxLength={REVIEW_COMMENT_MAX} resize="vertical" /></Field>
          <div className={styles.row}>
            <Button size="small" appearance="primary" disabled={sending || !text.trim()} onClick={() => void send()}>{t.answerSend}</Button>
            <Button size="small" appearance="subtle" onClick={() => setAnswering(false)}>{t.cancel}</Button>
          </div>
        </>
      )}
    </div>
  );
}

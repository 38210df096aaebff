import { useState } from 'react';
import { Badge, Button, Checkbox, Field, MessageBar, MessageBarBody, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { MSG, formatMeasure, formatWarsawTime, type PairingReview, type SettlePairingRequest } from '@pwr-sync/shared';
import type { ReviewNotice } from './useReview.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalS, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface PairingPanelProps {
  reviews: PairingReview[] | null;
  /** Reviewers settle; managers only read. */
  canSettle: boolean;
  /** A closed year: settling is MOPS's correction and needs its reason. */
  yearClosed: boolean;
  busy: boolean;
  notice: ReviewNotice;
  onSettle: (review: PairingReview, body: SettlePairingRequest) => Promise<boolean>;
}

const answerText = (figures: PairingReview['figures']) => (figures.length ? figures.map((f) => formatMeasure(f)).join(' + ') : MSG.pairing.noAnswer);

/** The pairings „do sprawdzenia”: each planned measure with the unit's figures; MOPS confirms or changes which answer it. */
export function PairingPanel({ reviews, canSettle, yearClosed, busy, notice, onSettle }: PairingPanelProps) {
  const styles = useStyles();
  const open = (reviews ?? []).filter((r) => !r.settled).length;
  return (
    <section className={styles.root} aria-labelledby="pairing-title">
      <Text as="h2" size={400} weight="semibold" id="pairing-title">{MSG.pairing.title}</Text>
      <Text size={200}>{MSG.pairing.intro}</Text>
      {canSettle && yearClosed && reviews && reviews.length > 0 && <Text size={200}>{MSG.pairing.closedHint}</Text>}
      {reviews && reviews.length > 0 && <Badge appearance="outline" color={open > 0 ? 'warning' : 'success'}>{MSG.pairing.open(open)}</Badge>}
      <div aria-live="polite">{notice && <MessageBar intent={notice.intent} layout="multiline"><MessageBarBody>{notice.text}</MessageBarBody></MessageBar>}</div>
      {reviews?.length === 0 && <Text size={200}>{MSG.pairing.none}</Text>}
      {reviews?.map((r) => <PairingItem key={`${r.activityId}#${r.plan.id}`} review={r} canSettle={canSettle} reasonRequired={yearClosed} busy={busy} onSettle={onSettle} />)}
    </section>
  );
}

function PairingItem({ review, canSettle, reasonRequired, busy, onSettle }: { review: PairingReview; canSettle: boolean; reasonRequired: boolean; busy: boolean; onSettle: PairingPanelProps['onSettle'] }) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<Set<number>>(() => new Set(review.answer));
  const [comment, setComment] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const idBase = `pairing-${review.activityId}-${review.plan.id}`;
  const toggle = (i: number, on: boolean) => setChosen((c) => { const n = new Set(c); if (on) n.add(i); else n.delete(i); return n; });
  return (
    <div className={styles.item} role="group" aria-labelledby={`${idBase}-title`}>
      <Text weight="semibold" id={`${idBase}-title`}>{MSG.pairing.planLabel(review.activityId, review.orgUnitCode, formatMeasure(review.plan))}</Text>
      <Text size={200}>{review.activityName}</Text>
      <Text size={200}>{MSG.pairing.proposal}: {review.note}</Text>
      {review.figures.map((f, i) => (
        <Checkbox key={i} label={MSG.pairing.figureOption(formatMeasure(f))} checked={chosen.has(i)} disabled={!canSettle || busy}
          onChange={(_, d) => toggle(i, !!d.checked)} />
      ))}
      {review.settled && review.settledBy && review.settledAt && <Badge appearance="tint" color="success">{MSG.pairing.settled(review.settledBy, formatWarsawTime(review.settledAt))}</Badge>}
      {review.changes.length > 0 && (
        <ul className={styles.list}>
          {review.changes.map((c, i) => <li key={i}><Text size={200}>{MSG.pairing.change(c.by, formatWarsawTime(c.at), answerText(c.old), answerText(c.new))}{c.comment ? ` — ${c.comment}` : ''}</Text></li>)}
        </ul>
      )}
      {canSettle && (
        <>
          <Field label={MSG.pairing.commentLabel} required={reasonRequired}
            validationState={missingReason ? 'error' : 'none'} validationMessage={missingReason ? MSG.pairing.reasonMissing : undefined}>
            <Textarea value={comment} disabled={busy} onChange={(_, d) => { setComment(d.value); if (d.value.trim()) setMissingReason(false); }} />
          </Field>
          <Button appearance="primary" disabled={busy} onClick={async () => {
            if (reasonRequired && !comment.trim()) { setMissingReason(true); return; }
            if (await onSettle(review, { answer: [...chosen].sort((a, b) => a - b), ...(comment.trim() ? { comment: comment.trim() } : {}) })) setComment('');
          }}>{MSG.pairing.confirm}</Button>
        </>
      )}
    </div>
  );
}

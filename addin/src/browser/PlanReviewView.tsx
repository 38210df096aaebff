import { useCallback, useEffect, useState } from 'react';
import {
  Badge, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, MessageBar, MessageBarBody, MessageBarTitle,
  Spinner, Text, Textarea, makeStyles, tokens,
} from '@fluentui/react-components';
import {
  MSG, REVIEW_COMMENT_MAX, WORKFLOW_STATE_LABELS, formatMeasure, formatPlNumber, isMeasureKind, registerMeasureKinds,
  type PlanActivity, type PlanMeasureEntry, type UnitPlan,
} from '@pwr-sync/shared';
import type { ApiClient, ApiOutcome } from '../api/client.ts';
import { formatDate } from '../taskpane/format.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const T = MSG.plan.template.review;

/** A planned measure in words: „20 spotkań”, a proposed kind with its forms. */
function measureText(m: PlanMeasureEntry): string {
  if (isMeasureKind(m.kind)) return formatMeasure(m);
  const forms = m.proposedForms ? [m.proposedForms.one, m.proposedForms.few, m.proposedForms.many].join(' / ') : '';
  return `${formatPlNumber(m.value)} ${m.kind}${m.qualifier ? ` ${m.qualifier}` : ''} — ${T.newKind(forms)}`;
}

export interface PlanReviewViewProps {
  api: ApiClient;
  year: number;
  unit: string;
  unitName: string;
  canReview: boolean;
  onClose: () => void;
  onDecided: () => void;
  onFailure: (o: ApiOutcome<unknown>) => void;
}

/** A unit's plan as MOPS reads it (read-only), and MOPS's decision: accept after a confirmation, return with a comment, reopen. */
export function PlanReviewView({ api, year, unit, unitName, canReview, onClose, onDecided, onFailure }: PlanReviewViewProps) {
  const styles = useStyles();
  const [plan, setPlan] = useState<UnitPlan | null>(null);
  const [activities, setActivities] = useState<PlanActivity[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [comment, setComment] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const kinds = await api.measureKinds();
    if (kinds.kind === 'ok') registerMeasureKinds(kinds.value);
    const [p, previous] = await Promise.all([api.unitPlan(year, unit), api.planPrevious(year, unit)]);
    if (p.kind !== 'ok') return setError(p.message);
    if (previous.kind !== 'ok') return setError(previous.message);
    setPlan(p.value);
    setActivities(previous.value.activities);
  }, [api, year, unit]);
  useEffect(() => { void load(); }, [load]);

  const decide = async (action: 'accept' | 'return' | 'reopen') => {
    setBusy(true);
    setNotice(null);
    const r = action === 'accept' ? await api.acceptPlan(year, unit) : action === 'return' ? await api.returnPlan(year, unit, comment.trim()) : await api.reopenPlan(year, unit, comment.trim());
    setBusy(false);
    if (r.kind !== 'ok') {
      onFailure(r);
      return setNotice({ intent: 'error', text: r.kind === 'rejected' && r.problems.length ? `${r.message} ${r.problems.map((p) => p.message).join(' ')}` : r.message });
    }
    setPlan(r.value);
    setComment('');
    setNotice({ intent: 'success', text: action === 'accept' ? T.accepted(unit) : action === 'return' ? T.returned(unit) : T.reopened(unit) });
    onDecided();
  };

  if (error) return <MessageBar intent="error" layout="multiline"><MessageBarBody>{error}</MessageBarBody></MessageBar>;
  if (!plan) return <Spinner label={T.loading} />;
  const entries = new Map(plan.entries.map((e) => [e.activityId, e]));
  const byMops = plan.source === 'mops' || plan.source === 'mops_import';
  const mayAccept = plan.state === 'submitted' || (plan.state === 'draft' && byMops);
  const mayReturn = plan.state === 'submitted' || plan.state === 'accepted';
  const mayReopen = plan.state === 'submitted' || plan.state === 'accepted';

  return (
    <section className={styles.root} aria-labelledby="plan-review-title" data-plan-unit={unit}>
      <div><Button appearance="subtle" onClick={onClose}>{T.back}</Button></div>
      <Text as="h2" size={400} weight="semibold" id="plan-review-title">{T.unitPlan(unit, unitName, year)}</Text>
      <div className={styles.row}>
        <Badge appearance="tint">{T.state(WORKFLOW_STATE_LABELS[plan.state], plan.version)}</Badge>
        {byMops && <Badge appearance="outline">{T.byMops}</Badge>}
      </div>
      {plan.savedBy && plan.savedAt && <Text size={200}>{T.savedBy(plan.savedBy, formatDate(plan.savedAt))}</Text>}
      {plan.reviewComment && <MessageBar intent="warning" layout="multiline"><MessageBarBody><MessageBarTitle>{MSG.plan.pane.returned}</MessageBarTitle> {plan.reviewComment}</MessageBarBody></MessageBar>}
      {plan.version === 0 && <Text>{T.nothing}</Text>}
      <ul className={styles.list} aria-label={T.unitPlan(unit, unitName, year)}>
        {activities.map((a) => {
          const e = entries.get(a.activityId);
          return (
            <li key={a.activityId} className={styles.item} data-activity={a.activityId}>
              <Text weight="semibold">{a.activityId} · {a.activity.name}</Text>
              <Text>{e && e.measures.length > 0 ? e.measures.map(measureText).join(', ') : T.noMeasures}</Text>
              {e?.description && <Text size={200}>{T.description(e.description)}</Text>}
            </li>
          );
        })}
      </ul>
      {plan.proposals.length > 0 && (
        <>
          <Text as="h3" size={300} weight="semibold">{T.proposals}</Text>
          <ul className={styles.list}>{plan.proposals.map((p) => <li key={p.key} className={styles.item}><Text>{T.proposal(p.name, `${p.taskCode}${p.subsection ? ` (${p.subsection})` : ''}`, p.partnerUnits.join(', '))}</Text></li>)}</ul>
        </>
      )}
      <div aria-live="polite">{notice && <MessageBar intent={notice.intent} layout="multiline"><MessageBarBody>{notice.text}</MessageBarBody></MessageBar>}</div>
      {canReview && (mayReturn || mayReopen) && (
        <Field label={mayReturn ? T.returnComment : T.reopenComment}>
          <Textarea value={comment} maxLength={REVIEW_COMMENT_MAX} resize="vertical" onChange={(_, d) => setComment(d.value)} />
        </Field>
      )}
      {canReview && (
        <div className={styles.row}>
          {mayAccept && <Button appearance="primary" disabled={busy} onClick={() => setConfirming(true)}>{T.accept}</Button>}
          {mayReturn && <Button disabled={busy || !comment.trim()} onClick={() => void decide('return')}>{T.return}</Button>}
          {mayReopen && <Button appearance="subtle" disabled={busy} onClick={() => void decide('reopen')}>{T.reopen}</Button>}
          {busy && <Spinner size="tiny" />}
        </div>
      )}
      {canReview && mayReturn && !comment.trim() && <Text size={200} className={styles.muted}>{T.returnNeedsComment}</Text>}
      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{T.acceptConfirmTitle}</DialogTitle>
            <DialogContent>{T.acceptConfirm(unit, year)}</DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={busy} onClick={() => { setConfirming(false); void decide('accept'); }}>{T.confirm}</Button>
              <Button appearance="secondary" onClick={() => setConfirming(false)}>{T.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}

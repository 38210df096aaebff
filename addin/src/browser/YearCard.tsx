import { useState } from 'react';
import {
  Badge, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Text, Textarea, makeStyles, tokens,
} from '@fluentui/react-components';
import { MSG, UndoPhaseRequestSchema, nextPhase, undoableMove, type PhaseEvent, type ReportingYear, type YearPhase } from '@pwr-sync/shared';
import { formatDate } from '../taskpane/format.ts';
import type { ProgramAdminModel } from './useProgramAdmin.ts';

const useStyles = makeStyles({
  card: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  facts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  deadlines: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalM, '& > *': { minWidth: 0 } },
  history: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const t = MSG.program.admin;
const label = (p: YearPhase) => MSG.program.phase[p];
const PHASE_COLOR = { planning: 'warning', reporting: 'brand', closed: 'informative' } as const;

function eventText(e: PhaseEvent): string {
  if (e.action === 'started') return t.event.started(label(e.toPhase));
  const from = label(e.fromPhase ?? e.toPhase);
  return e.action === 'advanced' ? t.event.advanced(from, label(e.toPhase)) : t.event.undone(from, label(e.toPhase));
}

/** One year of a period: phase, deadlines, the move to the next phase (confirmed), undo with a reason, the phase history. */
export function YearCard({ year: y, model }: { year: ReportingYear; model: ProgramAdminModel }) {
  const styles = useStyles();
  const [confirmMove, setConfirmMove] = useState(false);
  const [undoOpen, setUndoOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const [editing, setEditing] = useState(false);
  const [planningDeadline, setPlanningDeadline] = useState(y.planningDeadline ?? '');
  const [deadline, setDeadline] = useState(y.deadline ?? '');
  const events = model.events[y.year] ?? [];
  const next = nextPhase(y.phase);
  const undoable = undoableMove(y.phase, events);

  async function undo() {
    // the rule lives in the shared schema; the server checks it again
    const checked = UndoPhaseRequestSchema.safeParse({ reason });
    if (!checked.success) return setReasonError(checked.error.issues[0]?.message ?? t.undoReasonHint);
    if (await model.undo(y.year, checked.data.reason)) { setUndoOpen(false); setReason(''); }
    else setUndoOpen(false);
  }

  return (
    <li className={styles.card} data-year={y.year}>
      <div className={styles.row}>
        <Text as="h4" size={400} weight="semibold" className={styles.heading}>{t.yearTitle(y.year)}</Text>
        <Badge appearance="filled" color={PHASE_COLOR[y.phase]}>{label(y.phase)}</Badge>
      </div>
      <div className={styles.facts}>
        <Text size={200}>{t.planningDeadline}: {y.planningDeadline ? formatDate(y.planningDeadline) : t.none}</Text>
        <Text size={200}>{t.reportingDeadline}: {y.deadline ? formatDate(y.deadline) : t.none}</Text>
      </div>
      <div className={styles.actions}>
        {next && <Button size="small" appearance="primary" disabled={model.busy} onClick={() => setConfirmMove(true)}>{t.moveTo(label(next))}</Button>}
        {undoable && <Button size="small" disabled={model.busy} onClick={() => { setReasonError(null); setUndoOpen(true); }}>{t.undo}</Button>}
        {y.phase !== 'closed' && <Button size="small" aria-expanded={editing} onClick={() => setEditing(!editing)}>{t.editDeadlines}</Button>}
        <Button size="small" aria-expanded={showHistory} onClick={() => setShowHistory(!showHistory)}>{showHistory ? t.hideHistory : t.history}</Button>
      </div>
      {editing && (
        <form className={styles.deadlines} onSubmit={(e) => { e.preventDefault(); void model.setDeadlines(y.year, planningDeadline || null, deadline || null).then((ok) => ok && setEditing(false)); }}>
          {y.phase === 'planning' && <Field label={t.planningDeadline}><Input type="date" value={planningDeadline} onChange={(_, d) => setPlanningDeadline(d.value)} /></Field>}
          <Field label={t.reportingDeadline}><Input type="date" value={deadline} onChange={(_, d) => setDeadline(d.value)} /></Field>
          <Button type="submit" appearance="primary" size="small" disabled={model.busy}>{t.saveDeadlines}</Button>
        </form>
      )}
      {showHistory && (
        <ol className={styles.history} aria-label={`${t.history} ${y.year}`}>
          {events.map((e) => (
            <li key={e.id}>
              <Text size={200}>{eventText(e)} — {t.eventBy(formatDate(e.at), e.byName)}{e.reason ? `; ${t.eventReason(e.reason)}` : ''}</Text>
            </li>
          ))}
        </ol>
      )}
      <Dialog open={confirmMove} onOpenChange={(_, d) => setConfirmMove(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.confirmMoveTitle(y.year)}</DialogTitle>
            <DialogContent>
              {next && <Text as="p" block>{t.confirmMove(y.year, label(y.phase), label(next))}</Text>}
              {next && next !== 'planning' && <Text as="p" block>{t.moveEffect[next]}</Text>}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => { setConfirmMove(false); void model.advance(y); }}>{next ? t.moveTo(label(next)) : t.confirm}</Button>
              <Button onClick={() => setConfirmMove(false)}>{t.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <Dialog open={undoOpen} onOpenChange={(_, d) => setUndoOpen(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{undoable ? t.undoTitle(y.year, label(undoable.fromPhase ?? y.phase), label(y.phase)) : t.undo}</DialogTitle>
            <DialogContent>
              <Field label={t.undoReason} hint={t.undoReasonHint} required {...(reasonError ? { validationState: 'error' as const, validationMessage: reasonError } : {})}>
                <Textarea value={reason} maxLength={1000} onChange={(_, d) => { setReason(d.value); setReasonError(null); }} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={model.busy} onClick={() => void undo()}>{t.undo}</Button>
              <Button onClick={() => setUndoOpen(false)}>{t.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </li>
  );
}

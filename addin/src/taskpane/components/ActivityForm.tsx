import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import {
  MEASURE_KINDS,
  REPORT_STATUS_LABELS,
  SCOPE_DESCRIPTION_MAX,
  VARIANCE_BAND_LABELS,
  computeVariance,
  formatMeasure,
  formatPercent,
  MSG,
  measureKey,
  validateReportEntry,
  type Assignment,
  type ReportEntry,
  type ReportStatus,
  type TaskKind,
  type VariancePolicy,
} from '@pwr-sync/shared';
import { isTouched } from '../../report/sheetModel.ts';
import { draftFromEntry, entryFromDraft, type Draft, type MeasureDraft } from '../draft.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS },
  measure: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalS, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface ActivityFormProps {
  assignment: Assignment;
  taskKind: TaskKind;
  policy: VariancePolicy;
  /** The entry as the sheet holds it now. */
  entry: ReportEntry | undefined;
  /** Report is submitted or accepted: read-only. */
  readOnly: boolean;
  busy: boolean;
  /** Writes the entry to the sheet; resolves true when written. */
  onSave: (entry: ReportEntry) => Promise<boolean>;
}

let extraCounter = 0;

/** The form for one activity: status, measures with Polish plural labels, money, comment. */
export function ActivityForm({ assignment, taskKind, policy, entry, readOnly, busy, onSave }: ActivityFormProps) {
  const styles = useStyles();
  const { activity, plan } = assignment;
  const [draft, setDraft] = useState<Draft>(() => draftFromEntry(assignment, entry));
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);

  // What is typed in the sheet shows up here, unless the user is in the middle of editing the form.
  // Choosing another activity needs no reset here: App renders the form with key={activity.id}.
  useEffect(() => {
    if (!dirty) setDraft(draftFromEntry(assignment, entry));
  }, [assignment, entry, dirty]);

  const { entry: typed, errors } = useMemo(() => entryFromDraft(draft), [draft]);
  const problems = useMemo(() => (isTouched(typed) ? validateReportEntry(typed, { taskKind, plan, policy, mode: 'submit' }) : []), [typed, taskKind, plan, policy]);
  const variances = useMemo(() => computeVariance({ plan, actual: typed.actual, status: typed.status }, policy), [plan, typed, policy]);
  const varianceOf = (m: MeasureDraft) => m.planMeasureId !== null
    ? variances.find((v) => v.role === 'planned' && v.planMeasureId === m.planMeasureId)
    : variances.find((v) => v.role === 'extra' && measureKey(v) === measureKey({ kind: m.kind, qualifier: m.qualifier.trim() || undefined }));
  const problemFor = (field: string, kind?: string) =>
    problems.filter((p) => String(p.field) === field && (!kind || p.measureKind === undefined || p.measureKind === kind)).map((p) => p.message).join(' ') || undefined;
  const actualProblems = problems.filter((p) => String(p.field).startsWith('actual') && !p.measureKind);

  function update(patch: Partial<Draft>) {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
    setSaved(false);
  }
  function updateMeasure(id: string, patch: Partial<MeasureDraft>) {
    update({ measures: draft.measures.map((m) => (m.id === id ? { ...m, ...patch } : m)) });
  }

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    if (Object.keys(errors).length > 0) return;
    if (await onSave(typed)) {
      setDirty(false);
      setSaved(true);
    }
  }

  const blocking = Object.keys(errors).length > 0 || draft.scopeDescription.length > SCOPE_DESCRIPTION_MAX;
  const idBase = `act-${activity.id}`;
  return (
    // noValidate: problems are said in Polish beside the field, not by the browser.
    <form className={styles.root} onSubmit={handleSubmit} aria-labelledby={`${idBase}-title`} noValidate>
      <Text as="h2" size={400} weight="semibold" id={`${idBase}-title`}>{activity.id} · {activity.name}</Text>
      <Text size={200}>{MSG.pane.taskLine(activity.taskCode, activity.subsection ?? null, plan.text ?? (plan.measures.map((m) => formatMeasure(m)).join(', ') || MSG.pane.noFigures))}</Text>

      <Field label={MSG.pane.statusLabel} validationMessage={problemFor('status')} validationState={problemFor('status') ? 'error' : 'none'}>
        <Select value={draft.status} disabled={readOnly} onChange={(_, d) => update({ status: d.value as ReportStatus | '' })}>
          <option value="">{MSG.pane.choose}</option>
          {(Object.keys(REPORT_STATUS_LABELS) as ReportStatus[]).map((s) => <option key={s} value={s}>{REPORT_STATUS_LABELS[s]}</option>)}
        </Select>
      </Field>

      <fieldset className={styles.measure} style={{ border: 'none', padding: 0, margin: 0 }}>
        <legend><Text weight="semibold">{MSG.pane.actualLegend}</Text></legend>
        {draft.measures.length === 0 && <Text size={200}>{MSG.pane.planWithoutMeasures}</Text>}
        {draft.measures.map((m) => {
          const v = varianceOf(m);
          const err = errors[`measure:${m.id}`] ?? problemFor('actual', m.kind);
          const parsed = entryFromDraft({ ...draft, measures: [m] }).entry.actual.measures[0];
          const word = m.kind ? (parsed ? formatMeasure(parsed) : formatMeasure({ kind: m.kind, value: 0, qualifier: m.qualifier || undefined }).replace(/^0\s/, '')) : '';
          return (
            <div key={m.id} className={styles.measure}>
              {m.extra && (
                <div className={styles.row}>
                  <Field label={MSG.pane.kindLabel} required>
                    <Select value={m.kind} disabled={readOnly} onChange={(_, d) => updateMeasure(m.id, { kind: d.value })}>
                      <option value="">{MSG.pane.choose}</option>
                      {MEASURE_KINDS.map((k) => <option key={k.lemma} value={k.lemma}>{k.label}</option>)}
                    </Select>
                  </Field>
                  <Field label={MSG.pane.qualifierLabel}>
                    <Input value={m.qualifier} disabled={readOnly} onChange={(_, d) => updateMeasure(m.id, { qualifier: d.value })} />
                  </Field>
                </div>
              )}
              <Field
                label={m.extra ? MSG.pane.extraActual : MSG.pane.actualFor(m.plan !== null ? formatMeasure({ kind: m.kind, value: m.plan, qualifier: m.qualifier || undefined }) : m.kind)}
                hint={m.kind ? [word, v && v.ratio !== null ? MSG.pane.ofPlan(formatPercent(v.ratio)) : '', v?.band ? VARIANCE_BAND_LABELS[v.band] : ''].filter(Boolean).join(' · ') : undefined}
                validationMessage={err}
                validationState={err ? 'error' : 'none'}
              >
                <Input inputMode="decimal" value={m.value} disabled={readOnly} onChange={(_, d) => updateMeasure(m.id, { value: d.value })} />
              </Field>
              {m.extra && !readOnly && (
                <Button size="small" appearance="subtle" onClick={() => update({ measures: draft.measures.filter((x) => x.id !== m.id) })}>{MSG.pane.removeMeasure}</Button>
              )}
            </div>
          );
        })}
        {actualProblems.map((p, i) => <Text key={i} role="alert" size={200} style={{ color: tokens.colorPaletteRedForeground1 }}>{p.message}</Text>)}
        {!readOnly && (
          <Button appearance="secondary" onClick={() => update({ measures: [...draft.measures, { id: `extra-${++extraCounter}`, planMeasureId: null, kind: '', qualifier: '', plan: null, value: '', extra: true }] })}>
            {MSG.pane.addMeasure}
          </Button>
        )}
      </fieldset>

      {taskKind === 'basic' && (
        <Field label={MSG.pane.moneyLabel} hint={MSG.pane.moneyHint} validationMessage={errors.money ?? problemFor('moneySpent')} validationState={errors.money || problemFor('moneySpent') ? 'error' : 'none'}>
          <Input inputMode="decimal" value={draft.money} disabled={readOnly} onChange={(_, d) => update({ money: d.value })} />
        </Field>
      )}
      {taskKind === 'basic' && (
        <Field label={MSG.pane.money2Label} hint={MSG.pane.money2Hint} validationMessage={errors.money2} validationState={errors.money2 ? 'error' : 'none'}>
          <Input inputMode="decimal" value={draft.money2} disabled={readOnly} onChange={(_, d) => update({ money2: d.value })} />
        </Field>
      )}

      <Field label={MSG.pane.commentLabel} hint={MSG.pane.commentHint} validationMessage={problemFor('comment')} validationState={problemFor('comment') ? 'error' : 'none'}>
        <Textarea value={draft.comment} disabled={readOnly} resize="vertical" onChange={(_, d) => update({ comment: d.value })} />
      </Field>

      <Field
        label={MSG.pane.scopeLabel}
        hint={MSG.pane.scopeHint(SCOPE_DESCRIPTION_MAX)}
        validationMessage={draft.scopeDescription.length > SCOPE_DESCRIPTION_MAX ? MSG.pane.scopeTooLong(draft.scopeDescription.length, SCOPE_DESCRIPTION_MAX) : undefined}
        validationState={draft.scopeDescription.length > SCOPE_DESCRIPTION_MAX ? 'error' : 'none'}
      >
        <Textarea value={draft.scopeDescription} disabled={readOnly} resize="vertical" onChange={(_, d) => update({ scopeDescription: d.value })} />
      </Field>

      {saved && !dirty && <MessageBar intent="success"><MessageBarBody>{MSG.pane.savedInSheet}</MessageBarBody></MessageBar>}
      {!readOnly && (
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={busy || blocking || !dirty}>{MSG.pane.saveInSheet}</Button>
          <Button disabled={!dirty} onClick={() => { setDraft(draftFromEntry(assignment, entry)); setDirty(false); }}>{MSG.pane.undo}</Button>
        </div>
      )}
    </form>
  );
}

import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
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
import { stripPrefixes } from '../../report/problemText.ts';
import { draftFromEntry, entryFromDraft, nextLocalId, type Draft, type MeasureDraft } from '../draft.ts';
import { FigureParts } from './FigureParts.tsx';
import { FigureSubsets } from './FigureSubsets.tsx';
import { FigureMenu } from './FigureMenu.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS },
  measure: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalS, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // A native select is as wide as its longest option („realizowane w ramach innego działania”) unless told otherwise.
  select: { minWidth: 0, width: '100%', '& select': { minWidth: 0, width: '100%', textOverflow: 'ellipsis' } },
  field: { minWidth: 0 },
  lines: { display: 'flex', flexDirection: 'column' },
});

/** Several problems of one field: one line each, never one run-on paragraph. */
function Lines({ texts, className }: { texts: string[]; className: string }): ReactNode {
  if (texts.length === 0) return undefined;
  if (texts.length === 1) return texts[0];
  return <span className={className}>{texts.map((t, i) => <span key={i}>{t}</span>)}</span>;
}

/** A figure typed in the sheet on a line without a measure kind (the Miara cell is locked there). */
export interface StrayFigure {
  rowIndex: number;
  /** As typed, shown in the form's input to be given a measure kind. */
  value: string;
}

export interface ActivityFormProps {
  assignment: Assignment;
  taskKind: TaskKind;
  policy: VariancePolicy;
  /** The entry as the sheet holds it now. */
  entry: ReportEntry | undefined;
  /** Report is submitted or accepted: read-only. */
  readOnly: boolean;
  busy: boolean;
  /** Writes the entry to the sheet; resolves true when written. `claimedRows`: stray figures the form took in. */
  onSave: (entry: ReportEntry, claimedRows: number[]) => Promise<boolean>;
  /** Focus the first field when the form appears (chosen in the pane; not when chosen by a click in Excel). */
  autoFocus?: boolean;
  strayFigures?: StrayFigure[];
  /** Hears whether the form holds edits not yet written to the sheet (the pane's sync state counts them). */
  onDirtyChange?: (dirty: boolean) => void;
}

/** The form for one activity: status, measures with Polish plural labels, money, comment. */
export function ActivityForm({ assignment, taskKind, policy, entry, readOnly, busy, onSave, autoFocus = false, strayFigures = [], onDirtyChange }: ActivityFormProps) {
  const styles = useStyles();
  const { activity, plan } = assignment;
  // Figures typed in the sheet without a measure kind become measures beyond the plan, waiting for their kind.
  const withStray = (d: Draft): Draft => (strayFigures.length === 0 ? d : {
    ...d, measures: [...d.measures, ...strayFigures.map((f) => ({ id: `stray-${f.rowIndex}`, planMeasureId: null, kind: '', qualifier: '', plan: null, value: f.value, extra: true, parts: [], subsets: [] }))],
  });
  const [draft, setDraft] = useState<Draft>(() => withStray(draftFromEntry(assignment, entry)));
  const [dirty, setDirty] = useState(strayFigures.length > 0 && !readOnly);
  const [saved, setSaved] = useState(false);
  const firstField = useRef<HTMLSelectElement>(null);
  const strayKind = useRef<HTMLSelectElement>(null);
  const savedNote = useRef<HTMLDivElement>(null);

  useEffect(() => {
    onDirtyChange?.(dirty);
  }, [dirty, onDirtyChange]);

  // Chosen in the pane: focus goes to the form's first field (the stray figure's kind when there is one).
  useEffect(() => {
    if (!autoFocus) return;
    window.scrollTo({ top: 0 });
    (strayKind.current ?? firstField.current)?.focus();
  }, [autoFocus]);

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
  // Each problem once, at its own field; a measure's problems beside that measure only.
  const problemsOf = (field: string, kind?: string) =>
    problems.filter((p) => String(p.field) === field && (kind === undefined ? true : p.measureKind === kind))
      // The comment may hold several measures' explanations: each keeps the name of its measure.
      .map((p) => stripPrefixes(p.message, activity.id, undefined, kind === undefined && field === 'comment'));
  const problemFor = (field: string, kind?: string) => {
    const texts = problemsOf(field, kind);
    return texts.length ? <Lines texts={texts} className={styles.lines} /> : undefined;
  };
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
    const claimed = strayFigures.filter((f) => draft.measures.some((m) => m.id === `stray-${f.rowIndex}`)).map((f) => f.rowIndex);
    if (await onSave(typed, claimed)) {
      setDirty(false);
      setSaved(true);
    }
  }

  // After saving, focus goes to what the save says (the button it came from is disabled now).
  useEffect(() => {
    if (saved) savedNote.current?.focus();
  }, [saved]);

  const blocking = Object.keys(errors).length > 0 || draft.scopeDescription.length > SCOPE_DESCRIPTION_MAX;
  const idBase = `act-${activity.id}`;
  return (
    // noValidate: problems are said in Polish beside the field, not by the browser.
    <form className={styles.root} onSubmit={handleSubmit} aria-labelledby={`${idBase}-title`} noValidate>
      <Text as="h2" size={400} weight="semibold" id={`${idBase}-title`}>{activity.id} · {activity.name}</Text>
      <Text size={200}>{MSG.pane.taskLine(activity.taskCode, activity.subsection ?? null, plan.text ?? (plan.measures.map((m) => formatMeasure(m)).join(', ') || MSG.pane.noFigures))}</Text>

      <Field className={styles.field} label={MSG.pane.statusLabel} validationMessage={problemFor('status')} validationState={problemFor('status') ? 'error' : 'none'}>
        <Select ref={firstField} className={styles.select} value={draft.status} disabled={readOnly} onChange={(_, d) => update({ status: d.value as ReportStatus | '' })}>
          <option value="">{MSG.pane.choose}</option>
          {(Object.keys(REPORT_STATUS_LABELS) as ReportStatus[]).map((s) => <option key={s} value={s}>{REPORT_STATUS_LABELS[s]}</option>)}
        </Select>
      </Field>

      <fieldset className={styles.measure} style={{ border: 'none', padding: 0, margin: 0 }}>
        <legend><Text weight="semibold">{MSG.pane.actualLegend}</Text></legend>
        {draft.measures.length === 0 && <Text size={200}>{MSG.pane.planWithoutMeasures}</Text>}
        {draft.measures.map((m) => {
          const v = varianceOf(m);
          const err = errors[`measure:${m.id}`] ?? (m.kind ? problemFor('actual', m.kind) : undefined);
          const stray = m.id.startsWith('stray-');
          const own = entryFromDraft({ ...draft, measures: [m] }).entry.actual.measures;
          // a figure given in parts is their sum; the plan is compared with it
          const total = own.length > 0 ? { kind: m.kind, value: own.reduce((sum, f) => sum + f.value, 0), qualifier: m.qualifier || undefined } : undefined;
          const word = m.kind ? (total ? formatMeasure(total) : formatMeasure({ kind: m.kind, value: 0, qualifier: m.qualifier || undefined }).replace(/^0\s/, '')) : '';
          const hint = m.kind ? [word, v && v.ratio !== null ? MSG.pane.ofPlan(formatPercent(v.ratio)) : '', v?.band ? VARIANCE_BAND_LABELS[v.band] : ''].filter(Boolean).join(' · ') : undefined;
          const planText = m.plan !== null ? formatMeasure({ kind: m.kind, value: m.plan, qualifier: m.qualifier || undefined }) : m.kind;
          const split = m.parts.length > 0;
          return (
            <div key={m.id} className={styles.measure}>
              {m.extra && (
                <div className={styles.row}>
                  {stray && !m.kind && <Text size={200} weight="semibold">{MSG.pane.strayFigure(m.value)}</Text>}
                  <Field className={styles.field} label={MSG.pane.kindLabel} required>
                    <Select ref={stray && !m.kind ? strayKind : undefined} className={styles.select} value={m.kind} disabled={readOnly} onChange={(_, d) => updateMeasure(m.id, { kind: d.value })}>
                      <option value="">{MSG.pane.choose}</option>
                      {MEASURE_KINDS.map((k) => <option key={k.lemma} value={k.lemma}>{k.label}</option>)}
                    </Select>
                  </Field>
                  <Field label={MSG.pane.qualifierLabel}>
                    <Input value={m.qualifier} disabled={readOnly} onChange={(_, d) => updateMeasure(m.id, { qualifier: d.value })} />
                  </Field>
                </div>
              )}
              {split ? (
                <FigureParts planText={planText} parts={m.parts} totalText={total ? hint ?? '' : ''} errors={errors} readOnly={readOnly}
                  onChange={(parts) => updateMeasure(m.id, { parts, value: '' })} />
              ) : (
                <Field
                  label={m.extra ? MSG.pane.extraActual : MSG.pane.actualFor(planText)}
                  hint={hint}
                  validationMessage={err}
                  validationState={err ? 'error' : 'none'}
                >
                  <Input inputMode="decimal" value={m.value} disabled={readOnly} onChange={(_, d) => updateMeasure(m.id, { value: d.value })} />
                </Field>
              )}
              {split && err && <Text size={200} style={{ color: tokens.colorPaletteRedForeground1 }}>{err}</Text>}
              {!split && (
                <FigureSubsets subsets={m.subsets} errors={errors} readOnly={readOnly} onChange={(subsets) => updateMeasure(m.id, { subsets })} />
              )}
              {m.extra && !readOnly && (
                <div className={styles.actions}>
                  <Button size="small" appearance="subtle" onClick={() => update({ measures: draft.measures.filter((x) => x.id !== m.id) })}>{MSG.pane.removeMeasure}</Button>
                </div>
              )}
            </div>
          );
        })}
        {actualProblems.map((p, i) => <Text key={i} size={200} style={{ color: tokens.colorPaletteRedForeground1 }}>{stripPrefixes(p.message, activity.id)}</Text>)}
        {!readOnly && (
          <FigureMenu
            items={draft.measures.filter((m) => m.kind && m.parts.length === 0).map((m) => ({
              measureId: m.id, canSplit: !m.extra,
              text: m.plan !== null ? formatMeasure({ kind: m.kind, value: m.plan, qualifier: m.qualifier || undefined }) : formatMeasure({ kind: m.kind, value: 0, qualifier: m.qualifier || undefined }).replace(/^0\s/, ''),
            }))}
            // the figure typed so far becomes the first part; „w tym” goes with whole figures only
            onSplit={(id) => { const m = draft.measures.find((x) => x.id === id)!; updateMeasure(id, { parts: [{ id: nextLocalId('c'), qualifier: '', value: m.value }, { id: nextLocalId('c'), qualifier: '', value: '' }], value: '', subsets: [] }); }}
            onAddSubset={(id) => { const m = draft.measures.find((x) => x.id === id)!; updateMeasure(id, { subsets: [...m.subsets, { id: nextLocalId('w'), kind: m.kind, qualifier: '', value: '' }] }); }}
          />
        )}
        {!readOnly && (
          <Button appearance="secondary" onClick={() => update({ measures: [...draft.measures, { id: nextLocalId('extra'), planMeasureId: null, kind: '', qualifier: '', plan: null, value: '', extra: true, parts: [], subsets: [] }] })}>
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

      {/* "Saved in the sheet" never stands beside an unresolved problem of the same activity. */}
      <div ref={savedNote} tabIndex={-1} role="status">
        {saved && !dirty && (problems.length === 0
          ? <MessageBar intent="success"><MessageBarBody>{MSG.pane.savedInSheet}</MessageBarBody></MessageBar>
          : <MessageBar intent="warning" layout="multiline"><MessageBarBody>{MSG.pane.savedWithProblems(problems.length)}</MessageBarBody></MessageBar>)}
      </div>
      {!readOnly && (
        <div className={styles.actions}>
          <Button appearance={dirty ? 'primary' : 'secondary'} type="submit" disabled={busy || blocking || !dirty}>{MSG.pane.saveInSheet}</Button>
          <Button disabled={!dirty} onClick={() => { setDraft(draftFromEntry(assignment, entry)); setDirty(false); }}>{MSG.pane.undo}</Button>
        </div>
      )}
    </form>
  );
}

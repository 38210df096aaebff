import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Select, Spinner, Text, Textarea, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  MSG, WORKFLOW_STATE_LABELS, allMeasureKinds, proposalRef, formatMeasure, isMeasureKind, registerMeasureKinds,
  type ActivityProposal, type PlanActivity, type PlanProblem, type PlanRuleContext, type Task, type UnitPlan,
} from '@pwr-sync/shared';
import type { ApiClient } from '../../api/client.ts';
import { bodyOf, copyPrevious, draftOf, measurePreview, planLine, type EntryDraft, type MeasureDraft, type PlanDraft } from '../../plan/planDraft.ts';

const T = MSG.plan.pane;
const NEW_KIND = '__new__';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  activity: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalS, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  previous: { color: tokens.colorNeutralForeground3 },
  measure: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingLeft: tokens.spacingHorizontalS, borderLeft: `3px solid ${tokens.colorBrandStroke2}` },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  problem: { color: tokens.colorPaletteRedForeground1 },
  // A native select is as wide as its longest option (a task's title): held to the pane's width, as in ActivityForm.
  select: { minWidth: 0, width: '100%', '& select': { minWidth: 0, width: '100%', textOverflow: 'ellipsis' } },
  field: { minWidth: 0 },
  name: { overflowWrap: 'anywhere' },
});

export interface PlanPanelProps {
  api: ApiClient;
  unitCode: string;
  year: number;
  /** Where the plan is entered, for the version's source in the history. */
  client: 'addin' | 'browser';
  /** The year is still in planning (else plans are locked for the unit). */
  inPlanning?: boolean;
}

interface Loaded {
  plan: UnitPlan;
  activities: PlanActivity[];
  previousYear: number;
  tasks: Task[];
  orgUnitCodes: string[];
}

/** Planning mode: the unit's planned measures per activity, last year beside them, proposals, save and submit. */
export function PlanPanel({ api, unitCode, year, client, inPlanning = true }: PlanPanelProps) {
  const styles = useStyles();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [draft, setDraft] = useState<PlanDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [problems, setProblems] = useState<PlanProblem[]>([]);
  const [busy, setBusy] = useState(false);
  /** A 409: the newer plan on the server, while what the unit typed stays in the form. */
  const [newer, setNewer] = useState<UnitPlan | null>(null);
  /** The key of a save that got no answer: the same body is sent again under it (replayed, not saved twice). */
  const unanswered = useRef<{ key: string; body: string } | null>(null);
  /** The form as last loaded or saved, with its version: „Przekaż” sends no new version when nothing changed. */
  const stored = useRef<{ draft: PlanDraft; version: number } | null>(null);

  /** Bumped by every load: an answer to an older load (an effect run twice, a reload) is dropped, never overwriting what is typed. */
  const loads = useRef(0);
  const load = useCallback(async () => {
    const mine = ++loads.current;
    setError(null);
    const kinds = await api.measureKinds();
    if (kinds.kind === 'ok') registerMeasureKinds(kinds.value);
    const [plan, previous, program] = await Promise.all([api.unitPlan(year, unitCode), api.planPrevious(year, unitCode), api.program()]);
    if (mine !== loads.current) return;
    if (plan.kind !== 'ok') return setError(plan.message);
    if (previous.kind !== 'ok') return setError(previous.message);
    if (program.kind !== 'ok') return setError(program.message);
    setLoaded({ plan: plan.value, activities: previous.value.activities, previousYear: previous.value.previousYear, tasks: program.value.tasks, orgUnitCodes: program.value.orgUnits.map((u) => u.code) });
    const fresh = draftOf(previous.value.activities.map((a) => a.activityId), plan.value);
    stored.current = { draft: fresh, version: plan.value.version };
    setDraft(fresh);
  }, [api, unitCode, year]);
  useEffect(() => {
    void load();
    return () => { loads.current++; };
  }, [load]);

  const ctx = useMemo<PlanRuleContext | null>(() => loaded && {
    activityIds: loaded.activities.map((a) => a.activityId), tasks: loaded.tasks, orgUnitCodes: new Set(loaded.orgUnitCodes), orgUnitCode: unitCode,
  }, [loaded, unitCode]);

  // Once problems are shown, they follow the typing: a fixed field's message goes at once, a new one appears.
  const shown = problems.length > 0;
  useEffect(() => {
    if (shown && draft && ctx) setProblems(bodyOf(draft, ctx).problems);
  }, [draft, ctx, shown]);

  if (error) return <MessageBar intent="error" layout="multiline"><MessageBarBody>{error}</MessageBarBody></MessageBar>;
  if (!loaded || !draft || !ctx) return <Spinner label={T.loading} />;
  const { plan } = loaded;
  const readOnly = !plan.editable;

  const setEntry = (i: number, entry: EntryDraft) => setDraft({ ...draft, entries: draft.entries.map((e, k) => (k === i ? entry : e)) });
  const setMeasure = (i: number, j: number, m: MeasureDraft) => setEntry(i, { ...draft.entries[i]!, measures: draft.entries[i]!.measures.map((x, k) => (k === j ? m : x)) });
  const setProposal = (i: number, p: ActivityProposal) => setDraft({ ...draft, proposals: draft.proposals.map((x, k) => (k === i ? p : x)) });

  /** Saves the form on top of `base` (the version it was loaded from, or the newer one after „Zapisz moje”). */
  const save = async (base: UnitPlan = plan): Promise<number | null> => {
    const { body, problems: found } = bodyOf(draft, ctx);
    setProblems(found);
    setNotice(null);
    setFailure(null);
    if (found.length > 0) return null;
    const request = { baseVersion: base.version, ...body };
    const json = JSON.stringify(request);
    const key = unanswered.current?.body === json ? unanswered.current.key : crypto.randomUUID();
    unanswered.current = { key, body: json };
    setBusy(true);
    const r = await api.savePlan(year, unitCode, request, key, client);
    setBusy(false);
    if (r.kind !== 'offline') unanswered.current = null;
    if (r.kind === 'ok') {
      stored.current = { draft, version: r.value.version };
      setNewer(null);
      setLoaded({ ...loaded, plan: { ...base, version: r.value.version, state: base.state === 'not_started' ? 'draft' : base.state, savedAt: r.value.savedAt, savedBy: r.value.savedBy } });
      setNotice(T.saved(r.value.version));
      return r.value.version;
    }
    if (r.kind === 'conflict' && r.code === 'version_conflict') {
      // What was typed stays; the unit chooses: its own on top of the newer version, or the server's.
      const current = await api.unitPlan(year, unitCode);
      if (current.kind === 'ok') { setNewer(current.value); return null; }
      setFailure(current.message);
      return null;
    }
    if (r.kind === 'failed' && r.status === 423) {
      // Locked meanwhile (submitted elsewhere, accepted, or the year moved on): the form shows why and turns read-only.
      const current = await api.unitPlan(year, unitCode);
      if (current.kind === 'ok') setLoaded({ ...loaded, plan: current.value });
    }
    if (r.kind === 'rejected') setProblems(r.problems as PlanProblem[]);
    setFailure(r.message);
    return null;
  };
  const takeTheirs = () => {
    if (!newer) return;
    setLoaded({ ...loaded, plan: newer });
    const fresh = draftOf(loaded.activities.map((a) => a.activityId), newer);
    stored.current = { draft: fresh, version: newer.version };
    setDraft(fresh);
    setNewer(null);
    setNotice(T.tookServer(newer.version));
  };
  const submit = async () => {
    if (newer) return;
    const same = (d: PlanDraft) => JSON.stringify(bodyOf(d, ctx).body);
    const unchanged = stored.current && stored.current.version === plan.version && plan.version > 0 && same(stored.current.draft) === same(draft);
    const version = unchanged ? plan.version : await save();
    if (version === null) return;
    setBusy(true);
    const r = await api.submitPlan(year, unitCode, version);
    setBusy(false);
    if (r.kind === 'ok') { setLoaded({ ...loaded, plan: r.value }); setNotice(T.submitted); return; }
    if (r.kind === 'rejected') setProblems(r.problems as PlanProblem[]);
    setFailure(r.message);
  };

  const problemsOf = (activityId: string) => problems.filter((p) => p.activityId === activityId);
  const kinds = allMeasureKinds();

  return (
    <section className={styles.root} aria-labelledby="plan-title">
      <Text as="h2" size={400} weight="semibold" id="plan-title">{T.title(year)}</Text>
      <Text size={200}>{T.intro(year)}</Text>
      <Text size={200} weight="semibold">{T.state(WORKFLOW_STATE_LABELS[plan.state], plan.version)}</Text>
      {(plan.source === 'mops' || plan.source === 'mops_import') && <Text size={200}>{T.enteredByMops}</Text>}
      {plan.state === 'returned' && plan.reviewComment && (
        <MessageBar intent="warning" layout="multiline"><MessageBarBody><MessageBarTitle>{T.returned}</MessageBarTitle> {plan.reviewComment}</MessageBarBody></MessageBar>
      )}
      {readOnly && <MessageBar intent="info" layout="multiline"><MessageBarBody>{!inPlanning ? T.yearLocked : plan.state === 'submitted' || plan.state === 'accepted' ? T.locked : T.yearLocked}</MessageBarBody></MessageBar>}

      {draft.entries.map((entry, i) => {
        const info = loaded.activities[i]!;
        const prev = info.previousPlan;
        return (
          <div key={entry.activityId} className={styles.activity} data-activity={entry.activityId}>
            <Text weight="semibold" className={styles.name}>{entry.activityId} · {info.activity.name}</Text>
            <Text size={200} className={mergeClasses(styles.previous, styles.name)}>
              {prev ? T.previousPlan(loaded.previousYear, planLine(prev)) : T.previousNone(loaded.previousYear)}
              {' · '}
              {info.previousActual ? T.previousActual(loaded.previousYear, info.previousActual.measures.filter((m) => isMeasureKind(m.kind)).map((m) => formatMeasure(m)).join(', ') || (info.previousActual.text ?? '—')) : T.previousNotReported(loaded.previousYear)}
            </Text>
            {readOnly && (
              // Read-only: the plan as sentences a clerk reads at a glance, not greyed-out fields.
              <>
                <Text className={styles.name}>{T.plannedLine(entry.measures.map((m) => measurePreview(m) ?? `${m.value} ${m.kind}`).join(', ') || T.nothingPlanned)}</Text>
                {entry.description && <Text size={200} className={styles.name}>{T.descriptionLine(entry.description)}</Text>}
              </>
            )}
            {!readOnly && entry.measures.map((m, j) => {
              const known = isMeasureKind(m.kind);
              const preview = measurePreview(m);
              return (
                <div key={j} className={styles.measure}>
                  <Text size={200} weight="semibold">{T.measure(j + 1)}</Text>
                  <Field className={styles.field} label={T.kind}>
                    <Select className={styles.select} value={m.forms || (!known && m.kind) ? NEW_KIND : m.kind} disabled={readOnly}
                      onChange={(_, d) => setMeasure(i, j, d.value === NEW_KIND ? { ...m, kind: known ? '' : m.kind, forms: m.forms ?? { few: '', many: '' } } : { ...m, kind: d.value, forms: null })}>
                      <option value="">{T.kindPick}</option>
                      {kinds.map((k) => <option key={k.lemma} value={k.lemma}>{k.label}</option>)}
                      <option value={NEW_KIND}>{T.kindNew}</option>
                    </Select>
                  </Field>
                  {(m.forms || (!known && m.kind)) && (
                    <>
                      <Field className={styles.field} label={T.kindNewWord}><Input value={m.kind} disabled={readOnly} onChange={(_, d) => setMeasure(i, j, { ...m, kind: d.value, forms: m.forms ?? { few: '', many: '' } })} /></Field>
                      <Field className={styles.field} label={T.formFew}><Input value={m.forms?.few ?? ''} disabled={readOnly} onChange={(_, d) => setMeasure(i, j, { ...m, forms: { few: d.value, many: m.forms?.many ?? '' } })} /></Field>
                      <Field className={styles.field} label={T.formMany}><Input value={m.forms?.many ?? ''} disabled={readOnly} onChange={(_, d) => setMeasure(i, j, { ...m, forms: { few: m.forms?.few ?? '', many: d.value } })} /></Field>
                    </>
                  )}
                  <Field className={styles.field} label={T.qualifier}><Input value={m.qualifier} disabled={readOnly} onChange={(_, d) => setMeasure(i, j, { ...m, qualifier: d.value })} /></Field>
                  <Field className={styles.field} label={T.value} hint={preview ? T.preview(preview) : undefined}>
                    <Input value={m.value} inputMode="decimal" disabled={readOnly} onChange={(_, d) => setMeasure(i, j, { ...m, value: d.value })} />
                  </Field>
                  {!readOnly && <Button size="small" appearance="subtle" onClick={() => setEntry(i, { ...entry, measures: entry.measures.filter((_, k) => k !== j) })}>{T.removeMeasure}</Button>}
                </div>
              );
            })}
            {!readOnly && (
              <div className={styles.actions}>
                <Button size="small" onClick={() => setEntry(i, { ...entry, measures: [...entry.measures, { kind: '', qualifier: '', value: '', forms: null }] })}>{T.addMeasure}</Button>
                {prev && prev.measures.length > 0 && <Button size="small" onClick={() => setEntry(i, copyPrevious(entry, prev))}>{T.copyPrevious(loaded.previousYear)}</Button>}
              </div>
            )}
            {!readOnly && <Field className={styles.field} label={T.description}><Textarea value={entry.description} disabled={readOnly} resize="vertical" onChange={(_, d) => setEntry(i, { ...entry, description: d.value })} /></Field>}
            {problemsOf(entry.activityId).map((p, k) => <Text key={k} size={200} className={styles.problem} role="alert">{p.message}</Text>)}
          </div>
        );
      })}

      <Text as="h3" size={300} weight="semibold">{T.proposalsTitle}</Text>
      <Text size={200}>{T.proposalsIntro}</Text>
      {draft.proposals.map((p, i) => {
        const task = loaded.tasks.find((t) => t.code === p.taskCode);
        if (readOnly) {
          const sub = p.subsection === null ? null : task?.subsections.find((x) => x.number === p.subsection);
          return (
            <div key={p.key} className={styles.activity} data-proposal={p.key}>
              <Text weight="semibold" className={styles.name}>{p.name}</Text>
              <Text size={200} className={styles.name}>{T.proposalLine(task ? `${task.code} — ${task.title}` : p.taskCode, sub ? `${sub.number}) ${sub.title}` : null, p.partnerUnits)}</Text>
            </div>
          );
        }
        return (
          <div key={p.key} className={styles.activity} data-proposal={p.key}>
            <Field className={styles.field} label={T.proposalName}><Textarea value={p.name} disabled={readOnly} onChange={(_, d) => setProposal(i, { ...p, name: d.value })} /></Field>
            <Field className={styles.field} label={T.proposalTask}>
              <Select className={styles.select} value={p.taskCode} disabled={readOnly} onChange={(_, d) => setProposal(i, { ...p, taskCode: d.value, subsection: null })}>
                {loaded.tasks.map((t) => <option key={t.code} value={t.code}>{t.code} — {t.title.slice(0, 80)}</option>)}
              </Select>
            </Field>
            {task && task.subsections.length > 0 && (
              <Field className={styles.field} label={T.proposalSubsection}>
                <Select className={styles.select} value={p.subsection === null ? '' : String(p.subsection)} disabled={readOnly} onChange={(_, d) => setProposal(i, { ...p, subsection: d.value ? Number(d.value) : null })}>
                  <option value="">{T.proposalNoSubsection}</option>
                  {task.subsections.map((s) => <option key={s.number} value={String(s.number)}>{s.number}) {s.title.slice(0, 80)}</option>)}
                </Select>
              </Field>
            )}
            <Field className={styles.field} label={T.proposalPartners}>
              <Input value={p.partnerUnits.join(', ')} disabled={readOnly} onChange={(_, d) => setProposal(i, { ...p, partnerUnits: d.value.split(',').map((x) => x.trim().toUpperCase()).filter(Boolean) })} />
            </Field>
            {!readOnly && <Button size="small" appearance="subtle" onClick={() => setDraft({ ...draft, proposals: draft.proposals.filter((_, k) => k !== i) })}>{T.removeProposal}</Button>}
            {problems.filter((x) => x.activityId === proposalRef(p)).map((x, k) => <Text key={k} size={200} className={styles.problem} role="alert">{x.message}</Text>)}
          </div>
        );
      })}
      {!readOnly && (
        <div className={styles.actions}>
          <Button size="small" onClick={() => setDraft({ ...draft, proposals: [...draft.proposals, { key: `p${Date.now().toString(36)}`, name: '', taskCode: loaded.tasks[0]?.code ?? 'I.1', subsection: null, partnerUnits: [] }] })}>{T.addProposal}</Button>
        </div>
      )}

      {problems.length > 0 && <MessageBar intent="error" layout="multiline"><MessageBarBody><MessageBarTitle>{T.problems}</MessageBarTitle> {problems.map((p) => p.message).join(' ')}</MessageBarBody></MessageBar>}
      {newer && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody><MessageBarTitle>{T.conflictTitle(newer.version)}</MessageBarTitle> {T.conflictDetail(newer.savedBy ?? '—')}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={busy} onClick={() => void save(newer)}>{T.keepMine}</Button>
            <Button size="small" disabled={busy} onClick={takeTheirs}>{T.takeTheirs}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {failure && <MessageBar intent="error" layout="multiline"><MessageBarBody>{failure}</MessageBarBody></MessageBar>}
      {notice && <MessageBar intent="success" layout="multiline"><MessageBarBody>{notice}</MessageBarBody></MessageBar>}
      {!readOnly && (
        <div className={styles.actions}>
          <Button appearance="primary" disabled={busy || !!newer} onClick={() => void save()}>{busy ? T.saving : T.save}</Button>
          <Button disabled={busy || !!newer} onClick={() => void submit()}>{T.submit}</Button>
          {busy && <Spinner size="tiny" />}
        </div>
      )}
    </section>
  );
}


/** The year a unit plans: the newest year in planning, else the newest open one (a year stored before phases). */
export function planningYear(years: readonly { year: number; status: string; phase?: string }[]): number | null {
  const planning = years.filter((y) => y.phase === 'planning').sort((a, b) => b.year - a.year)[0];
  if (planning) return planning.year;
  const open = years.filter((y) => (y.phase ? y.phase === 'reporting' : y.status === 'open')).sort((a, b) => b.year - a.year)[0];
  return open?.year ?? null;
}

/** Planning mode for a unit: finds the year it plans, then the panel. */
export function PlanMode({ api, unitCode, client }: Omit<PlanPanelProps, 'year' | 'inPlanning'>) {
  const [chosen, setChosen] = useState<{ year: number; inPlanning: boolean } | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.years().then((r) => {
      if (r.kind !== 'ok') return setError(r.message);
      const years = r.value as { year: number; status: string; phase?: string }[];
      const year = planningYear(years);
      setChosen(year === null ? null : { year, inPlanning: years.find((y) => y.year === year)?.phase !== 'reporting' });
    });
  }, [api]);
  if (error) return <MessageBar intent="error" layout="multiline"><MessageBarBody>{error}</MessageBarBody></MessageBar>;
  if (chosen === undefined) return <Spinner label={T.loading} />;
  if (chosen === null) return <MessageBar intent="info"><MessageBarBody>{MSG.pane.noYear}</MessageBarBody></MessageBar>;
  return <PlanPanel api={api} unitCode={unitCode} year={chosen.year} client={client} inPlanning={chosen.inPlanning} />;
}

import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MSG, StartYearRequestSchema, type CarryItem, type CarryOver } from '@pwr-sync/shared';
import type { ProgramAdminModel } from './useProgramAdmin.ts';

const useStyles = makeStyles({
  card: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4, padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'end', '& > *': { minWidth: 0 } },
  select: { minWidth: 0, width: '100%', '& select': { textOverflow: 'ellipsis' } },
  // ~200 activities: the list scrolls inside the card instead of lengthening the page
  list: { listStyle: 'none', margin: 0, padding: 0, maxHeight: '320px', overflowY: 'auto', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const t = MSG.program.admin;

/** Starting a year from the previous one: what carries over (running activities with their units), picking ended or cancelled ones. */
export function StartYear({ model }: { model: ProgramAdminModel }) {
  const styles = useStyles();
  const newest = Math.max(0, ...model.years.map((y) => y.year));
  const [year, setYear] = useState(newest > 0 ? String(newest + 1) : '');
  const [phase, setPhase] = useState<'planning' | 'reporting'>('planning');
  const [planningDeadline, setPlanningDeadline] = useState('');
  const [deadline, setDeadline] = useState('');
  const [preview, setPreview] = useState<CarryOver | null>(null);
  const [pick, setPick] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const unitName = new Map(model.units.map((u) => [u.code, u.name]));

  async function show(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setPreview(null);
    model.clearNotice();
    const n = Number(year);
    if (!/^\d{4}$/.test(year.trim())) return setError(t.badYear);
    setChecking(true);
    const r = await model.preview(n);
    setChecking(false);
    if ('error' in r) return setError(r.error);
    setPreview(r.ok);
    setPick(new Set());
  }

  async function start() {
    if (!preview) return;
    const req = StartYearRequestSchema.safeParse({
      year: preview.year, phase, pick: [...pick],
      ...(phase === 'planning' ? { planningDeadline: planningDeadline || null } : {}),
      deadline: deadline || null,
    });
    if (!req.success) return setError(req.error.issues.map((i) => i.message).join(' '));
    const refused = await model.start(req.data);
    setError(refused);
    if (!refused) { setPreview(null); setYear(String(preview.year + 1)); }
  }

  const line = (a: CarryItem) => `${a.id} — ${a.name}`;
  // registry names of MOPS's cells already end with their code: „Miejski Ośrodek … (MOPS/PRZ/08)”
  const unit = (a: CarryItem) => {
    const name = unitName.get(a.reportingUnit);
    return t.reportingUnit(!name ? a.reportingUnit : name.includes(a.reportingUnit) ? name : `${a.reportingUnit} (${name})`);
  };

  return (
    <section className={styles.card} aria-labelledby="start-year-title">
      <Text as="h3" size={500} weight="semibold" id="start-year-title" className={styles.heading}>{t.startTitle}</Text>
      <Text>{t.startIntro}</Text>
      <form className={styles.form} onSubmit={show} noValidate>
        <Field label={t.startYear} required><Input value={year} inputMode="numeric" maxLength={4} onChange={(_, d) => { setYear(d.value); setPreview(null); }} /></Field>
        <Field label={t.startPhase}>
          <Select className={styles.select} value={phase} onChange={(_, d) => setPhase(d.value as 'planning' | 'reporting')}>
            <option value="planning">{t.startPhasePlanning}</option>
            <option value="reporting">{t.startPhaseReporting}</option>
          </Select>
        </Field>
        {phase === 'planning' && <Field label={t.planningDeadline}><Input type="date" value={planningDeadline} onChange={(_, d) => setPlanningDeadline(d.value)} /></Field>}
        <Field label={t.reportingDeadline}><Input type="date" value={deadline} onChange={(_, d) => setDeadline(d.value)} /></Field>
        <Button type="submit" disabled={checking || model.busy}>{checking ? t.previewing : t.preview}</Button>
      </form>
      <div aria-live="polite">{error && <MessageBar intent="error" layout="multiline"><MessageBarBody>{error}</MessageBarBody></MessageBar>}</div>
      {preview && (
        <>
          <Text className={styles.muted}>{t.fromYear(preview.fromYear, preview.programCode)}</Text>
          <Text as="h4" weight="semibold" id="carried-title" className={styles.heading}>{t.carried(preview.carried.length)}</Text>
          <ul className={styles.list} aria-labelledby="carried-title" tabIndex={0}>
            {preview.carried.map((a) => (
              <li key={a.id} className={styles.item} data-activity={a.id} data-unit={a.reportingUnit}>
                <Text size={200}>{line(a)}</Text>
                <Text size={200} className={styles.muted}>{unit(a)}</Text>
              </li>
            ))}
          </ul>
          <Text as="h4" weight="semibold" id="not-carried-title" className={styles.heading}>{t.notCarried(preview.notCarried.length)}</Text>
          {preview.notCarried.length === 0 ? <Text>{t.noneNotCarried}</Text> : (
            <>
              <div className={styles.actions}>
                <Button size="small" onClick={() => setPick(new Set(preview.notCarried.map((a) => a.id)))}>{t.pickAll}</Button>
                <Text size={200}>{t.picked(pick.size)}</Text>
              </div>
              <ul className={styles.list} aria-labelledby="not-carried-title">
                {preview.notCarried.map((a) => (
                  <li key={a.id} className={styles.item} data-activity={a.id} data-unit={a.reportingUnit}>
                    <Checkbox
                      checked={pick.has(a.id)}
                      onChange={(_, d) => setPick((s) => { const n = new Set(s); if (d.checked) n.add(a.id); else n.delete(a.id); return n; })}
                      label={<>{line(a)}<br /><Text size={200} className={styles.muted}>{a.reason ? t.reason[a.reason] : ''} · {unit(a)}</Text></>}
                    />
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={model.busy} onClick={() => void start()}>{t.start(preview.year, preview.carried.length + pick.size)}</Button>
          </div>
        </>
      )}
    </section>
  );
}

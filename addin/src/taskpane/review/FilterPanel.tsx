import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Input, Label, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MSG, BAND_COLOURS, BAND_ORDER, REPORT_STATUS_LABELS, VARIANCE_BAND_LABELS, type ConsolidatedRow, type ProgramStructure, type ReportStatus } from '@pwr-sync/shared';
import { EMPTY_FILTER, parseThresholdPercent, type ReviewFilter } from '../../review/filters.ts';
import type { ReviewCounts } from '../../excel/review.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  group: { border: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXXS, width: '100%' },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginRight: tokens.spacingHorizontalXS, border: `1px solid ${tokens.colorNeutralStroke1}` },
  // Wraps at 320 px: the threshold's long label would otherwise push its box off the pane.
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  threshold: { flex: '1 1 160px', minWidth: 0 },
  thresholdInput: { minWidth: 0, width: '100%', '& input': { minWidth: 0, width: '100%' } },
  // A native multiple select: keyboard- and screen-reader-friendly, and robust in a narrow pane.
  multi: { width: '100%', fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300, border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingVerticalXXS },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

const STATUSES = Object.keys(REPORT_STATUS_LABELS) as ReportStatus[];

export interface FilterPanelProps {
  rows: readonly ConsolidatedRow[];
  program: ProgramStructure | null;
  filter: ReviewFilter;
  counts: ReviewCounts | null;
  /** Rows the pane's filter keeps (for comparison with what Excel shows). */
  shownByPane: number;
  tableLoaded: boolean;
  busy: boolean;
  onChange: (f: ReviewFilter) => void;
  onApply: (f: ReviewFilter) => void;
  onClear: () => void;
}

const selected = (el: HTMLSelectElement) => [...el.selectedOptions].map((o) => o.value);
const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));

/** The program's area codes (its structure decides them), else those of the loaded rows. */
function areaCodes(program: ProgramStructure | null, rows: readonly ConsolidatedRow[]): string[] {
  return program?.areas.length ? program.areas.map((a) => a.code) : [...new Set(rows.map((r) => r.area))];
}

/** The filters, applied to the review table as real Excel filters. */
export function FilterPanel({ rows, program, filter, counts, shownByPane, tableLoaded, busy, onChange, onApply, onClear }: FilterPanelProps) {
  const styles = useStyles();
  const [direction, setDirection] = useState<'below' | 'above'>(filter.execution?.direction ?? 'below');
  const [threshold, setThreshold] = useState(filter.execution ? String(Math.round(filter.execution.ratio * 10000) / 100).replace('.', ',') : '');
  const [thresholdError, setThresholdError] = useState<string | null>(null);
  const tasks = [...new Set(rows.map((r) => r.taskCode))];
  const units = [...new Set(rows.flatMap((r) => r.orgUnitCodes))].sort((a, b) => a.localeCompare(b, 'pl'));
  const unitName = (code: string) => program?.orgUnits.find((u) => u.code === code)?.name ?? code;
  const areaTitle = (code: string) => program?.areas.find((a) => a.code === code)?.title ?? '';

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    let execution: ReviewFilter['execution'] = null;
    if (threshold.trim() !== '') {
      const parsed = parseThresholdPercent(threshold);
      if (!parsed.ok) return setThresholdError(parsed.reason);
      execution = { direction, ratio: parsed.value };
    }
    setThresholdError(null);
    const next = { ...filter, execution };
    onChange(next);
    onApply(next);
  }

  function handleClear() {
    setThreshold('');
    setThresholdError(null);
    onClear();
  }

  return (
    <form className={styles.root} onSubmit={handleSubmit} aria-labelledby="filters-title">
      <Text as="h2" size={400} weight="semibold" id="filters-title">{MSG.review.filtersTitle}</Text>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{MSG.review.band}</legend>
        {BAND_ORDER.map((b) => (
          <Checkbox key={b} checked={filter.bands.includes(b)} onChange={(_, d) => onChange({ ...filter, bands: toggle(filter.bands, b, !!d.checked) })}
            label={<span><span className={styles.swatch} style={{ backgroundColor: BAND_COLOURS[b].fill }} aria-hidden="true" />{VARIANCE_BAND_LABELS[b]}</span>} />
        ))}
      </fieldset>
      <div className={styles.row}>
        <Field label={MSG.review.execution}>
          <Select value={direction} onChange={(_, d) => setDirection(d.value as 'below' | 'above')}>
            <option value="below">{MSG.review.below}</option>
            <option value="above">{MSG.review.above}</option>
          </Select>
        </Field>
        <Field label={MSG.review.thresholdLabel} validationMessage={thresholdError ?? undefined} validationState={thresholdError ? 'error' : 'none'} className={styles.threshold}>
          <Input className={styles.thresholdInput} value={threshold} onChange={(_, d) => setThreshold(d.value)} inputMode="decimal" contentAfter={<span aria-hidden="true">%</span>} />
        </Field>
      </div>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{MSG.review.area}</legend>
        {areaCodes(program, rows).map((a) => (
          <Checkbox key={a} checked={filter.areas.includes(a)} onChange={(_, d) => onChange({ ...filter, areas: toggle(filter.areas, a, !!d.checked) })} label={a} title={areaTitle(a)}
            // Named by its title too, not only its code (the visible numeral stays part of the name).
            aria-label={areaTitle(a) ? `${a} — ${areaTitle(a)}` : a} />
        ))}
      </fieldset>
      <div className={styles.field}>
        <Label htmlFor="filter-tasks" weight="semibold">{MSG.review.task}</Label>
        <select id="filter-tasks" aria-describedby="filter-multi-hint" multiple size={4} className={styles.multi} value={filter.tasks} onChange={(e) => onChange({ ...filter, tasks: selected(e.currentTarget) })}>
          {tasks.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </div>
      <div className={styles.field}>
        <Label htmlFor="filter-units" weight="semibold">{MSG.review.unit}</Label>
        <select id="filter-units" aria-describedby="filter-multi-hint" multiple size={5} className={styles.multi} value={filter.units} onChange={(e) => onChange({ ...filter, units: selected(e.currentTarget) })}>
          {units.map((u) => <option key={u} value={u}>{u === unitName(u) ? u : `${u} — ${unitName(u)}`}</option>)}
        </select>
        <Text size={200} id="filter-multi-hint">{MSG.review.multiHint}</Text>
      </div>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{MSG.review.status}</legend>
        {STATUSES.map((s) => (
          <Checkbox key={s} checked={filter.statuses.includes(s)} onChange={(_, d) => onChange({ ...filter, statuses: toggle(filter.statuses, s, !!d.checked) })} label={REPORT_STATUS_LABELS[s]} />
        ))}
      </fieldset>
      <Checkbox checked={filter.withMoney} onChange={(_, d) => onChange({ ...filter, withMoney: !!d.checked })} label={MSG.review.withMoney} />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy || !tableLoaded}>{MSG.review.apply}</Button>
        <Button onClick={handleClear} disabled={busy || !tableLoaded || (filter === EMPTY_FILTER && !counts)}>{MSG.review.clear}</Button>
      </div>
      <div aria-live="polite">
        {counts && (
          <Text block>
            {MSG.review.excelShows(counts.total, counts.shown)}
            {counts.shown !== shownByPane && MSG.review.filtersChangedInSheet(shownByPane)}
          </Text>
        )}
        {!tableLoaded && <Text size={200} block>{MSG.review.loadFirst}</Text>}
      </div>
    </form>
  );
}

import { useMemo, useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MSG, BAND_COLOURS, BAND_ORDER, REPORT_STATUS_LABELS, VARIANCE_BAND_LABELS, type ConsolidatedRow, type ProgramStructure, type ReportStatus } from '@pwr-sync/shared';
import { EMPTY_FILTER, parseThresholdPercent, type ReviewFilter } from '../../review/filters.ts';
import type { ReviewCounts } from '../../excel/review.ts';
import { areaChoices, taskChoices, unitChoices } from '../../review/choices.ts';
import { ChoiceList } from './ChoiceList.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  group: { border: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXXS, width: '100%' },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginRight: tokens.spacingHorizontalXS, border: `1px solid ${tokens.colorNeutralStroke1}` },
  // Wraps at 320 px: the threshold's long label would otherwise push its box off the pane.
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  threshold: { flex: '1 1 160px', minWidth: 0 },
  thresholdInput: { minWidth: 0, width: '100%', '& input': { minWidth: 0, width: '100%' } },
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

const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));

/** The filters, applied to the review table as real Excel filters. */
export function FilterPanel({ rows, program, filter, counts, shownByPane, tableLoaded, busy, onChange, onApply, onClear }: FilterPanelProps) {
  const styles = useStyles();
  const [direction, setDirection] = useState<'below' | 'above'>(filter.execution?.direction ?? 'below');
  const [threshold, setThreshold] = useState(filter.execution ? String(Math.round(filter.execution.ratio * 10000) / 100).replace('.', ',') : '');
  const [thresholdError, setThresholdError] = useState<string | null>(null);
  // names first, codes as secondary text
  const areas = useMemo(() => areaChoices(program, rows.map((r) => r.area)), [program, rows]);
  const tasks = useMemo(() => taskChoices(program, rows.map((r) => r.taskCode)), [program, rows]);
  const units = useMemo(() => unitChoices(program, new Map(rows.flatMap((r) => r.orgUnitCodes.map((c, i) => [c, r.orgUnitNames[i] ?? c] as const)))), [program, rows]);

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
      <ChoiceList label={MSG.review.area} choices={areas} selected={filter.areas} onChange={(areas) => onChange({ ...filter, areas })} />
      <ChoiceList label={MSG.review.task} choices={tasks} selected={filter.tasks} onChange={(tasks) => onChange({ ...filter, tasks })} searchable maxHeight={220} />
      <ChoiceList label={MSG.review.unit} choices={units} selected={filter.units} onChange={(units) => onChange({ ...filter, units })} searchable maxHeight={260} />
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

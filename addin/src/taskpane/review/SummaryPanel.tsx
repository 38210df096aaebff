import { useMemo, useState } from 'react';
import { Text, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { MSG, BAND_COLOURS, VARIANCE_BAND_LABELS, formatPercent, summarizeExecution, type ConsolidatedRow, type ProgramStructure } from '@pwr-sync/shared';
import { bandsPresent, executionByGroup, wrapLabel, type ChartGrouping } from '../../review/chart.ts';
import { choice, choiceText } from '../../review/choices.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '260px', overflowY: 'auto' },
  toggles: { display: 'flex', gap: tokens.spacingHorizontalXS },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginRight: '4px', border: `1px solid ${tokens.colorNeutralStroke1}` },
  code: { color: tokens.colorNeutralForeground3 },
});

const MAX_ACTIVITIES = 30;
const MAX_UNITS = 12;

export interface SummaryPanelProps {
  rows: readonly ConsolidatedRow[];
  /** For the areas' titles (the rows carry their codes only). */
  program?: ProgramStructure | null;
}

/** Polish summary of the filtered rows and the chart of execution by area or unit. */
export function SummaryPanel({ rows, program = null }: SummaryPanelProps) {
  const styles = useStyles();
  const summary = useMemo(() => summarizeExecution(rows), [rows]);
  const [grouping, setGrouping] = useState<ChartGrouping>('area');
  return (
    <section className={styles.root} aria-labelledby="summary-title">
      <Text as="h2" size={400} weight="semibold" id="summary-title">{MSG.review.summaryTitle}</Text>
      <Text block data-testid="summary-headline">{summary.headline}</Text>
      {summary.bands && <Text size={200} block>{summary.bands}</Text>}
      {summary.totals.length > 0 && (
        // tabIndex: a region that scrolls must be reachable by keyboard (WCAG 2.1.1).
        <ul className={styles.list} aria-label={MSG.review.totalsLabel} tabIndex={0}>
          {summary.totals.map((t) => <li key={t}><Text size={200}>{t}</Text></li>)}
        </ul>
      )}
      {summary.activities.length > 0 && (
        <ul className={styles.list} aria-label={MSG.review.activitiesLabel} tabIndex={0}>
          {summary.activities.slice(0, MAX_ACTIVITIES).map((a) => (
            <li key={a.activityId}>
              <Text size={200}><strong>{a.name}</strong> <span className={styles.code}>({a.activityId})</span> — {choiceText(choice(a.unit, a.unitName))}: {a.text}</Text>
            </li>
          ))}
          {summary.activities.length > MAX_ACTIVITIES && <li><Text size={200}>{MSG.review.moreActivities(summary.activities.length - MAX_ACTIVITIES)}</Text></li>}
        </ul>
      )}
      <div className={styles.toggles} role="group" aria-label={MSG.review.chartBy}>
        <ToggleButton size="small" checked={grouping === 'area'} onClick={() => setGrouping('area')}>{MSG.review.byArea}</ToggleButton>
        <ToggleButton size="small" checked={grouping === 'unit'} onClick={() => setGrouping('unit')}>{MSG.review.byUnit}</ToggleButton>
      </div>
      <ExecutionChart rows={rows} grouping={grouping} program={program} />
    </section>
  );
}

const BAR_H = 18;
const GAP = 10;
/** One line of a group's name above its bar. */
const LINE_H = 13;
const WIDTH = 360;
/** Upper bound of one character's advance at font size 11, for laying out labels. */
const CHAR_W = 6.6;
/** A group's name takes at most this many lines above its bar (the full name is in its tooltip and the description). */
const NAME_LINES = 2;

/** Group key → "name (code)": an area by its title, a unit by its name. */
function groupNames(rows: readonly ConsolidatedRow[], program: ProgramStructure | null, grouping: ChartGrouping): (key: string) => string {
  const names = new Map<string, string>();
  if (grouping === 'area') for (const a of program?.areas ?? []) names.set(a.code, a.title);
  else for (const r of rows) r.orgUnitCodes.forEach((c, i) => names.set(c, r.orgUnitNames[i] ?? c));
  return (key) => choiceText(choice(key, names.get(key)));
}

/**
 * Stacked bars: for each area (or the largest units), how many measures fall in each band, coloured
 * as in the sheet, each under its name (code second). An inline SVG: no Excel chart API, renders and
 * tests anywhere. The bars' numbers are also in the accessible description.
 */
export function ExecutionChart({ rows, grouping, program = null }: { rows: readonly ConsolidatedRow[]; grouping: ChartGrouping; program?: ProgramStructure | null }) {
  const styles = useStyles();
  const groups = executionByGroup(rows, grouping).slice(0, grouping === 'unit' ? MAX_UNITS : undefined);
  if (groups.length === 0) return <Text size={200}>{MSG.review.noRatedRows}</Text>;
  const nameOf = groupNames(rows, program, grouping);
  const max = Math.max(...groups.map((g) => g.total));
  const endLabel = (g: (typeof groups)[number]) => (g.onPlanShare === null ? String(g.total) : MSG.review.atLeastPlan(g.total, formatPercent(g.onPlanShare)));
  // Room after the longest bar for its label ("57 · 58,8 % ≥ plan"), so no label runs past the chart.
  const endRoom = Math.max(...groups.map((g) => endLabel(g).length)) * CHAR_W + 6;
  const scale = Math.max(0, WIDTH - endRoom) / max;
  const laid = groups.map((g) => ({ g, name: nameOf(g.key), lines: wrapLabel(nameOf(g.key), Math.floor(WIDTH / CHAR_W), NAME_LINES) }));
  const tops = laid.reduce<number[]>((acc, l, i) => [...acc, i === 0 ? 0 : acc[i - 1]! + laid[i - 1]!.lines.length * LINE_H + BAR_H + GAP], []);
  const last = laid.length - 1;
  const height = tops[last]! + laid[last]!.lines.length * LINE_H + BAR_H;
  const bands = bandsPresent(groups);
  const title = grouping === 'area' ? MSG.review.chartByArea : MSG.review.chartByUnit;
  const desc = laid.map(({ g, name }) => `${name}: ${bands.filter((b) => g.counts[b]).map((b) => `${VARIANCE_BAND_LABELS[b]} ${g.counts[b]}`).join(', ')}`).join('; ');
  return (
    <figure style={{ margin: 0 }}>
      <svg role="img" aria-labelledby="chart-title chart-desc" width="100%" viewBox={`0 0 ${WIDTH} ${height}`} data-testid="execution-chart">
        <title id="chart-title">{title}</title>
        <desc id="chart-desc">{desc}</desc>
        {laid.map(({ g, name, lines }, i) => {
          let x = 0;
          const y = tops[i]! + lines.length * LINE_H;
          return (
            <g key={g.key} data-group={g.key}>
              <title>{name}</title>
              <text x={0} y={tops[i]! + LINE_H - 3} fontSize="11">
                {lines.map((l, j) => <tspan key={j} x={0} dy={j === 0 ? 0 : LINE_H}>{l}</tspan>)}
              </text>
              {bands.map((b) => {
                const n = g.counts[b] ?? 0;
                if (!n) return null;
                const w = n * scale;
                const rect = <rect key={b} x={x} y={y} width={w} height={BAR_H} fill={BAND_COLOURS[b].fill} stroke={BAND_COLOURS[b].font} strokeWidth={0.5} data-band={b} data-count={n}><title>{`${name} — ${VARIANCE_BAND_LABELS[b]}: ${n}`}</title></rect>;
                x += w;
                return rect;
              })}
              <text x={x + 4} y={y + BAR_H - 5} fontSize="11">{endLabel(g)}</text>
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.legend}>
        {bands.map((b) => <span key={b}><span className={styles.swatch} style={{ backgroundColor: BAND_COLOURS[b].fill }} aria-hidden="true" />{VARIANCE_BAND_LABELS[b]}</span>)}
      </figcaption>
    </figure>
  );
}

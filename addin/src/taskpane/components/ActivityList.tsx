import { useMemo, useState } from 'react';
import { Badge, Checkbox, Field, Input, Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { MSG, REPORT_STATUS_LABELS, type Assignment, type ReportEntry, type ReportStatus, type SheetProblem } from '@pwr-sync/shared';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  filters: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalS },
  // a native select is as wide as its longest option unless told otherwise; keep it inside the pane
  filterField: { minWidth: 0 },
  filterSelect: { minWidth: 0, width: '100%', '& select': { minWidth: 0, width: '100%', textOverflow: 'ellipsis' } },
  list: { listStyleType: 'none', margin: 0, padding: 0, maxHeight: '260px', overflowY: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  item: {
    display: 'flex', flexDirection: 'column', gap: '2px', width: '100%', textAlign: 'left', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: 'none', borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, backgroundColor: tokens.colorNeutralBackground1, cursor: 'pointer', fontFamily: 'inherit', fontSize: tokens.fontSizeBase200,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  meta: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', flexWrap: 'wrap' },
});

export interface ActivityListProps {
  assignments: Assignment[];
  entries: Map<string, ReportEntry>;
  problems: SheetProblem[];
  selectedId: string | null;
  onSelect: (activityId: string) => void;
}

type StatusFilter = '' | 'empty' | ReportStatus;

/** The unit's activities, searchable and filterable by task, status and problems. */
export function ActivityList({ assignments, entries, problems, selectedId, onSelect }: ActivityListProps) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [task, setTask] = useState('');
  const [status, setStatus] = useState<StatusFilter>('');
  const [onlyProblems, setOnlyProblems] = useState(false);

  const reporting = useMemo(() => assignments.filter((a) => a.role === 'reporting'), [assignments]);
  const tasks = useMemo(() => [...new Set(reporting.map((a) => a.activity.taskCode))], [reporting]);
  const problemCount = useMemo(() => {
    const m = new Map<string, number>();
    for (const p of problems) if (p.activityId) m.set(p.activityId, (m.get(p.activityId) ?? 0) + 1);
    return m;
  }, [problems]);

  const q = query.trim().toLocaleLowerCase('pl');
  const shown = reporting.filter((a) => {
    const e = entries.get(a.activity.id);
    if (task && a.activity.taskCode !== task) return false;
    if (status === 'empty' && e?.status) return false;
    if (status && status !== 'empty' && e?.status !== status) return false;
    if (onlyProblems && !problemCount.get(a.activity.id)) return false;
    return !q || a.activity.name.toLocaleLowerCase('pl').includes(q) || a.activity.id.toLocaleLowerCase('pl').includes(q);
  });

  return (
    <section className={styles.root} aria-labelledby="activities-title">
      <Text as="h2" size={400} weight="semibold" id="activities-title">{MSG.pane.activitiesTitle(shown.length, reporting.length)}</Text>
      <Field label={MSG.pane.searchLabel}>
        <Input type="search" value={query} onChange={(_, d) => setQuery(d.value)} placeholder={MSG.pane.searchPlaceholder} />
      </Field>
      <div className={styles.filters}>
        <Field label={MSG.pane.filterTask} className={styles.filterField}>
          <Select className={styles.filterSelect} value={task} onChange={(_, d) => setTask(d.value)}>
            <option value="">{MSG.pane.all}</option>
            {tasks.map((t) => <option key={t} value={t}>{t}</option>)}
          </Select>
        </Field>
        <Field label={MSG.pane.filterStatus} className={styles.filterField}>
          <Select className={styles.filterSelect} value={status} onChange={(_, d) => setStatus(d.value as StatusFilter)}>
            <option value="">{MSG.pane.all}</option>
            <option value="empty">{MSG.pane.unfilled}</option>
            {(Object.keys(REPORT_STATUS_LABELS) as ReportStatus[]).map((s) => <option key={s} value={s}>{REPORT_STATUS_LABELS[s]}</option>)}
          </Select>
        </Field>
      </div>
      <Checkbox label={MSG.pane.onlyProblems} checked={onlyProblems} onChange={(_, d) => setOnlyProblems(!!d.checked)} />
      <ul className={styles.list} aria-label={MSG.pane.activityListLabel}>
        {shown.map((a) => {
          const e = entries.get(a.activity.id);
          const n = problemCount.get(a.activity.id) ?? 0;
          return (
            <li key={a.activity.id}>
              <button
                type="button"
                className={mergeClasses(styles.item, a.activity.id === selectedId && styles.selected)}
                aria-current={a.activity.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(a.activity.id)}
              >
                <span>{a.activity.id} · {a.activity.name}</span>
                <span className={styles.meta}>
                  <Badge size="small" appearance="outline" color={e?.status ? 'brand' : 'informative'}>{e?.status ? REPORT_STATUS_LABELS[e.status] : MSG.pane.unfilled}</Badge>
                  {n > 0 && <Badge size="small" color="danger">problemy: {n}</Badge>}
                </span>
              </button>
            </li>
          );
        })}
        {shown.length === 0 && <li><Text size={200}>{MSG.pane.noActivities}</Text></li>}
      </ul>
    </section>
  );
}

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
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
  /** Put focus on this activity's item when the list appears (coming back from its form). */
  focusId?: string | null;
}

type StatusFilter = '' | 'empty' | ReportStatus;

/** The unit's activities, searchable and filterable by task, status and problems. */
export function ActivityList({ assignments, entries, problems, selectedId, onSelect, focusId }: ActivityListProps) {
  const styles = useStyles();
  const listRef = useRef<HTMLUListElement>(null);
  // The list is one Tab stop: its current item takes Tab, arrows move between items (roving tabindex).
  const [current, setCurrent] = useState<string | null>(focusId ?? selectedId);
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

  const active = shown.some((a) => a.activity.id === current) ? current : shown[0]?.activity.id ?? null;
  const items = () => [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-activity]') ?? [])];

  // Once, when the list appears with a focus target.
  const focused = useRef(false);
  useEffect(() => {
    if (focused.current || !focusId) return;
    focused.current = true;
    listRef.current?.querySelector<HTMLButtonElement>(`button[data-activity="${CSS.escape(focusId)}"]`)?.focus();
  }, [focusId]);

  function handleKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    const all = items();
    const at = all.findIndex((b) => b === document.activeElement);
    if (at < 0) return;
    const to = e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? all.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = all[Math.max(0, Math.min(all.length - 1, to))];
    if (!next) return;
    setCurrent(next.dataset.activity ?? null);
    next.focus();
  }

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
      <Text size={200} id="activities-hint">{MSG.pane.activityListHint}</Text>
      <ul className={styles.list} aria-label={MSG.pane.activityListLabel} aria-describedby="activities-hint" ref={listRef} onKeyDown={handleKeyDown}>
        {shown.map((a) => {
          const e = entries.get(a.activity.id);
          const n = problemCount.get(a.activity.id) ?? 0;
          return (
            <li key={a.activity.id}>
              <button
                type="button"
                data-activity={a.activity.id}
                tabIndex={a.activity.id === active ? 0 : -1}
                onFocus={() => setCurrent(a.activity.id)}
                className={mergeClasses(styles.item, a.activity.id === selectedId && styles.selected)}
                aria-current={a.activity.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(a.activity.id)}
              >
                <span>{a.activity.id} · {a.activity.name}</span>
                <span className={styles.meta}>
                  <Badge size="small" appearance="outline" color={e?.status ? 'brand' : 'informative'}>{e?.status ? REPORT_STATUS_LABELS[e.status] : MSG.pane.unfilled}</Badge>
                  {n > 0 && <Badge size="small" color="danger">{MSG.pane.problemCount(n)}</Badge>}
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

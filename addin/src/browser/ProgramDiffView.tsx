import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MSG, type ProgramUploadPreview } from '@pwr-sync/shared';
import { formatDate } from '../taskpane/format.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, overflowWrap: 'anywhere' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
});

const t = MSG.program.admin;
const d = t.diff;

/** One titled list of the diff, left out when empty. */
function Section({ title, items, name }: { title: string; items: string[]; name: string }) {
  const styles = useStyles();
  if (items.length === 0) return null;
  return (
    <section data-diff={name} aria-label={d.section(title, items.length)}>
      <Text as="h5" weight="semibold" block className={styles.heading}>{d.section(title, items.length)}</Text>
      <ul className={styles.list}>{items.map((x, i) => <li key={i}><Text size={200}>{x}</Text></li>)}</ul>
    </section>
  );
}

/** What applying an uploaded program file would change: activities added, renamed, moved, retired, units changed, org units added, and each open year's part. */
export function ProgramDiffView({ preview: p }: { preview: ProgramUploadPreview }) {
  const styles = useStyles();
  const x = p.diff;
  const units = (codes: string[]) => codes.join(', ');
  return (
    <div className={styles.root} data-testid="program-diff">
      <Text as="h4" size={400} weight="semibold" className={styles.heading}>
        {p.newPeriod ? t.previewNewTitle(p.programCode, p.years[0], p.years[1]) : t.previewTitle(p.programCode)}
      </Text>
      {p.demo && <div><Badge appearance="filled" color="important">{MSG.program.demoBadge}</Badge></div>}
      <Text size={200} className={styles.muted}>{t.previewFile(p.fileName ?? 'program.xlsx', p.uploadedBy, formatDate(p.uploadedAt))} {t.counts(p.counts.areas, p.counts.tasks, p.counts.activities, p.counts.orgUnits)}</Text>
      {x.comparedWith && <Text size={200}>{t.comparedWith(x.comparedWith)}</Text>}
      {p.empty && <Text weight="semibold">{t.emptyDiff}</Text>}
      {x.title && <Text size={200}>{d.title(x.title.from, x.title.to)}</Text>}
      {x.years && <Text size={200}>{d.years(x.years.from.join('–'), x.years.to.join('–'))}</Text>}
      {x.demo && <Text size={200}>{d.demo(x.demo.to)}</Text>}
      <Section name="areas-added" title={d.areasAdded} items={x.areas.added} />
      <Section name="areas-removed" title={d.areasRemoved} items={x.areas.removed} />
      <Section name="areas-retitled" title={d.areasRetitled} items={x.areas.retitled} />
      <Section name="tasks-added" title={d.tasksAdded} items={x.tasks.added} />
      <Section name="tasks-removed" title={d.tasksRemoved} items={x.tasks.removed} />
      <Section name="tasks-changed" title={d.tasksChanged} items={x.tasks.changed} />
      <Section name="added" title={d.added} items={x.added.map((a) => d.inTask(a.id, a.name, a.taskCode))} />
      <Section name="restored" title={d.restored} items={x.restored.map((a) => d.item(a.id, a.name))} />
      <Section name="renamed" title={d.renamed} items={x.renamed.map((a) => d.renamedItem(a.id, a.from, a.to))} />
      <Section name="moved" title={d.moved} items={x.moved.map((a) => d.movedItem(a.id, a.name, a.from, a.to))} />
      <Section name="retired" title={d.retired} items={x.retired.map((a) => d.item(a.id, a.name))} />
      <Section name="units-changed" title={d.unitsChanged} items={x.unitsChanged.map((a) => d.unitsItem(a.id, a.name, units(a.from), units(a.to)))} />
      <Section name="status-changed" title={d.statusChanged} items={x.statusChanged.map((a) => d.unitsItem(a.id, a.name, MSG.program.activityStatus[a.from], MSG.program.activityStatus[a.to]))} />
      <Section name="org-units-added" title={d.orgUnitsAdded} items={x.orgUnitsAdded.map((u) => d.unitItem(u.code, u.name))} />
      <Section name="org-units-renamed" title={d.orgUnitsRenamed} items={x.orgUnitsRenamed.map((u) => d.renamedItem(u.code, u.from, u.to))} />
      <Section name="org-units-kind" title={d.orgUnitsKindChanged} items={(x.orgUnitsKindChanged ?? []).map((u) => d.movedItem(u.code, u.name, MSG.program.file.orgUnitKinds[u.from], MSG.program.file.orgUnitKinds[u.to]))} />
      {!p.newPeriod && <Text size={200} className={styles.muted}>{d.unchanged(x.unchanged)}</Text>}
      <Section name="years" title={t.yearEffectsTitle} items={p.yearEffects.map((e) => t.yearEffect(e.year, MSG.program.phase[e.phase], e.added.length, e.updated.length, e.removed.length, e.kept.length))} />
    </div>
  );
}

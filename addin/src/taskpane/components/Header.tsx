import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MSG, WORKFLOW_STATE_LABELS, type UnitReport } from '@pwr-sync/shared';
import { daysUntil, formatDate } from '../format.ts';
import type { Loaded } from '../useUnitReport.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalL, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  row: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const STATE_COLOR: Record<UnitReport['state'], 'informative' | 'warning' | 'success' | 'danger' | 'brand'> = {
  not_started: 'informative',
  draft: 'brand',
  submitted: 'success',
  returned: 'danger',
  accepted: 'success',
};

export interface HeaderProps {
  data: Loaded;
  onSignOut: () => void;
}

/** Unit, reporting year, deadline and the report's state. */
export function Header({ data, onSignOut }: HeaderProps) {
  const styles = useStyles();
  const { year, report } = data;
  const unitName = data.me.orgUnit?.name ?? data.unitCode;
  const days = year.deadline ? daysUntil(year.deadline) : null;
  return (
    <header className={styles.root}>
      <div className={styles.row}>
        <Text as="h1" size={400} weight="semibold">{unitName}</Text>
        <Button size="small" appearance="subtle" onClick={onSignOut}>{MSG.pane.signOut}</Button>
      </div>
      <div className={styles.row}>
        <Text>{MSG.pane.reportFor(year.year, data.unitCode)}</Text>
        <Badge appearance="tint" color={STATE_COLOR[report.state]}>{WORKFLOW_STATE_LABELS[report.state]}</Badge>
      </div>
      <Text size={200}>
        {MSG.pane.deadline(formatDate(year.deadline))}
        {days !== null && (days >= 0 ? MSG.pane.daysLeft(days) : MSG.pane.deadlinePassed)}
        {' · '}{MSG.pane.serverVersion(report.version)}
      </Text>
    </header>
  );
}

/** The unit and sign-out, where the report's header is not shown (the plan tab, the report still loading). */
export function UnitHeader({ name, onSignOut }: { name: string; onSignOut: () => void }) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <div className={styles.row}>
        <Text as="h1" size={400} weight="semibold">{name}</Text>
        <Button size="small" appearance="subtle" onClick={onSignOut}>{MSG.pane.signOut}</Button>
      </div>
    </header>
  );
}

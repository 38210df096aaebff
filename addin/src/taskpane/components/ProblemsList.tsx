import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MSG, UNIT_SHEET_COLUMNS, columnIndex, type SheetProblem } from '@pwr-sync/shared';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '200px', overflowY: 'auto' },
});

export interface ProblemsListProps {
  problems: SheetProblem[];
  onSelect: (activityId: string) => void;
}

/** Problems found in the sheet, in Polish, each leading to its activity's form. */
export function ProblemsList({ problems, onSelect }: ProblemsListProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="problems-title" aria-live="polite">
      <Text as="h2" size={400} weight="semibold" id="problems-title">
        {problems.length === 0 ? MSG.pane.noProblems : MSG.pane.problemsTitle(problems.length)}
      </Text>
      {problems.length > 0 && (
        <ul className={styles.list}>
          {problems.map((p, i) => (
            <li key={i}>
              <Text size={200}>
                {p.activityId ? <Link as="button" onClick={() => onSelect(p.activityId!)}>{p.activityId}</Link> : MSG.pane.sheetRow(p.rowIndex + 2)}
                {` · ${UNIT_SHEET_COLUMNS[columnIndex(p.column)]?.header ?? p.column}: ${p.message}`}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

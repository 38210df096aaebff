import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MSG, type SheetProblem } from '@pwr-sync/shared';
import { problemField, problemMessage } from '../../report/problemText.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export interface ProblemsListProps {
  problems: SheetProblem[];
  /** Selects the problem's cell in Excel and opens its activity's form. */
  onSelect: (problem: SheetProblem) => void;
}

/**
 * Problems found in the sheet: where (activity and field, the link) and what to do, one line each.
 * Only the heading's count is announced when it changes, never the whole list.
 */
export function ProblemsList({ problems, onSelect }: ProblemsListProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="problems-title">
      {/* The heading alone is the live region: a short count, not the whole list. */}
      <div role="status">
        <Text as="h2" size={400} weight="semibold" id="problems-title">
          {problems.length === 0 ? MSG.pane.noProblems : MSG.pane.problemsTitle(problems.length)}
        </Text>
      </div>
      {problems.length > 0 && (
        <ul className={styles.list}>
          {problems.map((p, i) => (
            <li key={i}>
              <Text size={200}>
                {p.activityId
                  ? <Link as="button" onClick={() => onSelect(p)}>{MSG.pane.problemWhere(p.activityId, problemField(p))}</Link>
                  : MSG.pane.problemWhere(MSG.pane.sheetRow(p.rowIndex + 2), problemField(p))}
                {': '}{problemMessage(p)}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { MSG } from '@pwr-sync/shared';

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, listStyleType: 'none', margin: 0, padding: 0, counterReset: 'step' },
  step: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  current: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1, textDecorationLine: 'underline' },
});

export type StepKey = keyof typeof MSG.pane.steps;
export const STEP_ORDER: StepKey[] = ['prepare', 'fill', 'sync', 'submit'];

export interface StepsProps {
  /** Steps already done. */
  done: ReadonlySet<StepKey>;
  /** The step to take now; null when everything is done. */
  current: StepKey | null;
}

/**
 * Przygotuj arkusz → Wypełnij → Synchronizuj → Przekaż. Each step says in words whether it is done
 * or the one to take now (a tick and underline add to the words, never replace them).
 */
export function Steps({ done, current }: StepsProps) {
  const styles = useStyles();
  return (
    <nav aria-label={MSG.pane.stepsLabel}>
      <ol className={styles.list}>
        {STEP_ORDER.map((key, i) => (
          <li key={key} className={mergeClasses(styles.step, key === current && styles.current)} aria-current={key === current ? 'step' : undefined}>
            <Text size={200} weight={key === current ? 'semibold' : 'regular'}>
              {`${i + 1}. ${MSG.pane.steps[key]}`}
              {done.has(key) ? ` ✓ (${MSG.pane.stepDone})` : key === current ? ` (${MSG.pane.stepCurrent})` : ''}
            </Text>
          </li>
        ))}
      </ol>
    </nav>
  );
}

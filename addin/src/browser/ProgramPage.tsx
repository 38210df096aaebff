import { Badge, Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MSG } from '@pwr-sync/shared';
import type { ApiClient, ApiOutcome } from '../api/client.ts';
import { useProgramAdmin } from './useProgramAdmin.ts';
import { YearCard } from './YearCard.tsx';
import { StartYear } from './StartYear.tsx';
import { ProgramFile } from './ProgramFile.tsx';
import { useProgramFile } from './useProgramFile.ts';

const useStyles = makeStyles({
  card: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4, padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  title: { overflowWrap: 'anywhere', minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const t = MSG.program.admin;

/** MOPS's admin in the browser: program periods and their years — phases and deadlines, moves, undo, a new year from the previous one. */
export function ProgramPage({ api, onFailure }: { api: ApiClient; onFailure: (o: ApiOutcome<unknown>) => void }) {
  const styles = useStyles();
  const model = useProgramAdmin({ api, onFailure });
  const file = useProgramFile({ api, onFailure, onApplied: model.load });

  if (model.loadError) return (
    <>
      <MessageBar intent="error" layout="multiline"><MessageBarBody>{t.loadFailed} {model.loadError}</MessageBarBody></MessageBar>
      <Button onClick={() => void model.load()}>{MSG.browser.retry}</Button>
    </>
  );
  if (!model.programs) return <Spinner label={MSG.browser.loading} />;

  return (
    <>
      <Text as="h2" size={600} weight="semibold">{t.title}</Text>
      <Text>{t.intro}</Text>
      <div aria-live="polite">{model.notice && <MessageBar intent={model.notice.intent} layout="multiline"><MessageBarBody>{model.notice.text}</MessageBarBody></MessageBar>}</div>
      <Text as="h3" size={500} weight="semibold" id="periods-title">{t.periods}</Text>
      <ul className={styles.list} aria-labelledby="periods-title">
        {[...model.programs].reverse().map((p) => {
          const years = model.years.filter((y) => y.programCode === p.code).sort((a, b) => b.year - a.year);
          return (
            <li key={p.code} className={styles.card} data-program={p.code}>
              <div className={styles.head}>
                <Text weight="semibold">{p.code}</Text>
                <Text>{t.period(p.firstYear, p.lastYear)}</Text>
                {p.demo && <Badge appearance="filled" color="important">{MSG.program.demoBadge}</Badge>}
              </div>
              <Text className={styles.title}>{p.title}</Text>
              <Text size={200} className={styles.muted}>{t.activities(p.activities, p.retired)}</Text>
              <div><Button size="small" disabled={file.busy !== null} onClick={() => void file.download(p.code)}>{t.download}</Button></div>
              {years.length === 0 ? <Text>{t.noYearsInPeriod}</Text> : (
                <ul className={styles.list} aria-label={`${p.code}: ${t.period(p.firstYear, p.lastYear)}`}>
                  {years.map((y) => <YearCard key={y.year} year={y} model={model} />)}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      <ProgramFile key={model.programs.length} programs={model.programs} model={file} />
      <StartYear key={model.years.length} model={model} />
    </>
  );
}

import { Button, Field, MessageBar, MessageBarBody, Select, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MSG, type MeResponse } from '@pwr-sync/shared';
import type { ApiClient, ApiOutcome } from '../api/client.ts';
import { useState } from 'react';
import { CompletenessPanel } from '../taskpane/review/CompletenessPanel.tsx';
import { UnitReportView } from '../taskpane/review/report/UnitReportView.tsx';
import { PairingPanel } from '../taskpane/review/PairingPanel.tsx';
import { usePairingReviews } from '../taskpane/review/usePairingReviews.ts';
import { useYearReview } from './useYearReview.ts';
import { PlanReview } from './PlanReview.tsx';

const useStyles = makeStyles({
  card: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4, padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Reviewers and managers in a browser: completeness, each unit's report to decide from (reviewers), the year's workbook and annex. */
export function ReviewHome({ api, me, onFailure }: { api: ApiClient; me: MeResponse; onFailure: (o: ApiOutcome<unknown>) => void }) {
  const styles = useStyles();
  const t = MSG.browser;
  const model = useYearReview({ api, me, onFailure });
  /** The unit whose report is open for review. */
  const [opened, setOpened] = useState<string | null>(null);
  /** Reports or plans of the year. */
  const [mode, setMode] = useState<'reports' | 'plans'>('reports');
  const P = MSG.plan.template.review;
  const pairing = usePairingReviews({ api, year: model.year, onUnauthorized: (message) => onFailure({ kind: 'unauthorized', message }) });
  return (
    <>
      <Text as="h2" size={600} weight="semibold">{t.reviewTitle}</Text>
      <Field label={t.chooseYear} orientation="horizontal">
        <Select value={model.year === null ? '' : String(model.year)} onChange={(_, d) => { setOpened(null); model.setYear(Number(d.value)); }}>
          {model.years.map((y) => <option key={y.year} value={y.year}>{t.yearLabel(y.year, MSG.program.phase[y.phase])}</option>)}
        </Select>
      </Field>
      <TabList selectedValue={mode} onTabSelect={(_, d) => setMode(d.value as 'reports' | 'plans')} aria-label={P.modes}>
        <Tab value="reports">{P.tabReports}</Tab>
        <Tab value="plans">{P.tabPlans}</Tab>
      </TabList>
      {mode === 'plans' && model.year !== null && (
        <PlanReview api={api} year={model.year} canReview={model.canReview} yearOpen={model.yearInfo !== null && model.yearInfo.phase !== 'closed'} onFailure={onFailure} />
      )}
      {mode === 'reports' && (
        <>
        <section className={styles.card} aria-labelledby="files-title">
          <Text as="h2" size={400} weight="semibold" id="files-title">{t.downloads}</Text>
          <div className={styles.buttons}>
            <Button disabled={model.busy || model.year === null} onClick={() => void model.download('workbook')}>{t.centralWorkbook}</Button>
            <Button disabled={model.busy || model.year === null} onClick={() => void model.download('annex')}>{t.annex}</Button>
          </div>
        </section>
        <div aria-live="polite">{model.notice && <MessageBar intent={model.notice.intent} layout="multiline"><MessageBarBody>{model.notice.text}</MessageBarBody></MessageBar>}</div>
        <section className={styles.card}>
          {opened !== null && model.year !== null ? (
            <UnitReportView api={api} year={model.year} unit={opened} canReview={model.canReview} yearOpen={model.yearInfo?.status === 'open'}
              onClose={() => setOpened(null)} onFailure={model.reportFailed} onDecided={model.refresh} />
          ) : (
            <CompletenessPanel rows={model.rows} canReview={model.canReview} yearOpen={model.yearInfo?.status === 'open'} notice={null} onOpen={setOpened} />
          )}
        </section>
        <section className={styles.card}>
          <PairingPanel reviews={pairing.reviews} canSettle={model.canReview} yearClosed={model.yearInfo?.phase === 'closed'} busy={pairing.busy} notice={pairing.notice} onSettle={pairing.settle} />
        </section>
        </>
      )}
    </>
  );
}

import { useState } from 'react';
import { Badge, Button, Divider, Field, Link, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { browserModeUrl } from '../../excel/requirements.ts';
import { MSG, type MeResponse } from '@pwr-sync/shared';
import type { ApiClient } from '../../api/client.ts';
import type { ReviewHost } from '../../excel/reviewHost.ts';
import { AnnexPanel } from './AnnexPanel.tsx';
import { CompletenessPanel } from './CompletenessPanel.tsx';
import { UnitReportView } from './report/UnitReportView.tsx';
import { FilterPanel } from './FilterPanel.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { PairingPanel } from './PairingPanel.tsx';
import { usePairingReviews } from './usePairingReviews.ts';
import { SummaryPanel } from './SummaryPanel.tsx';
import { useAnnexDownload } from './useAnnexDownload.ts';
import { useReview } from './useReview.ts';
import { describeThresholds, thresholdsEdited } from '../../review/thresholds.ts';
import { ReviewTabs } from './ReviewTabs.tsx';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalL, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  row: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  // year labels carry the phase („2025 (sprawozdawczość)”): the select takes the pane's width, never more
  year: { minWidth: 0, maxWidth: '100%' },
});

const ROLE_LABELS = MSG.review.roles;

export interface ReviewAppProps {
  api: ApiClient;
  me: MeResponse;
  host: ReviewHost;
  supportOk: boolean;
  supportMessage: string | null;
  onSignOut: (message?: string) => void;
}

type TabKey = 'filters' | 'completeness' | 'history' | 'pairing';

/** The review mode: the consolidated year in Excel, filters, summary, completeness, history. */
export function ReviewApp({ api, me, host, supportOk, supportMessage, onSignOut }: ReviewAppProps) {
  const styles = useStyles();
  const model = useReview({ api, host, me, onUnauthorized: onSignOut });
  const annex = useAnnexDownload({ api, year: model.year, onUnauthorized: onSignOut });
  const pairing = usePairingReviews({ api, year: model.year, onUnauthorized: onSignOut });
  const [tab, setTab] = useState<TabKey>('filters');
  /** The unit whose report is open for review (in the completeness tab). */
  const [opened, setOpened] = useState<string | null>(null);
  const tableLoaded = model.counts !== null;
  const yearOpen = model.yearInfo?.status === 'open';

  return (
    <>
      <header className={styles.header}>
        <div className={styles.row}>
          <Text as="h1" size={400} weight="semibold">{MSG.review.title}</Text>
          <Button size="small" appearance="subtle" onClick={() => onSignOut()}>{MSG.pane.signOut}</Button>
        </div>
        <div className={styles.row}>
          <Text>{me.user.name}</Text>
          <Badge appearance="tint" color={model.canReview ? 'brand' : 'informative'}>{ROLE_LABELS[me.user.role]}</Badge>
        </div>
        <Field label={MSG.review.yearLabel}>
          <Select className={styles.year} value={model.year === null ? '' : String(model.year)} onChange={(_, d) => { setOpened(null); model.setYear(Number(d.value)); }} disabled={model.busy !== null}>
            {model.years.map((y) => <option key={y.year} value={y.year}>{MSG.review.yearOption(y.year, MSG.program.phase[y.phase])}</option>)}
          </Select>
        </Field>
      </header>
      <main className={styles.main}>
        {!supportOk && supportMessage && (
          <MessageBar intent="error" layout="multiline"><MessageBarBody><MessageBarTitle>{MSG.pane.excelTooOld}</MessageBarTitle> {supportMessage}{' '}
            <Link href={browserModeUrl()} target="_blank" rel="noopener">{MSG.browser.useBrowser}</Link></MessageBarBody></MessageBar>
        )}
        <section aria-labelledby="table-title">
          <Text as="h2" size={400} weight="semibold" id="table-title" block>{MSG.review.tableTitle}</Text>
          <Text size={200} block>
            {model.rows === null ? MSG.review.fetching : MSG.review.onServer(model.rows.length, model.year, tableLoaded)}
          </Text>
          <Button appearance={tableLoaded ? 'secondary' : 'primary'} style={{ marginTop: tokens.spacingVerticalS }}
            disabled={!supportOk || model.busy !== null || model.year === null} onClick={() => void model.loadTable()}>
            {model.busy === 'table' ? MSG.review.writing : tableLoaded ? MSG.review.refresh : MSG.review.load}
          </Button>
          {model.busy === 'data' && <Spinner size="tiny" label={MSG.review.downloading} />}
          {model.thresholds && model.year !== null && (
            <div style={{ marginTop: tokens.spacingVerticalS }}>
              <Text size={200} block data-testid="table-thresholds">{describeThresholds(model.thresholds, model.year)}</Text>
              {thresholdsEdited(model.thresholds) && (
                <Button size="small" style={{ marginTop: tokens.spacingVerticalXS }} disabled={!supportOk || model.busy !== null} onClick={() => void model.restoreThresholds()}>
                  {model.busy === 'table' ? MSG.review.thresholds.restoring : MSG.review.thresholds.restore}
                </Button>
              )}
            </div>
          )}
          <div aria-live="polite" style={{ marginTop: tokens.spacingVerticalS }}>
            {model.notice && <MessageBar intent={model.notice.intent} layout="multiline"><MessageBarBody>{model.notice.text}</MessageBarBody></MessageBar>}
          </div>
        </section>
        <AnnexPanel year={model.year} title={annex.title} canEdit={model.canReview} busy={annex.busy} notice={annex.notice}
          onDownload={(y, summary) => void annex.download(y, summary)} onSaveTitle={annex.saveTitle} />
        <ReviewTabs label={MSG.review.tabsLabel} selected={tab} onSelect={setTab}
          tabs={[{ value: 'filters', label: MSG.review.tabFilters }, { value: 'completeness', label: MSG.review.tabCompleteness }, { value: 'history', label: MSG.review.tabHistory }, { value: 'pairing', label: MSG.pairing.title }]} />
        <div role="tabpanel" aria-labelledby={`tab-${tab}`} className={styles.panel}>
        {tab === 'filters' && model.rows && (
          <>
            <FilterPanel rows={model.rows} program={model.program} filter={model.filter} counts={model.counts} shownByPane={model.shown.length}
              tableLoaded={tableLoaded} busy={model.busy !== null} onChange={model.setFilter} onApply={(f) => void model.applyFilters(f)} onClear={() => void model.clearFilters()} />
            <Divider />
            <SummaryPanel rows={model.shown} program={model.program} />
          </>
        )}
        {tab === 'completeness' && opened !== null && model.year !== null && (
          <UnitReportView api={api} year={model.year} unit={opened} canReview={model.canReview} yearOpen={yearOpen}
            onClose={() => setOpened(null)} onFailure={model.reportFailed} onDecided={() => void model.refreshCompleteness()}
            onOpenAsSheet={supportOk ? (view) => host.openReportSheet({ view, year: model.year!, unit: opened }) : undefined} />
        )}
        {tab === 'completeness' && opened === null && (
          <CompletenessPanel rows={model.completeness} canReview={model.canReview} yearOpen={yearOpen} notice={null} onOpen={setOpened} />
        )}
        {tab === 'pairing' && (
          <PairingPanel reviews={pairing.reviews} canSettle={model.canReview} yearClosed={model.yearInfo?.phase === 'closed'} busy={pairing.busy} notice={pairing.notice} onSettle={pairing.settle} />
        )}
        {tab === 'history' && (
          <HistoryPanel history={model.history} notice={model.historyNotice} busy={model.busy !== null} tableLoaded={tableLoaded} onLoad={() => void model.loadHistory()} />
        )}
        </div>
      </main>
    </>
  );
}

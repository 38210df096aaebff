import { useCallback, useEffect, useRef, useState } from 'react';
import { Checkbox, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MSG, type PlanCompletenessRow } from '@pwr-sync/shared';
import type { ApiClient, ApiOutcome } from '../api/client.ts';
import { CompletenessPanel } from '../taskpane/review/CompletenessPanel.tsx';
import { PlanFiles } from './PlanFiles.tsx';
import { PlanReviewView } from './PlanReviewView.tsx';

const useStyles = makeStyles({
  card: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4, padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const T = MSG.plan.template.review;

export interface PlanReviewProps {
  api: ApiClient;
  year: number;
  canReview: boolean;
  /** The year is not closed: MOPS still decides and enters plans. */
  yearOpen: boolean;
  onFailure: (o: ApiOutcome<unknown>) => void;
}

/**
 * MOPS's review of a year's plans: completeness by unit, a unit's plan opened read-only to accept
 * (after a confirmation), return with a comment or reopen; and plans entered on the units' behalf
 * from a sheet of many units' plans (audited as MOPS's entry).
 */
export function PlanReview({ api, year, canReview, yearOpen, onFailure }: PlanReviewProps) {
  const styles = useStyles();
  const [rows, setRows] = useState<PlanCompletenessRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [accept, setAccept] = useState(false);

  const failRef = useRef(onFailure);
  failRef.current = onFailure;
  const refresh = useCallback(async () => {
    const r = await api.planCompleteness(year);
    if (r.kind === 'ok') { setRows(r.value); setError(null); } else { failRef.current(r); setError(r.message); }
  }, [api, year]);
  useEffect(() => { setRows(null); setOpened(null); void refresh(); }, [refresh]);

  const openedRow = rows?.find((r) => r.orgUnitCode === opened);
  const submitted = rows?.filter((r) => r.state === 'submitted').length ?? 0;
  const accepted = rows?.filter((r) => r.state === 'accepted').length ?? 0;
  return (
    <>
      <section className={styles.card}>
        {error && <MessageBar intent="error" layout="multiline"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
        {opened !== null ? (
          <PlanReviewView api={api} year={year} unit={opened} unitName={openedRow?.orgUnitName ?? opened} canReview={canReview && yearOpen}
            onClose={() => setOpened(null)} onDecided={() => void refresh()} onFailure={onFailure} />
        ) : (
          <>
            <Text as="h2" size={500} weight="semibold">{T.title(year)}</Text>
            {rows && <Text size={200}>{T.summary(submitted, accepted, rows.length)}</Text>}
            <CompletenessPanel rows={rows} canReview={canReview} yearOpen={yearOpen} notice={null} onOpen={setOpened}
              texts={{ title: T.completenessTitle, open: T.open, openLabel: (name) => `${T.open}: ${name}` }} />
          </>
        )}
      </section>
      {canReview && yearOpen && opened === null && (
        <PlanFiles id="plans-sheet" title={T.bulkTitle} text={T.bulkText} downloadLabel={T.bulkDownload} uploadLabel={T.bulkUpload}
          download={() => api.bulkPlanTemplate(year)} upload={(file, progress) => api.uploadBulkPlans(year, file, accept, progress)}
          saved={(r) => MSG.plan.template.upload.bulkSaved(r.saved.length)} onSaved={() => void refresh()} onFailure={onFailure}>
          <Checkbox checked={accept} onChange={(_, d) => setAccept(d.checked === true)} label={T.bulkAccept} />
        </PlanFiles>
      )}
    </>
  );
}

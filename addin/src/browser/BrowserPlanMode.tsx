import { useEffect, useState } from 'react';
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { MSG } from '@pwr-sync/shared';
import type { ApiClient, ApiOutcome } from '../api/client.ts';
import { PlanPanel, planningYear } from '../taskpane/plan/PlanPanel.tsx';
import { PlanFiles } from './PlanFiles.tsx';

/**
 * A unit's plan in the browser mode: the plan template (download, fill in Excel or LibreOffice,
 * upload) and the planning form; a plan saved from the file reloads the form.
 */
export function BrowserPlanMode({ api, unitCode, onFailure }: { api: ApiClient; unitCode: string; onFailure: (o: ApiOutcome<unknown>) => void }) {
  const [year, setYear] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  /** Bumped when the file saved a version: the form reads the plan again. */
  const [loaded, setLoaded] = useState(0);
  const t = MSG.plan.template;
  /** Why the file cannot be uploaded now: the plan is handed in, accepted, or locked with the year. */
  const [locked, setLocked] = useState<string | null>(null);
  useEffect(() => {
    void api.years().then((r) => (r.kind === 'ok' ? setYear(planningYear(r.value)) : setError(r.message)));
  }, [api]);
  useEffect(() => {
    if (typeof year !== 'number') return;
    void api.unitPlan(year, unitCode).then((r) => {
      if (r.kind !== 'ok' || r.value.editable) return setLocked(null);
      setLocked(r.value.state === 'submitted' || r.value.state === 'accepted' ? MSG.plan.pane.locked : MSG.plan.pane.yearLocked);
    });
  }, [api, unitCode, year, loaded]);
  if (error) return <MessageBar intent="error" layout="multiline"><MessageBarBody>{error}</MessageBarBody></MessageBar>;
  if (year === undefined) return <Spinner label={MSG.plan.pane.loading} />;
  if (year === null) return <MessageBar intent="info"><MessageBarBody>{MSG.pane.noYear}</MessageBarBody></MessageBar>;
  return (
    <>
      <PlanFiles id="plan-files" title={t.browser.filesTitle} text={t.browser.filesText} downloadLabel={t.browser.download} uploadLabel={t.browser.upload}
        download={() => api.planTemplate(year, unitCode)} upload={(file, progress) => api.uploadPlanTemplate(year, unitCode, file, progress)}
        saved={(r) => t.upload.saved(r.version)} onSaved={() => setLoaded((n) => n + 1)} onFailure={onFailure} locked={locked} />
      <PlanPanel key={loaded} api={api} unitCode={unitCode} year={year} client="browser" />
    </>
  );
}

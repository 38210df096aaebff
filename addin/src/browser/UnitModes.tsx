import { useState, type ReactNode } from 'react';
import { MSG } from '@pwr-sync/shared';
import { ReviewTabs } from '../taskpane/review/ReviewTabs.tsx';

/** A unit in the browser mode: its report (years, template, upload) or its plan. */
export function UnitModes({ report, plan }: { report: ReactNode; plan: ReactNode }) {
  const [mode, setMode] = useState<'report' | 'plan'>('report');
  return (
    <>
      <ReviewTabs label={MSG.plan.pane.modes} selected={mode} onSelect={setMode}
        tabs={[{ value: 'report', label: MSG.plan.pane.tabReport }, { value: 'plan', label: MSG.plan.pane.tabPlan }]} />
      {mode === 'plan' ? plan : report}
    </>
  );
}

import { useState, type ReactNode } from 'react';
import { Tab, TabList } from '@fluentui/react-components';
import { MSG } from '@pwr-sync/shared';

/** A unit in the browser mode: its report (years, template, upload) or its plan. */
export function UnitModes({ report, plan }: { report: ReactNode; plan: ReactNode }) {
  const [mode, setMode] = useState<'report' | 'plan'>('report');
  return (
    <>
      <TabList selectedValue={mode} onTabSelect={(_, d) => setMode(d.value as 'report' | 'plan')}>
        <Tab value="report">{MSG.plan.pane.tabReport}</Tab>
        <Tab value="plan">{MSG.plan.pane.tabPlan}</Tab>
      </TabList>
      {mode === 'plan' ? plan : report}
    </>
  );
}

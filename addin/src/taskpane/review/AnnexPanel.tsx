import { useEffect, useState } from 'react';
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { MSG, type AnnexTitle, type AnnexTitleResponse } from '@pwr-sync/shared';
import type { AnnexTitleProblems } from './useAnnexDownload.ts';

const T = MSG.annex.pane;

export interface AnnexPanelProps {
  year: number | null;
  /** The year's title block; null while loading. */
  title: AnnexTitleResponse | null;
  /** Reviewers and admins edit the title block; managers read it. */
  canEdit: boolean;
  busy: boolean;
  notice: { intent: 'success' | 'error' | 'warning' | 'info'; text: string } | null;
  onDownload: (year: number, summary: boolean) => void;
  onSaveTitle: (year: number, title: AnnexTitle) => Promise<AnnexTitleProblems | null>;
}

/** „Załącznik do sprawozdania”: the title block of the year and the annex as a Word document. */
export function AnnexPanel({ year, title, canEdit, busy, notice, onDownload, onSaveTitle }: AnnexPanelProps) {
  const [summary, setSummary] = useState(false);
  const [draft, setDraft] = useState<AnnexTitle>({ annexNumber: '', parentReportTitle: '' });
  const [problems, setProblems] = useState<AnnexTitleProblems>({});
  useEffect(() => {
    if (title) setDraft({ annexNumber: title.annexNumber, parentReportTitle: title.parentReportTitle });
    setProblems({});
  }, [title]);
  const changed = title !== null && (draft.annexNumber !== title.annexNumber || draft.parentReportTitle !== title.parentReportTitle);

  const handleSave = async () => {
    if (year === null) return;
    setProblems((await onSaveTitle(year, draft)) ?? {});
  };

  return (
    <section aria-labelledby="annex-title">
      <Text as="h2" size={400} weight="semibold" id="annex-title" block>{T.title}</Text>
      <Text size={200} block>{T.intro(year)}</Text>
      <Field label={T.numberLabel} hint={title?.isDefault ? T.numberDefault : undefined} validationMessage={problems.annexNumber} validationState={problems.annexNumber ? 'error' : 'none'}>
        <Input value={draft.annexNumber} readOnly={!canEdit} disabled={title === null} onChange={(_, d) => setDraft((t) => ({ ...t, annexNumber: d.value }))} />
      </Field>
      <Field label={T.parentLabel} validationMessage={problems.parentReportTitle} validationState={problems.parentReportTitle ? 'error' : 'none'}>
        <Input value={draft.parentReportTitle} readOnly={!canEdit} disabled={title === null} onChange={(_, d) => setDraft((t) => ({ ...t, parentReportTitle: d.value }))} />
      </Field>
      {canEdit && (
        <Button size="small" style={{ marginTop: tokens.spacingVerticalXS }} disabled={busy || !changed || year === null} onClick={() => void handleSave()}>
          {T.saveTitle}
        </Button>
      )}
      <Checkbox label={T.withSummary} checked={summary} onChange={(_, d) => setSummary(!!d.checked)} />
      <Button appearance="secondary" style={{ marginTop: tokens.spacingVerticalXS }} disabled={busy || year === null} onClick={() => year !== null && onDownload(year, summary)}>
        {busy ? T.preparing : T.download}
      </Button>
      <div aria-live="polite" style={{ marginTop: tokens.spacingVerticalS }}>
        {notice && <MessageBar intent={notice.intent} layout="multiline"><MessageBarBody>{notice.text}</MessageBarBody></MessageBar>}
      </div>
    </section>
  );
}

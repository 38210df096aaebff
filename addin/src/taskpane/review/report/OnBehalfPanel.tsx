import { useState } from 'react';
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { MSG, ON_BEHALF_REASON_MAX } from '@pwr-sync/shared';
import type { ApiClient, ApiOutcome, ApiProblem } from '../../../api/client.ts';
import { saveFile } from '../../saveFile.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  file: { maxWidth: '100%' },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
});

/**
 * MOPS enters a late unit's figures on its behalf: the unit's own template, filled and uploaded with
 * a reason. The server applies the same rules as to the unit's upload and records the version as
 * MOPS's, with the reason the unit then sees.
 */
export function OnBehalfPanel({ api, year, unit, onDone, onFailure }: {
  api: ApiClient; year: number; unit: string;
  onDone: (text: string) => void;
  onFailure: (o: Exclude<ApiOutcome<unknown>, { kind: 'ok' }>) => void;
}) {
  const styles = useStyles();
  const t = MSG.reviewView;
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);
  /** What the uploaded file got wrong, each with its sheet and cell (as the unit's own upload lists them). */
  const [problems, setProblems] = useState<ApiProblem[]>([]);

  async function template() {
    setBusy(true);
    const r = await api.template(year, unit);
    setBusy(false);
    if (r.kind === 'ok') saveFile(r.value.blob, r.value.filename);
    else onFailure(r);
  }
  async function upload() {
    if (!file || !reason.trim()) return;
    setBusy(true);
    setProblems([]);
    const r = await api.uploadTemplate(year, unit, file, undefined, reason.trim());
    setBusy(false);
    if (r.kind === 'rejected') setProblems(r.problems);
    if (r.kind !== 'ok') return onFailure(r);
    setFile(null);
    setReason('');
    setInputKey((k) => k + 1);
    onDone(t.onBehalfSaved(r.value.version));
  }

  return (
    <section className={styles.root} aria-labelledby="on-behalf-title">
      <Text as="h3" weight="semibold" id="on-behalf-title">{t.onBehalfPanel}</Text>
      <Text size={200}>{t.onBehalfIntro}</Text>
      <div><Button size="small" disabled={busy} onClick={() => void template()}>{t.onBehalfTemplate}</Button></div>
      <Field label={t.onBehalfReasonLabel} required validationMessage={file && !reason.trim() ? t.onBehalfReasonFirst : undefined}>
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} maxLength={ON_BEHALF_REASON_MAX} resize="vertical" />
      </Field>
      <Field label={t.onBehalfFile}>
        <input key={inputKey} className={styles.file} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={busy}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </Field>
      <div><Button size="small" appearance="primary" disabled={busy || !file || !reason.trim()} onClick={() => void upload()}>{t.onBehalfUpload}</Button></div>
      {problems.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-testid="on-behalf-problems">
          <MessageBarBody>
            <MessageBarTitle>{MSG.browser.problemsTitle}</MessageBarTitle>
            <ul className={styles.problems}>
              {problems.map((p, i) => <li key={i}>{p.sheet && p.cell ? `${MSG.browser.problemAt(p.sheet, p.cell)}: ` : ''}{p.message}</li>)}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

import { useState, type ReactNode } from 'react';
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MSG } from '@pwr-sync/shared';
import type { ApiOutcome, ApiProblem } from '../api/client.ts';
import { saveFile } from '../taskpane/saveFile.ts';

const useStyles = makeStyles({
  card: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4, padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

type Result = { kind: 'saved'; text: string } | { kind: 'rejected'; message: string; problems: ApiProblem[] } | { kind: 'error'; message: string };

export interface PlanFilesProps<T> {
  id: string;
  title: string;
  text: string;
  downloadLabel: string;
  uploadLabel: string;
  download: () => Promise<ApiOutcome<{ blob: Blob; filename: string }>>;
  upload: (file: File, onProgress: (sent: number) => void) => Promise<ApiOutcome<T>>;
  /** What the success says. */
  saved: (value: T) => string;
  onSaved?: (value: T) => void;
  onFailure?: (outcome: ApiOutcome<unknown>) => void;
  /** Why nothing can be uploaded now (the plan is locked); the template still downloads. */
  locked?: string | null;
  /** More fields beside the file (MOPS's „accept at once”). */
  children?: ReactNode;
}

/**
 * A plan in an Excel file: download the template, fill it, upload it (with progress), then the
 * saved version or every problem, each naming its sheet, cell and field. A unit's plan template and
 * MOPS's sheet of many units' plans.
 */
export function PlanFiles<T>({ id, title, text, downloadLabel, uploadLabel, download, upload, saved, onSaved, onFailure, locked, children }: PlanFilesProps<T>) {
  const styles = useStyles();
  const t = MSG.plan.template.browser;
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [busy, setBusy] = useState<null | 'download' | 'upload'>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  const fail = (r: Exclude<ApiOutcome<unknown>, { kind: 'ok' }>) => {
    onFailure?.(r);
    setResult(r.kind === 'rejected' && r.problems.length ? { kind: 'rejected', message: r.message, problems: r.problems } : { kind: 'error', message: r.message });
  };
  const get = async () => {
    setBusy('download');
    const r = await download();
    setBusy(null);
    if (r.kind === 'ok') saveFile(r.value.blob, r.value.filename);
    else fail(r);
  };
  const send = async () => {
    if (!file) return setResult({ kind: 'error', message: MSG.browser.noFile });
    if (!/\.xlsx$/i.test(file.name)) return setResult({ kind: 'error', message: MSG.browser.notXlsx(file.name) });
    setBusy('upload');
    setResult(null);
    setProgress(0);
    const r = await upload(file, setProgress);
    setProgress(null);
    setBusy(null);
    if (r.kind !== 'ok') return fail(r);
    setResult({ kind: 'saved', text: saved(r.value) });
    setFile(null);
    setInputKey((k) => k + 1);
    onSaved?.(r.value);
  };

  return (
    <section className={styles.card} aria-labelledby={id}>
      <Text as="h2" size={400} weight="semibold" id={id}>{title}</Text>
      <Text>{text}</Text>
      <div><Button disabled={busy !== null} onClick={() => void get()}>{busy === 'download' ? MSG.browser.downloading : downloadLabel}</Button></div>
      {locked && <MessageBar intent="info" layout="multiline"><MessageBarBody>{locked}</MessageBarBody></MessageBar>}
      <Field label={t.chooseFile}>
        <input key={inputKey} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={busy !== null || !!locked}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </Field>
      {children}
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy !== null || !file || !!locked} onClick={() => void send()}>{busy === 'upload' ? t.uploading : uploadLabel}</Button>
      </div>
      {progress !== null && <ProgressBar value={progress < 1 ? progress : undefined} thickness="large" aria-label={t.uploading} />}
      <div aria-live="polite">
        {result?.kind === 'saved' && <MessageBar intent="success" layout="multiline" data-testid="plan-upload-result"><MessageBarBody>{result.text}</MessageBarBody></MessageBar>}
        {result?.kind === 'error' && <MessageBar intent="error" layout="multiline" data-testid="plan-upload-result"><MessageBarBody>{result.message}</MessageBarBody></MessageBar>}
        {result?.kind === 'rejected' && (
          <MessageBar intent="error" layout="multiline" data-testid="plan-upload-result">
            <MessageBarBody>
              <MessageBarTitle>{t.problemsTitle}</MessageBarTitle> {result.message}
              <ul className={styles.problems}>{result.problems.map((p, i) => <li key={i}>{p.message}</li>)}</ul>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}

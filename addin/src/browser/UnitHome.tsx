import { useState } from 'react';
import {
  Badge, Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Spinner, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { MSG, type MeResponse } from '@pwr-sync/shared';
import type { ApiClient, ApiOutcome } from '../api/client.ts';
import { formatDate } from '../taskpane/format.ts';
import { editable } from './unitYears.ts';
import { useUnitYears } from './useUnitYears.ts';
import { UnitFeedback } from '../taskpane/review/report/UnitFeedback.tsx';

const useStyles = makeStyles({
  years: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyle: 'none', margin: 0, padding: 0 },
  year: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS, minWidth: '200px', height: 'auto', padding: tokens.spacingHorizontalM },
  card: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4, padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  where: { fontWeight: tokens.fontWeightSemibold },
});

const STATE_COLOR = { not_started: 'informative', draft: 'brand', submitted: 'warning', returned: 'danger', accepted: 'success' } as const;

/** A unit without the add-in: its years, the template, the upload and its result, submit, the reviewer's comment. */
export function UnitHome({ api, me, onFailure }: { api: ApiClient; me: MeResponse; onFailure: (o: ApiOutcome<unknown>) => void }) {
  const styles = useStyles();
  const t = MSG.browser;
  const model = useUnitYears({ api, me, onFailure });
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);

  if (!model.unit) return <MessageBar intent="error"><MessageBarBody>{t.noUnit}</MessageBarBody></MessageBar>;
  if (model.loadError) return (
    <>
      <MessageBar intent="error" layout="multiline"><MessageBarBody>{model.loadError}</MessageBarBody></MessageBar>
      <Button onClick={() => void model.load()}>{t.retry}</Button>
    </>
  );
  if (!model.years) return <Spinner label={t.loading} />;
  if (model.years.length === 0) return <Text>{t.noYears}</Text>;
  const current = model.current;
  const canEdit = current ? editable(current) : false;
  const { report, year } = current ?? {};

  async function handleUpload() {
    await model.upload(file);
    setFile(null);
    setInputKey((k) => k + 1);
  }

  return (
    <>
      <section aria-labelledby="years-title">
        <Text as="h2" size={400} weight="semibold" id="years-title" block>{t.years}</Text>
        <ul className={styles.years}>
          {model.years.map((y) => (
            <li key={y.year.year}>
              <Button className={styles.year} appearance={y.year.year === model.selected ? 'primary' : 'secondary'} aria-pressed={y.year.year === model.selected} onClick={() => model.choose(y.year.year)}>
                <Text weight="semibold">{t.yearLabel(y.year.year, MSG.program.phase[y.year.phase])}</Text>
                <Text size={200}>{y.year.deadline ? t.deadline(formatDate(y.year.deadline)) : t.noDeadline}</Text>
                <Badge appearance="tint" color={STATE_COLOR[y.report.state]}>{t.reportState(MSG.labels.workflowState[y.report.state], y.report.version)}</Badge>
              </Button>
            </li>
          ))}
        </ul>
      </section>
      {current && report && year && (
        <>
          {report.state === 'returned' && (
            <MessageBar intent="warning" layout="multiline" data-testid="review-comment">
              <MessageBarBody><MessageBarTitle>{t.returned}</MessageBarTitle> {report.reviewComment ?? t.returnedNoComment}</MessageBarBody>
            </MessageBar>
          )}
          {report.state === 'draft' && report.reviewComment && (
            <MessageBar intent="warning" layout="multiline" data-testid="reopened-note">
              <MessageBarBody><MessageBarTitle>{MSG.reviewView.unitReopenedTitle}</MessageBarTitle> {MSG.reviewView.unitReopenedReason(report.reviewComment)}</MessageBarBody>
            </MessageBar>
          )}
          <UnitFeedback api={api} year={year.year} unit={model.unit} state={report.state} version={report.version} canReply={year.status === 'open'} onFailure={onFailure} />
          {!canEdit && (
            <MessageBar intent={report.state === 'accepted' ? 'success' : 'info'}>
              <MessageBarBody>{year.status === 'closed' ? t.readOnlyClosed(year.year) : report.state === 'accepted' ? t.readOnlyAccepted : t.readOnlySubmitted}</MessageBarBody>
            </MessageBar>
          )}
          <div aria-live="polite">{model.notice && <MessageBar intent={model.notice.intent} layout="multiline"><MessageBarBody>{model.notice.text}</MessageBarBody></MessageBar>}</div>
          <section className={styles.card} aria-labelledby="step1">
            <Text as="h2" size={400} weight="semibold" id="step1">{t.step1}</Text>
            <Text>{t.step1Text}</Text>
            <div><Button appearance={report.version === 0 ? 'primary' : 'secondary'} disabled={model.busy !== null} onClick={() => void model.downloadTemplate()}>
              {model.busy === 'template' ? t.downloading : t.downloadTemplate}
            </Button></div>
          </section>
          <section className={styles.card} aria-labelledby="step2">
            <Text as="h2" size={400} weight="semibold" id="step2">{t.step2}</Text>
            <Field label={t.chooseFile}>
              <input key={inputKey} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={!canEdit || model.busy !== null}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </Field>
            <div><Button appearance="primary" disabled={!canEdit || model.busy !== null || !file} onClick={() => void handleUpload()}>
              {model.busy === 'upload' ? t.uploading : t.upload}
            </Button></div>
            {model.progress !== null && (
              <Field validationMessage={model.progress < 1 ? t.progress(Math.round(model.progress * 100)) : t.checking} validationState="none">
                <ProgressBar value={model.progress < 1 ? model.progress : undefined} thickness="large" aria-label={t.uploading} />
              </Field>
            )}
            <div aria-live="polite"><UploadResultView result={model.result} /></div>
          </section>
          <section className={styles.card} aria-labelledby="step3">
            <Text as="h2" size={400} weight="semibold" id="step3">{t.step3}</Text>
            <Text>{t.step3Text}</Text>
            <div><Button appearance="primary" disabled={!canEdit || model.busy !== null || report.version === 0} onClick={() => void model.submit()}>
              {model.busy === 'submit' ? t.submitting : t.submit}
            </Button></div>
            {canEdit && report.version === 0 && <Text size={200}>{t.submitNothing}</Text>}
          </section>
        </>
      )}
    </>
  );
}

function UploadResultView({ result }: { result: ReturnType<typeof useUnitYears>['result'] }) {
  const styles = useStyles();
  const t = MSG.browser;
  if (!result) return null;
  if (result.kind === 'saved') return (
    <MessageBar intent="success" layout="multiline" data-testid="upload-result">
      <MessageBarBody>
        <MessageBarTitle>{result.changes.length ? t.saved(result.version) : t.savedSame(result.version)}</MessageBarTitle>
        {result.changes.length > 0 && (<><Text block weight="semibold">{t.changesTitle}</Text><ul className={styles.problems}>{result.changes.map((c, i) => <li key={i}>{c}</li>)}</ul></>)}
      </MessageBarBody>
    </MessageBar>
  );
  if (result.kind === 'error') return <MessageBar intent="error" layout="multiline" data-testid="upload-result"><MessageBarBody>{result.message}</MessageBarBody></MessageBar>;
  return (
    <MessageBar intent="error" layout="multiline" data-testid="upload-result">
      <MessageBarBody>
        <MessageBarTitle>{t.problemsTitle}</MessageBarTitle> {result.message}
        <ul className={styles.problems}>
          {result.problems.map((p, i) => (
            <li key={i}>{p.sheet && p.cell ? <span className={styles.where}>{t.problemAt(p.sheet, p.cell)}: </span> : null}{p.message}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

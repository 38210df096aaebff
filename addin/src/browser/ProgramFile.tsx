import { useState } from 'react';
import {
  Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Select, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { MSG, type ProgramSummary } from '@pwr-sync/shared';
import type { ProgramFileModel } from './useProgramFile.ts';
import { ProgramDiffView } from './ProgramDiffView.tsx';

const useStyles = makeStyles({
  card: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4, padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'end', '& > *': { minWidth: 0 } },
  select: { minWidth: 0, width: '100%', '& select': { textOverflow: 'ellipsis' } },
  file: { maxWidth: '100%' },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  preview: { border: `1px solid ${tokens.colorBrandStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const t = MSG.program.admin;
const NEW = '';

/** Upload a program file — a changed one of a period, or a new period's — see its changes, apply or discard them. */
export function ProgramFile({ programs, model }: { programs: readonly ProgramSummary[]; model: ProgramFileModel }) {
  const styles = useStyles();
  const [target, setTarget] = useState<string>(programs.at(-1)?.code ?? NEW);
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const p = model.preview;

  async function upload() {
    await model.upload(target === NEW ? null : target, file);
    setFile(null);
    setInputKey((k) => k + 1);
  }

  return (
    <section className={styles.card} aria-labelledby="program-file-title">
      <Text as="h3" size={500} weight="semibold" id="program-file-title" className={styles.heading}>{t.fileTitle}</Text>
      <Text>{t.fileIntro}</Text>
      <div className={styles.form}>
        <Field label={t.uploadTarget}>
          <Select className={styles.select} value={target} onChange={(_, d) => setTarget(d.value)}>
            {[...programs].reverse().map((x) => <option key={x.code} value={x.code}>{t.targetProgram(x.code)}</option>)}
            <option value={NEW}>{t.targetNew}</option>
          </Select>
        </Field>
        <Field label={t.fileLabel}>
          <input key={inputKey} className={styles.file} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={model.busy !== null} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <Button appearance="primary" disabled={model.busy !== null || !file} onClick={() => void upload()}>{model.busy === 'upload' ? t.uploading : t.upload}</Button>
      </div>
      {model.progress !== null && (
        <Field validationMessage={model.progress < 1 ? MSG.browser.progress(Math.round(model.progress * 100)) : MSG.browser.checking} validationState="none">
          <ProgressBar value={model.progress < 1 ? model.progress : undefined} thickness="large" aria-label={t.uploading} />
        </Field>
      )}
      <div aria-live="polite">
        {model.notice && <MessageBar intent={model.notice.intent} layout="multiline"><MessageBarBody>{model.notice.text}</MessageBarBody></MessageBar>}
        {model.refusal && (
          <MessageBar intent="error" layout="multiline" data-testid="program-problems">
            <MessageBarBody>
              {model.refusal.problems.length > 0 && <MessageBarTitle>{t.problemsTitle}</MessageBarTitle>} {model.refusal.message}
              {model.refusal.problems.length > 0 && (
                <ul className={styles.problems}>{model.refusal.problems.map((x, i) => <li key={i}>{x.message}</li>)}</ul>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {p && (
        <div className={styles.preview}>
          <ProgramDiffView preview={p} />
          <div className={styles.actions}>
            <Button appearance="primary" disabled={model.busy !== null || p.empty} onClick={() => void model.apply()}>
              {model.busy === 'apply' ? t.applying : p.newPeriod ? t.applyNew : t.apply}
            </Button>
            <Button disabled={model.busy !== null} onClick={model.discard}>{t.discard}</Button>
          </div>
        </div>
      )}
    </section>
  );
}

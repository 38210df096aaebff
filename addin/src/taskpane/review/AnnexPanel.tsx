import { useState } from 'react';
import { Button, Checkbox, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';

export interface AnnexPanelProps {
  year: number | null;
  busy: boolean;
  notice: { intent: 'success' | 'error' | 'warning' | 'info'; text: string } | null;
  onDownload: (year: number, summary: boolean) => void;
}

/** „Załącznik do sprawozdania”: the year's annex as a Word document, optionally with the closing summary. */
export function AnnexPanel({ year, busy, notice, onDownload }: AnnexPanelProps) {
  const [summary, setSummary] = useState(false);
  return (
    <section aria-labelledby="annex-title">
      <Text as="h2" size={400} weight="semibold" id="annex-title" block>Załącznik do sprawozdania</Text>
      <Text size={200} block>
        Załącznik Nr 3 {year === null ? '' : `za ${year} r. `}jako dokument Word (DOCX) z danych jednostek — układ jak w opublikowanym sprawozdaniu.
      </Text>
      <Checkbox label="Dołącz podsumowanie (środki, stan realizacji, ocena wykonania)" checked={summary} onChange={(_, d) => setSummary(!!d.checked)} />
      <Button appearance="secondary" style={{ marginTop: tokens.spacingVerticalXS }} disabled={busy || year === null} onClick={() => year !== null && onDownload(year, summary)}>
        {busy ? 'Przygotowywanie…' : 'Pobierz załącznik (DOCX)'}
      </Button>
      <div aria-live="polite" style={{ marginTop: tokens.spacingVerticalS }}>
        {notice && <MessageBar intent={notice.intent} layout="multiline"><MessageBarBody>{notice.text}</MessageBarBody></MessageBar>}
      </div>
    </section>
  );
}

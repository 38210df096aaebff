import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MSG } from '@pwr-sync/shared';
import { nextLocalId, type PartDraft } from '../draft.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, border: 'none', padding: 0, margin: 0 },
  part: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: '120px' },
});

export interface FigurePartsProps {
  /** The planned measure in words („300 uczestników”). */
  planText: string;
  parts: PartDraft[];
  /** The parts' sum in words with its variance („1 017 uczestników · 339 % planu”), or '' while nothing is typed. */
  totalText: string;
  errors: Record<string, string>;
  readOnly: boolean;
  onChange: (parts: PartDraft[]) => void;
}

/** A planned measure's figure given in parts: each part with what it covers; the plan is compared with their sum. */
export function FigureParts({ planText, parts, totalText, errors, readOnly, onChange }: FigurePartsProps) {
  const styles = useStyles();
  const update = (id: string, patch: Partial<PartDraft>) => onChange(parts.map((p) => (p.id === id ? { ...p, ...patch } : p)));
  return (
    <fieldset className={styles.root}>
      <legend><Text size={200} weight="semibold">{MSG.figureForm.partsLegend(planText)}</Text></legend>
      {parts.map((p, i) => (
        <div key={p.id} className={styles.part}>
          <Field className={styles.grow} label={MSG.figureForm.partQualifier(i + 1)}>
            <Input value={p.qualifier} disabled={readOnly} onChange={(_, d) => update(p.id, { qualifier: d.value })} />
          </Field>
          <Field label={MSG.figureForm.partValue(i + 1)} validationMessage={errors[`part:${p.id}`]} validationState={errors[`part:${p.id}`] ? 'error' : 'none'}>
            <Input inputMode="decimal" value={p.value} disabled={readOnly} onChange={(_, d) => update(p.id, { value: d.value })} />
          </Field>
          {!readOnly && <Button size="small" appearance="subtle" onClick={() => onChange(parts.filter((x) => x.id !== p.id))}>{MSG.figureForm.removePart}</Button>}
        </div>
      ))}
      {totalText && <Text size={200}>{MSG.figureForm.partsTotal(totalText)}</Text>}
      {!readOnly && (
        <Button size="small" appearance="secondary" onClick={() => onChange([...parts, { id: nextLocalId('c'), qualifier: '', value: '' }])}>{MSG.figureForm.addPart}</Button>
      )}
    </fieldset>
  );
}

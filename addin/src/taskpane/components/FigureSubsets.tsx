import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MEASURE_KINDS, MSG } from '@pwr-sync/shared';
import type { SubsetDraft } from '../draft.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, border: 'none', padding: 0, margin: 0, paddingLeft: tokens.spacingHorizontalM },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: '120px' },
});

export interface FigureSubsetsProps {
  subsets: SubsetDraft[];
  errors: Record<string, string>;
  readOnly: boolean;
  onChange: (subsets: SubsetDraft[]) => void;
}

/** „w tym” figures of the figure above: shown with it, never compared with the plan or added to a total. */
export function FigureSubsets({ subsets, errors, readOnly, onChange }: FigureSubsetsProps) {
  const styles = useStyles();
  if (subsets.length === 0) return null;
  const update = (id: string, patch: Partial<SubsetDraft>) => onChange(subsets.map((s) => (s.id === id ? { ...s, ...patch } : s)));
  return (
    <fieldset className={styles.root}>
      <legend><Text size={200} weight="semibold">{MSG.figureForm.subsetsLegend}</Text></legend>
      {subsets.map((s) => (
        <div key={s.id} className={styles.line}>
          <Field label={MSG.figureForm.subsetKind} required>
            <Select value={s.kind} disabled={readOnly} onChange={(_, d) => update(s.id, { kind: d.value })}>
              <option value="">{MSG.pane.choose}</option>
              {MEASURE_KINDS.map((k) => <option key={k.lemma} value={k.lemma}>{k.label}</option>)}
            </Select>
          </Field>
          <Field className={styles.grow} label={MSG.figureForm.subsetQualifier}>
            <Input value={s.qualifier} disabled={readOnly} onChange={(_, d) => update(s.id, { qualifier: d.value })} />
          </Field>
          <Field label={MSG.figureForm.subsetValue} validationMessage={errors[`subset:${s.id}`]} validationState={errors[`subset:${s.id}`] ? 'error' : 'none'}>
            <Input inputMode="decimal" value={s.value} disabled={readOnly} onChange={(_, d) => update(s.id, { value: d.value })} />
          </Field>
          {!readOnly && <Button size="small" appearance="subtle" onClick={() => onChange(subsets.filter((x) => x.id !== s.id))}>{MSG.figureForm.removeSubset}</Button>}
        </div>
      ))}
    </fieldset>
  );
}

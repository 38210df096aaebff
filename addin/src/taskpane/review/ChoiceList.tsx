import { useId, useState } from 'react';
import { Button, Checkbox, SearchBox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MSG } from '@pwr-sync/shared';
import { searchChoices, type Choice } from '../../review/choices.ts';

const useStyles = makeStyles({
  root: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXXS },
  search: { width: '100%', maxWidth: '100%', minWidth: 0, '& input': { minWidth: 0 } },
  list: {
    display: 'flex', flexDirection: 'column', overflowY: 'auto', minWidth: 0,
    border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  // A long name wraps under its box instead of being cut off; the code follows it in small text.
  item: { alignItems: 'flex-start', minWidth: 0, '& label': { whiteSpace: 'normal', overflowWrap: 'anywhere', minWidth: 0 } },
  code: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  status: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
});

export interface ChoiceListProps {
  /** The group's name ("Jednostka …"). */
  label: string;
  choices: readonly Choice[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  /** Offer the search field (long lists). */
  searchable?: boolean;
  /** Height of the scrolling list, in px (none: as tall as its items). */
  maxHeight?: number;
}

/**
 * Several things chosen by ticking: every choice a checkbox (Tab and Space, no modifier keys), its name
 * first and wrapped, its code as small text; a search field narrows the list by name or code.
 * Ticked choices hidden by the search stay chosen (the count says so).
 */
export function ChoiceList({ label, choices, selected, onChange, searchable = false, maxHeight }: ChoiceListProps) {
  const styles = useStyles();
  const id = useId();
  const [query, setQuery] = useState('');
  const shown = searchable ? searchChoices(choices, query) : choices;
  const set = new Set(selected);
  const toggle = (value: string, on: boolean) => onChange(on ? [...selected.filter((v) => v !== value), value] : selected.filter((v) => v !== value));
  const t = MSG.review;

  return (
    <fieldset className={styles.root} aria-describedby={`${id}-status`}>
      <legend className={styles.legend}>{label}</legend>
      {searchable && (
        <SearchBox className={styles.search} size="small" value={query} onChange={(_, d) => setQuery(d.value)}
          placeholder={t.searchPlaceholder} aria-label={t.searchLabel(label)} />
      )}
      <div className={styles.list} style={maxHeight ? { maxHeight: `${maxHeight}px` } : undefined}>
        {shown.map((c) => (
          <Checkbox key={c.value} className={styles.item} checked={set.has(c.value)} onChange={(_, d) => toggle(c.value, !!d.checked)}
            label={<span>{c.name}{c.code && <> <Text size={200} className={styles.code}>({c.code})</Text></>}</span>} />
        ))}
        {shown.length === 0 && <Text size={200} style={{ padding: tokens.spacingHorizontalS }}>{t.searchNothing(query.trim())}</Text>}
      </div>
      <div className={styles.status} aria-live="polite">
        <Text size={200} id={`${id}-status`}>{selected.length ? t.chosen(selected.length, shown.filter((c) => set.has(c.value)).length) : t.noneChosen}</Text>
        {selected.length > 0 && <Button size="small" appearance="transparent" onClick={() => onChange([])} aria-label={t.unchooseLabel(label)}>{t.unchoose}</Button>}
      </div>
    </fieldset>
  );
}

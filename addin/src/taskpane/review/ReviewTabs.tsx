import { useRef, type KeyboardEvent } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  // Wraps at 320 px instead of pushing the last tab off screen.
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tab: {
    border: 'none', backgroundColor: 'transparent', color: tokens.colorNeutralForeground2, cursor: 'pointer', fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, borderBottom: '3px solid transparent',
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, borderBottomColor: tokens.colorCompoundBrandStroke },
});

export interface ReviewTabsProps<K extends string> {
  label: string;
  tabs: readonly { value: K; label: string }[];
  selected: K;
  onSelect: (value: K) => void;
}

/**
 * The review mode's tabs as a plain WAI-ARIA tablist (one Tab stop, arrows move and select).
 * Fluent's TabList adds hidden focusable helper elements that axe reports (aria-hidden-focus).
 */
export function ReviewTabs<K extends string>({ label, tabs, selected, onSelect }: ReviewTabsProps<K>) {
  const styles = useStyles();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  function handleKeyDown(e: KeyboardEvent, i: number) {
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const j = (to + tabs.length) % tabs.length;
    onSelect(tabs[j]!.value);
    refs.current[j]?.focus();
  }
  return (
    <div role="tablist" aria-label={label} className={styles.list}>
      {tabs.map((t, i) => (
        <button key={t.value} ref={(el) => { refs.current[i] = el; }} type="button" role="tab" id={`tab-${t.value}`} aria-selected={t.value === selected}
          tabIndex={t.value === selected ? 0 : -1} className={mergeClasses(styles.tab, t.value === selected && styles.selected)}
          onClick={() => onSelect(t.value)} onKeyDown={(e) => handleKeyDown(e, i)}>
          {t.label}
        </button>
      ))}
    </div>
  );
}

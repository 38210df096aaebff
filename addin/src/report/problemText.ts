/**
 * A problem as the pane shows it: where (activity and field, named once, as the link) and what to do
 * (the message without the field or activity it already names). Messages come from shared/ with
 * their own prefixes („Wykonanie: …”, „Działanie A.1, miara „uczestnicy”: …”) because the server
 * and the template upload show them alone.
 */
import { MSG, UNIT_SHEET_COLUMNS, columnIndex, type SheetProblem } from '@pwr-sync/shared';

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase('pl') + s.slice(1);

/** The field's header in the sheet („Wykonanie”, „Komentarz”). */
export function problemField(p: Pick<SheetProblem, 'column'>): string {
  return UNIT_SHEET_COLUMNS[columnIndex(p.column)]?.header ?? p.column;
}

/**
 * The message without a leading field name and activity prefix. `keepMeasure`: keep „miara „…”: ”
 * (a list of the activity's problems) or drop it too (shown beside the measure's own input).
 */
export function stripPrefixes(message: string, activityId: string | undefined, field?: string, keepMeasure = true): string {
  let m = message;
  if (field && m.startsWith(`${field}: `)) m = m.slice(field.length + 2);
  if (activityId) {
    const bare = MSG.rules.prefix(activityId); // "Działanie A.1: "
    const named = bare.slice(0, -2); // "Działanie A.1"
    if (m.startsWith(bare)) m = m.slice(bare.length);
    else if (m.startsWith(`${named}, `)) {
      m = m.slice(named.length + 2);
      if (!keepMeasure) m = m.replace(/^[^:]*: /, '');
    }
  }
  return capitalize(m);
}

/** What to do about a sheet problem, in one line, its field not repeated. */
export function problemMessage(p: SheetProblem): string {
  // The Miara cell is locked (a plan column): the fix is the form, and the message says so.
  if (p.column === 'measureKind') return capitalize(MSG.pane.kindMissingHere);
  return stripPrefixes(p.message, p.activityId, problemField(p));
}

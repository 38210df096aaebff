/**
 * The template's „Względem planu” lists: for each activity, what an empty line may be — a figure
 * beyond the plan, a part of a planned measure, a „w tym” of a planned measure or of a figure beyond
 * the plan (shared activityLineChoices). Each activity's list is a column of the hidden metadata
 * sheet under a defined name, which the empty lines' data validation points at.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { activityLineChoices, type Assignment, type ReportEntry } from '@pwr-sync/shared';

/** Column of the metadata sheet holding the line lists (A–E hold the metadata and the other lists, G the thresholds). */
const LIST_COLUMN = 'I';

export interface LineList {
  activityId: string;
  name: string;
  choices: string[];
}

/** One list per activity the unit reports, named ListaWierszy1, ListaWierszy2, … */
export function lineLists(assignments: readonly Assignment[], entries: readonly ReportEntry[]): Map<string, LineList> {
  const byActivity = new Map(entries.map((e) => [e.activityId, e]));
  const lists = new Map<string, LineList>();
  for (const a of assignments) {
    if (a.role !== 'reporting') continue;
    lists.set(a.activity.id, { activityId: a.activity.id, name: `ListaWierszy${lists.size + 1}`, choices: activityLineChoices(a.plan, byActivity.get(a.activity.id)) });
  }
  return lists;
}

/** Writes the lists into the metadata sheet and names them. */
export function writeLineLists(wb: Workbook, meta: Worksheet, lists: Iterable<LineList>): void {
  let row = 1;
  for (const list of lists) {
    list.choices.forEach((choice, i) => (meta.getCell(`${LIST_COLUMN}${row + i}`).value = choice));
    wb.definedNames.add(`${meta.name}!$${LIST_COLUMN}$${row}:$${LIST_COLUMN}$${row + list.choices.length - 1}`, list.name);
    row += list.choices.length;
  }
}

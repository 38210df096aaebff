/**
 * What the review pane offers to choose from (areas, tasks, units): each by its name, with the code
 * as secondary text, and found by typing any part of either. Pure.
 */
import type { ProgramStructure } from '@pwr-sync/shared';
import { compareAreaCodes } from './chart.ts';

export interface Choice {
  /** The code the filter keeps ("I.3", "MOPS/PRZ/08"). */
  value: string;
  /** The name shown first; the code itself when none is known. */
  name: string;
  /** The code as secondary text; null when the name already says it (or is it). */
  code: string | null;
}

/** A choice from a code and its name (if any): the code is shown beside the name unless the name contains it. */
export function choice(code: string, name: string | null | undefined): Choice {
  const n = name?.trim() || code;
  return { value: code, name: n, code: n.includes(code) ? null : code };
}

/** "Name (CODE)" or just the name, for one line of text (summaries, accessible names). */
export const choiceText = (c: Choice): string => (c.code ? `${c.name} (${c.code})` : c.name);

/** Lower case without Polish diacritics: "Ośrodek" and "osrodek" match. */
export function fold(text: string): string {
  return text.toLocaleLowerCase('pl').replace(/ł/g, 'l').normalize('NFD').replace(/\p{M}/gu, '');
}

/** The choices whose name or code contains every word typed (in any order). */
export function searchChoices(choices: readonly Choice[], query: string): Choice[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...choices];
  return choices.filter((c) => {
    const hay = fold(`${c.name} ${c.value}`);
    return words.every((w) => hay.includes(w));
  });
}

/** The program's areas by title (its structure decides them), else the codes found in the rows. */
export function areaChoices(program: ProgramStructure | null, rowAreas: readonly string[]): Choice[] {
  if (program?.areas.length) return program.areas.map((a) => choice(a.code, a.title));
  return [...new Set(rowAreas)].sort(compareAreaCodes).map((a) => choice(a, null));
}

/** The tasks present in the rows, in program order, by title. */
export function taskChoices(program: ProgramStructure | null, rowTasks: readonly string[]): Choice[] {
  const present = new Set(rowTasks);
  const titled = (program?.tasks ?? []).filter((t) => present.has(t.code)).map((t) => choice(t.code, t.title));
  const known = new Set(titled.map((c) => c.value));
  return [...titled, ...[...present].filter((t) => !known.has(t)).map((t) => choice(t, null))];
}

/** The units present in the rows, by name (Polish order), with names from the program's registry or the rows. */
export function unitChoices(program: ProgramStructure | null, rowUnits: ReadonlyMap<string, string>): Choice[] {
  const registry = new Map((program?.orgUnits ?? []).map((u) => [u.code, u.name]));
  return [...rowUnits.entries()]
    .map(([code, name]) => choice(code, registry.get(code) ?? name))
    .sort((a, b) => a.name.localeCompare(b.name, 'pl') || a.value.localeCompare(b.value, 'pl'));
}

/** Codes → "name (code)" texts, for describing a filter in words. */
export function namesOf(choices: readonly Choice[], codes: readonly string[]): string[] {
  const by = new Map(choices.map((c) => [c.value, c]));
  return codes.map((code) => (by.has(code) ? choiceText(by.get(code)!) : code));
}

/**
 * Turns the hand-checked extraction of a yearly report into seed data: the program structure,
 * and one ActivityReport per activity with the verbatim cells beside the parsed measures.
 * Pure: the caller reads and writes files.
 */
import {
  ActivityReportSchema, OrgUnitSchema, ProgramSchema, parseIndicatorText, parseMoney,
  type OrgUnit, type Program, type Task,
} from '@pwr-sync/shared';
import { z } from 'zod';
import type { ExtractPart } from './extractFormat.ts';
import { applyPairing } from './applyPairing.ts';
import type { PairingFile } from './pairingFormat.ts';

/** Where a seeded report row came from in the source document. */
export const SeedReportSchema = ActivityReportSchema.extend({
  source: z.object({
    lines: z.tuple([z.number().int(), z.number().int()]),
    verbatimNotes: z.record(z.string(), z.string()).optional(),
  }),
});
export type SeedReport = z.infer<typeof SeedReportSchema>;

export interface SeedYear {
  program: Program;
  reports: SeedReport[];
}

export interface ProgramInfo {
  code: string;
  title: string;
  years: [number, number];
}

/** Name (or alias) → org unit, compared without case and spacing differences. */
function unitLookup(orgUnits: OrgUnit[]): (name: string) => OrgUnit | undefined {
  const norm = (s: string) => s.toLocaleLowerCase('pl').replace(/\s+/g, ' ').trim();
  const map = new Map<string, OrgUnit>();
  for (const u of orgUnits) for (const n of [u.name, ...u.aliases]) map.set(norm(n), u);
  return (name) => map.get(norm(name));
}

/** Merges task headers that several parts carry (a task's subsections may span parts). */
function mergeTasks(parts: ExtractPart[]): Task[] {
  const tasks = new Map<string, Task>();
  for (const t of parts.flatMap((p) => p.tasks)) {
    const known = tasks.get(t.code);
    const subsections = t.subsections.map((s) => ({ number: s.number, title: s.title, linkedTo: s.linkedTo }));
    if (!known) {
      tasks.set(t.code, { code: t.code, area: t.area as Task['area'], kind: t.kind, title: t.title ?? '', linkedTo: t.linkedTo, subsections });
    } else {
      if (!known.title && t.title) known.title = t.title;
      if (known.linkedTo.length === 0) known.linkedTo = t.linkedTo;
      known.subsections.push(...subsections.filter((s) => !known.subsections.some((k) => k.number === s.number)));
    }
  }
  return [...tasks.values()];
}

/** What the importer reads besides the extraction. */
export interface SeedSources {
  /** The reviewed pairing decisions (seeds/<year>/pairing.json). */
  pairing: PairingFile;
  /** The source document's text, for words hyphenated at a line end. */
  sourceText: string;
}

/**
 * Words the source hyphenates at a line end ("Psychologiczno-" / "Pedagogiczne"), joined as the
 * document writes them: "psychologiczno-pedagogiczne". Joining lines with a space gave "Psychologiczno-
 * Pedagogiczne"; a hyphen followed by a space in the middle of a line ("połkolonii- warsztaty") is the
 * document's own and stays.
 */
export function lineEndHyphenations(sourceText: string): Set<string> {
  const words = new Set<string>();
  const lines = sourceText.split('\n');
  lines.forEach((line, i) => {
    const end = /(\p{L}+)-\s*$/u.exec(line);
    const next = /^\s*(\p{L}+)/u.exec(lines[i + 1] ?? '');
    if (end && next) words.add(`${end[1]}-${next[1]}`.toLocaleLowerCase('pl'));
  });
  return words;
}

/** "Psychologiczno- Pedagogiczne" → "Psychologiczno-Pedagogiczne" where the source broke the line there. */
export function joinLineEndHyphens(text: string, hyphenated: ReadonlySet<string>): string {
  return text.replace(/(\p{L}+)- (\p{L}+)/gu, (all, a: string, b: string) => (hyphenated.has(`${a}-${b}`.toLocaleLowerCase('pl')) ? `${a}-${b}` : all));
}

/** Builds and validates a year's seed; throws with every problem listed if the extraction is inconsistent. */
export function extractToSeed(parts: ExtractPart[], orgUnitsInput: unknown[], info: ProgramInfo, year: number, sources: SeedSources): SeedYear {
  const hyphenated = lineEndHyphenations(sources.sourceText);
  const decisions = new Map(sources.pairing.activities.map((d) => [d.activityId, d]));
  const orgUnits = orgUnitsInput.map((u) => OrgUnitSchema.parse(u));
  const findUnit = unitLookup(orgUnits);
  const problems: string[] = [];
  const activities: Program['activities'] = [];
  const reports: SeedReport[] = [];

  for (const a of parts.flatMap((p) => p.activities)) {
    const units = a.units.map((name) => findUnit(name) ?? (problems.push(`${a.key}: unknown org unit "${name}"`), undefined)).filter((u) => u !== undefined);
    const reporting = units.find((u) => u.kind !== 'group') ?? units[0];
    if (!reporting) continue;
    const codes = [...new Set(units.map((u) => u.code))];
    activities.push({
      id: a.key,
      taskCode: a.task,
      subsection: a.subsection,
      name: joinLineEndHyphens(a.name, hyphenated),
      unitsText: a.unitsText,
      responsibleUnits: codes.map((code) => ({ orgUnitCode: code, role: code === reporting.code ? 'reporting' : 'contributing' })),
    });

    const plan = parseIndicatorText(a.planText, { role: 'plan', year });
    const actual = parseIndicatorText(a.actualText, { role: 'actual', year });
    const paired = applyPairing(
      { planText: a.planText, planMeasures: plan.measures, actualText: a.actualText, figures: actual.measures, year },
      decisions.get(a.key),
    );
    for (const p of paired.problems) problems.push(`${a.key}: parowanie: ${p}`);
    const money = a.moneyTexts.map((t) => parseMoney(t));
    money.forEach((m, i) => { if (!m.ok) problems.push(`${a.key}: money "${a.moneyTexts[i]}": ${m.reason}`); });
    const report = {
      activityId: a.key,
      year,
      orgUnitCode: reporting.code,
      plan: { kind: plan.planKind, measures: paired.planMeasures, text: a.planText, ...(plan.sinceYear ? { sinceYear: plan.sinceYear } : {}) },
      status: actual.status,
      actual: { measures: paired.figures, text: a.actualText },
      moneySpent: money.flatMap((m) => (m.ok ? [m.value] : [])),
      moneyText: a.moneyTexts,
      comment: '',
      source: { lines: a.sourceLines, ...(a.verbatimNote ? { verbatimNotes: a.verbatimNote } : {}) },
    };
    const parsed = SeedReportSchema.safeParse(report);
    if (parsed.success) reports.push(parsed.data);
    else problems.push(`${a.key}: ${parsed.error.message}`);
  }

  const programResult = ProgramSchema.safeParse({
    ...info,
    areas: parts.flatMap((p) => p.areas),
    tasks: mergeTasks(parts),
    activities,
  });
  if (!programResult.success) problems.push(`program: ${programResult.error.message}`);
  const ids = new Set<string>();
  for (const a of activities) {
    if (ids.has(a.id)) problems.push(`duplicate activity id ${a.id}`);
    ids.add(a.id);
  }
  for (const id of decisions.keys()) if (!ids.has(id)) problems.push(`pairing: decision for unknown activity ${id}`);
  if (problems.length) throw new Error(`seed data for ${year} is inconsistent:\n${problems.join('\n')}`);
  return { program: programResult.data!, reports };
}

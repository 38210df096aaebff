/**
 * The annual annex („Załącznik Nr 3”) as data: title block, area / task / subsection headings,
 * „Działania powiązane z:” lists and one table per task or subsection, every cell already the text
 * it prints. Pure: the server loads the year and renders this model to DOCX.
 *
 * Where a cell's text comes from (see sentences.ts):
 * - activity and responsible units: the program (the units cell as the source wrote it, else the
 *   units' names);
 * - planned indicators: the plan's own text, else a sentence from its measures;
 * - scope of execution: the unit's own text (verbatim for an imported year), else a sentence from
 *   its figures and status;
 * - money (basic tasks): every amount the unit reported, Polish format, exact to the grosz.
 * Activities without a plan for the year are not part of that year (as in consolidateRows).
 */
import type { Activity, Area, Task } from '../program/schema.ts';
import { reportingUnitOf } from '../program/schema.ts';
import type { Plan, ReportEntry, ReportStatus } from '../report/schema.ts';
import type { ConsolidationReport } from '../report/consolidate.ts';
import { REPORT_STATUS_LABELS } from '../report/labels.ts';
import type { SummaryAccumulator } from '../report/summary.ts';
import { formatMoney } from '../numbers/money.ts';
import { VARIANCE_BAND_LABELS, type VarianceBand } from '../variance/policy.ts';
import { BAND_ORDER } from '../sheet/presentation.ts';
import { annexPlanText, annexScopeText } from './sentences.ts';
import { MSG } from '../messages/catalogue.ts';
import type { AnnexTitle } from './schema.ts';

export interface AnnexRow {
  activityId: string;
  activity: string;
  units: string;
  plan: string;
  scope: string;
  /** Basic tasks only: each amount formatted ("2 000 750,00 zł"); empty when none was reported. */
  money: string[];
  moneyGrosze: number[];
}

export interface AnnexTable {
  /** "I.1" or "I.2.3" (task and subsection). */
  key: string;
  /** The task and the subsection (null: the task's own table): name the table for screen readers. */
  taskCode: string;
  subsection: number | null;
  withMoney: boolean;
  rows: AnnexRow[];
}

export interface AnnexSubsection {
  number: number;
  heading: string;
  linkedTo: string[];
  table: AnnexTable;
}

export interface AnnexTask {
  code: string;
  heading: string;
  linkedTo: string[];
  /** Activities directly under the task (tasks without subsections); null when it has none. */
  table: AnnexTable | null;
  subsections: AnnexSubsection[];
}

export interface AnnexArea {
  code: string;
  heading: string;
  tasks: AnnexTask[];
}

export interface AnnexSummary {
  moneyByTask: { code: string; heading: string; grosze: number; money: string }[];
  totalGrosze: number;
  total: string;
  activitiesByStatus: { status: ReportStatus | 'none'; label: string; count: number }[];
  activities: number;
  measuresByBand: { band: VarianceBand; label: string; count: number }[];
  /** Positions with a band: measures, and activities reported without any measure (counted once). */
  measures: number;
}

export interface AnnexModel {
  year: number;
  /** „Załącznik Nr 3” */
  annexLine: string;
  /** „do Sprawozdania z działalności … za rok 2024” */
  parentReportLine: string;
  /** „Sprawozdanie z działań podejmowanych w 2024 roku przez jednostki/komórki … na lata 2022-2024” */
  reportTitle: string;
  /** While not every unit's report is accepted: says so under the title (a draft is not for publishing). */
  draftNote: string | null;
  /** Document properties. */
  docTitle: string;
  author: string;
  columns: { activity: string; units: string; plan: string; scope: string; money: string };
  areas: AnnexArea[];
  summary: AnnexSummary | null;
}

export interface AnnexInput {
  year: number;
  program: { title: string; areas: readonly Area[]; tasks: readonly Task[]; activities: readonly Activity[] };
  orgUnits: readonly { code: string; name: string }[];
  plans: ReadonlyMap<string, Plan>;
  reports: readonly ConsolidationReport[];
  title: AnnexTitle;
  /** The closing summary's figures (the consolidated rows accumulated), or null for none. */
  summary?: SummaryAccumulator | null;
  /** Reporting units and how many of their reports are accepted; absent: not known (no note). */
  acceptance?: { accepted: number; units: number };
}

const A = MSG.annex;

export const ANNEX_AUTHOR: string = A.author;

/** „Program Wspierania Rodziny …” → „Programu Wspierania Rodziny …” (genitive after „realizację”). */
export function programGenitive(title: string): string {
  return /^Program\s/.test(title) ? title.replace(/^Program/, 'Programu') : A.programOther(title);
}

export function reportTitleOf(year: number, programTitle: string): string {
  return A.reportTitle(year, programGenitive(programTitle));
}

/** „I Zapewnienie …” */
export function areaHeading(area: Area): string {
  return `${area.code} ${area.title}`;
}

/**
 * „I.1 Zadanie podstawowe powiązane ze „Strategią …” (PS/W2/2022): …”, „I.2 Zadanie komplementarne: …”.
 * Basic tasks' titles carry their link to the strategy already (as the program states it).
 */
export function taskHeading(task: Pick<Task, 'code' | 'kind' | 'title'>): string {
  if (/^Zadanie\s/.test(task.title)) return `${task.code} ${task.title}`;
  return `${task.code} ${task.kind === 'basic' ? A.taskKind.basic : A.taskKind.complementary}: ${task.title}`;
}

export function subsectionHeading(number: number, title: string): string {
  return `${number}) ${title}`;
}

/** Builds the annex of a year. */
export function buildAnnexModel(input: AnnexInput): AnnexModel {
  const { year } = input;
  const unitName = new Map(input.orgUnits.map((u) => [u.code, u.name]));
  const reportByUnit = new Map(input.reports.map((r) => [r.orgUnitCode, r]));
  const entryOf = (activity: Activity): ReportEntry | undefined =>
    reportByUnit.get(reportingUnitOf(activity))?.entries.find((e) => e.activityId === activity.id);

  const rowOf = (activity: Activity, plan: Plan, withMoney: boolean): AnnexRow => {
    const entry = entryOf(activity);
    const grosze = withMoney ? entry?.moneySpent ?? [] : [];
    return {
      activityId: activity.id,
      activity: activity.name,
      units: activity.unitsText?.trim() || activity.responsibleUnits.map((r) => unitName.get(r.orgUnitCode) ?? r.orgUnitCode).join(', '),
      plan: annexPlanText(plan, year),
      scope: annexScopeText(entry, plan, year),
      money: grosze.map(formatMoney),
      moneyGrosze: [...grosze],
    };
  };
  const tableOf = (task: Task, subsection: number | null, activities: readonly Activity[]): AnnexTable => {
    const withMoney = task.kind === 'basic';
    return {
      key: subsection === null ? task.code : `${task.code}.${subsection}`, taskCode: task.code, subsection, withMoney,
      rows: activities.flatMap((a) => {
        const plan = input.plans.get(a.id);
        return plan ? [rowOf(a, plan, withMoney)] : [];
      }),
    };
  };

  const areas = input.program.areas.map((area): AnnexArea => ({
    code: area.code,
    heading: areaHeading(area),
    tasks: input.program.tasks.filter((t) => t.area === area.code).map((task): AnnexTask => {
      const activities = input.program.activities.filter((a) => a.taskCode === task.code);
      const direct = activities.filter((a) => a.subsection === null);
      return {
        code: task.code,
        heading: taskHeading(task),
        linkedTo: [...task.linkedTo],
        table: direct.length > 0 || task.subsections.length === 0 ? tableOf(task, null, direct) : null,
        subsections: task.subsections.map((s) => ({
          number: s.number,
          heading: subsectionHeading(s.number, s.title),
          linkedTo: [...s.linkedTo],
          table: tableOf(task, s.number, activities.filter((a) => a.subsection === s.number)),
        })),
      };
    }),
  }));

  const annexLine = A.annexLine(input.title.annexNumber);
  const reportTitle = reportTitleOf(year, input.program.title);
  return {
    year,
    annexLine,
    parentReportLine: input.title.parentReportTitle,
    reportTitle,
    draftNote: input.acceptance && input.acceptance.accepted < input.acceptance.units
      ? A.draftNote(input.acceptance.accepted, input.acceptance.units)
      : null,
    docTitle: `${annexLine} — ${reportTitle}`,
    author: ANNEX_AUTHOR,
    columns: {
      activity: A.columns.activity,
      units: A.columns.units,
      plan: A.columns.plan(year),
      scope: A.columns.scope(year),
      money: A.columns.money(year),
    },
    areas,
    summary: input.summary ? summaryOf(input.summary, input.program.tasks) : null,
  };
}

const STATUS_ORDER: readonly (ReportStatus | 'none')[] = ['realized', 'ongoing', 'realized_elsewhere', 'ended', 'not_realized', 'cancelled', 'none'];

/** The closing summary from the shared accumulator (the workbook's „Podsumowanie” figures). */
function summaryOf(acc: SummaryAccumulator, tasks: readonly Task[]): AnnexSummary {
  const basic = tasks.filter((t) => t.kind === 'basic');
  const moneyByTask = basic.map((t) => {
    const grosze = acc.figures('taskCode', t.code).moneyGrosze;
    return { code: t.code, heading: taskHeading(t), grosze, money: formatMoney(grosze) };
  });
  const totalGrosze = moneyByTask.reduce((s, t) => s + t.grosze, 0);
  const measuresByBand = BAND_ORDER.map((b) => ({ band: b, label: VARIANCE_BAND_LABELS[b], count: acc.total.bands[b] }));
  return {
    moneyByTask,
    totalGrosze,
    total: formatMoney(totalGrosze),
    activitiesByStatus: STATUS_ORDER.filter((s) => acc.activitiesByStatus.has(s)).map((s) => ({
      status: s, label: s === 'none' ? A.summary.noStatus : REPORT_STATUS_LABELS[s], count: acc.activitiesByStatus.get(s)!,
    })),
    activities: acc.activities,
    measuresByBand,
    // the banded positions: each measure, and once each activity reported without any measure
    measures: measuresByBand.reduce((n, b) => n + b.count, 0),
  };
}

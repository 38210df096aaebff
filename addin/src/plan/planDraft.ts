/**
 * The planning form's model, without React: what the unit is typing (numbers as text, so "1 200"
 * stays as typed until it is read), turned into the plan the API takes, checked by the shared plan
 * rules before anything is sent.
 */
import {
  MSG, copyPlanMeasures, formatMeasure, formatPlNumber, isMeasureKind, parsePlNumber, validatePlan,
  type ActivityProposal, type Plan, type PlanBody, type PlanEntry, type PlanProblem, type PlanRuleContext,
} from '@pwr-sync/shared';

export interface MeasureDraft {
  id?: string;
  kind: string;
  qualifier: string;
  /** The target as typed ("1 200", "12,5"). */
  value: string;
  /** A new kind: its forms for 1, 2–4 and 5+ (the kind itself is the form for 1). */
  forms: { few: string; many: string } | null;
}

export interface EntryDraft {
  activityId: string;
  measures: MeasureDraft[];
  description: string;
}

export interface PlanDraft {
  entries: EntryDraft[];
  proposals: ActivityProposal[];
}

const text = (n: number) => String(n).replace('.', ',');

export function measureDraft(m: PlanEntry['measures'][number]): MeasureDraft {
  return {
    ...(m.id ? { id: m.id } : {}), kind: m.kind, qualifier: m.qualifier ?? '', value: text(m.value),
    forms: m.proposedForms ? { few: m.proposedForms.few, many: m.proposedForms.many } : null,
  };
}

/** The form's state from the stored plan: one entry per activity the unit plans, in that order. */
export function draftOf(activityIds: readonly string[], stored: { entries: PlanEntry[]; proposals: ActivityProposal[] }): PlanDraft {
  const byId = new Map(stored.entries.map((e) => [e.activityId, e]));
  return {
    entries: activityIds.map((activityId) => {
      const e = byId.get(activityId);
      return { activityId, measures: (e?.measures ?? []).map(measureDraft), description: e?.description ?? '' };
    }),
    proposals: stored.proposals,
  };
}

/** Last year's planned measures as this year's starting point (added after any already typed, without repeating a kind). */
export function copyPrevious(entry: EntryDraft, previous: Plan): EntryDraft {
  const have = new Set(entry.measures.map((m) => `${m.kind}|${m.qualifier.trim().toLocaleLowerCase('pl')}`));
  const copied = copyPlanMeasures(previous)
    .filter((m) => !have.has(`${m.kind}|${(m.qualifier ?? '').toLocaleLowerCase('pl')}`))
    .map(measureDraft);
  return { ...entry, measures: [...entry.measures, ...copied], description: entry.description || (previous.kind !== 'new_activity' ? previous.text ?? '' : '') };
}

/** A problem of the form itself (a target that is not a number), in the rules' shape. */
function unreadable(activityId: string, index: number, kind: string, reason: string): PlanProblem {
  return { activityId, field: 'value', measureIndex: index, ...(kind ? { measureKind: kind } : {}), code: 'target_unreadable', message: `${MSG.plan.rules.prefix(activityId, { index, kind })}${MSG.plan.pane.targetUnreadable(reason)}` };
}

/**
 * The plan body the API takes, and every problem the shared rules (mode 'save') and the reading of
 * typed numbers find. Entries left empty are not sent (nothing planned yet).
 */
export function bodyOf(draft: PlanDraft, ctx: PlanRuleContext): { body: PlanBody; problems: PlanProblem[] } {
  const problems: PlanProblem[] = [];
  const entries: PlanEntry[] = [];
  for (const e of draft.entries) {
    const measures: PlanEntry['measures'] = [];
    e.measures.forEach((m, index) => {
      const kind = m.kind.trim();
      const parsed = m.value.trim() === '' ? ({ ok: true, value: 0 } as const) : parsePlNumber(m.value);
      if (!parsed.ok) problems.push(unreadable(e.activityId, index, kind, parsed.reason));
      measures.push({
        ...(m.id ? { id: m.id } : {}), kind, value: parsed.ok ? parsed.value : 1,
        ...(m.qualifier.trim() ? { qualifier: m.qualifier.trim() } : {}),
        ...(m.forms && !isMeasureKind(kind) ? { proposedForms: { one: kind, few: m.forms.few.trim(), many: m.forms.many.trim() } } : {}),
      });
    });
    if (measures.length === 0 && !e.description.trim()) continue;
    entries.push({ activityId: e.activityId, measures, ...(e.description.trim() ? { description: e.description.trim() } : {}) });
  }
  const body: PlanBody = { entries, proposals: draft.proposals };
  return { body, problems: [...problems, ...validatePlan(body, ctx, 'save')] };
}

/** "20 spotkań" as the target will read, or null while the kind or the number is not there yet. */
export function measurePreview(m: MeasureDraft): string | null {
  const parsed = parsePlNumber(m.value);
  if (!parsed.ok || !m.kind.trim()) return null;
  if (isMeasureKind(m.kind)) return formatMeasure({ kind: m.kind, value: parsed.value, ...(m.qualifier.trim() ? { qualifier: m.qualifier.trim() } : {}) });
  if (!m.forms) return null;
  const category = new Intl.PluralRules('pl').select(parsed.value);
  const word = category === 'one' ? m.kind : category === 'few' ? m.forms.few : m.forms.many;
  return `${formatPlNumber(parsed.value)} ${word}${m.qualifier.trim() ? ` ${m.qualifier.trim()}` : ''}`;
}

/** A plan as one line: "20 spotkań, 200 uczestników" (or its text). */
export function planLine(plan: Plan): string {
  if (plan.measures.length === 0) return plan.text ?? '';
  return plan.measures.map((m) => formatMeasure(m)).join(', ');
}

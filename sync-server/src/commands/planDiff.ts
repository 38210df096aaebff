import { proposalRef, type PlanBody } from '@pwr-sync/shared';
import type { FieldChange } from '../storage/index.ts';

const measureText = (m: PlanBody['entries'][number]['measures'][number]) => `${m.value} ${m.kind}${m.qualifier ? ` (${m.qualifier})` : ''}`;

/**
 * Field-level changes between two versions of a unit's plan, as text: "measure:<id>" per planned
 * measure ("20 spotkanie (dla rodziców)"), "description", and "proposal" per proposal (its name,
 * task and subsection). Absent → null.
 */
export function diffPlans(before: PlanBody, after: PlanBody): FieldChange[] {
  const changes: FieldChange[] = [];
  const push = (activityId: string, field: string, o: string | null, n: string | null) => {
    if (o !== n) changes.push({ activityId, field, old: o, new: n });
  };
  const old = new Map(before.entries.map((e) => [e.activityId, e]));
  const next = new Map(after.entries.map((e) => [e.activityId, e]));
  for (const id of new Set([...next.keys(), ...old.keys()])) {
    const a = old.get(id);
    const b = next.get(id);
    push(id, 'description', a?.description || null, b?.description || null);
    const oldM = new Map((a?.measures ?? []).map((m) => [m.id ?? '', measureText(m)]));
    const newM = new Map((b?.measures ?? []).map((m) => [m.id ?? '', measureText(m)]));
    for (const mid of new Set([...newM.keys(), ...oldM.keys()])) push(id, `measure:${mid}`, oldM.get(mid) ?? null, newM.get(mid) ?? null);
  }
  const proposalText = (p: PlanBody['proposals'][number]) => `${p.name} [${p.taskCode}${p.subsection ? ` ${p.subsection})` : ''}${p.partnerUnits.length ? `; ${p.partnerUnits.join(', ')}` : ''}]`;
  const oldP = new Map(before.proposals.map((p) => [proposalRef(p), proposalText(p)]));
  const newP = new Map(after.proposals.map((p) => [proposalRef(p), proposalText(p)]));
  for (const ref of new Set([...newP.keys(), ...oldP.keys()])) push(ref, 'proposal', oldP.get(ref) ?? null, newP.get(ref) ?? null);
  return changes;
}

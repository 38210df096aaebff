import { describe, expect, it } from 'vitest';
import type { PlanRuleContext } from '@pwr-sync/shared';
import { bodyOf, copyPrevious, draftOf, measurePreview, planLine } from './planDraft.ts';

const ctx: PlanRuleContext = { activityIds: ['I.1-01', 'I.1-02'], tasks: [{ code: 'I.1', subsections: [] }], orgUnitCodes: new Set(['ZZM']), orgUnitCode: 'ZZM' };

describe('the planning form’s model', () => {
  it('reads typed Polish numbers into the plan, sends only planned activities', () => {
    const draft = draftOf(ctx.activityIds, { entries: [{ activityId: 'I.1-01', measures: [{ id: '1', kind: 'spotkanie', value: 20 }] }], proposals: [] });
    draft.entries[0]!.measures.push({ kind: 'uczestnik', qualifier: '', value: '1 200', forms: null });
    expect(bodyOf(draft, ctx)).toEqual({ body: { entries: [{ activityId: 'I.1-01', measures: [{ id: '1', kind: 'spotkanie', value: 20 }, { kind: 'uczestnik', value: 1200 }] }], proposals: [] }, problems: [] });
  });
  it('names an unreadable or broken target with the rule’s Polish message', () => {
    const draft = draftOf(ctx.activityIds, { entries: [], proposals: [] });
    draft.entries[1]!.measures.push({ kind: 'uczestnik', qualifier: '', value: '12,5', forms: null }, { kind: 'rodzina', qualifier: '', value: '1.234', forms: null });
    const { problems } = bodyOf(draft, ctx);
    expect(problems.map((p) => p.code)).toEqual(['target_unreadable', 'target_not_whole']);
    expect(problems[0]!.message).toMatch(/^Działanie I\.1-02, miara 2 \(„rodzina”\): pole „cel”: /);
  });
  it('copies last year’s measures without ids or repeats, keeping the description', () => {
    const entry = { activityId: 'I.1-01', measures: [{ kind: 'spotkanie', qualifier: '', value: '4', forms: null }], description: '' };
    const copied = copyPrevious(entry, { kind: 'target', measures: [{ id: '1', kind: 'spotkanie', value: 20 }, { id: '2', kind: 'uczestnik', value: 200 }], text: '20 spotkań, 200 uczestników' });
    expect(copied.measures).toEqual([{ kind: 'spotkanie', qualifier: '', value: '4', forms: null }, { kind: 'uczestnik', qualifier: '', value: '200', forms: null }]);
    expect(copied.description).toBe('20 spotkań, 200 uczestników');
  });
  it('shows the right plural form, also of a proposed kind', () => {
    expect(measurePreview({ kind: 'spotkanie', qualifier: '', value: '22', forms: null })).toBe('22 spotkania');
    expect(measurePreview({ kind: 'spotkanie', qualifier: '', value: '12', forms: null })).toBe('12 spotkań');
    expect(measurePreview({ kind: 'rajd', qualifier: '', value: '3', forms: { few: 'rajdy', many: 'rajdów' } })).toBe('3 rajdy');
    expect(measurePreview({ kind: 'rajd', qualifier: '', value: '', forms: null })).toBeNull();
    expect(planLine({ kind: 'target', measures: [{ id: '1', kind: 'spotkanie', value: 1 }, { id: '2', kind: 'uczestnik', value: 25 }] })).toBe('1 spotkanie, 25 uczestników');
  });
  it('a proposed kind is sent with its three forms', () => {
    const draft = draftOf(ctx.activityIds, { entries: [], proposals: [] });
    draft.entries[0]!.measures.push({ kind: 'rajd', qualifier: '', value: '2', forms: { few: 'rajdy', many: 'rajdów' } });
    expect(bodyOf(draft, ctx).body.entries[0]!.measures[0]).toEqual({ kind: 'rajd', value: 2, proposedForms: { one: 'rajd', few: 'rajdy', many: 'rajdów' } });
  });
});

import { useCallback, useEffect, useRef, useState } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MSG, type History, type ReviewComment, type WorkflowState } from '@pwr-sync/shared';
import type { ApiClient, ApiOutcome } from '../../../api/client.ts';
import { formatDate } from '../../format.ts';
import { changesOf } from '../../../browser/unitYears.ts';
import { CommentThread } from './CommentThread.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  text: { overflowWrap: 'anywhere' },
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface UnitFeedbackProps {
  api: ApiClient;
  year: number;
  unit: string;
  state: WorkflowState;
  /** The report's version: reloads when it moves (a save, a resubmission). */
  version: number;
  canReply: boolean;
  onFailure: (o: Exclude<ApiOutcome<unknown>, { kind: 'ok' }>) => void;
  /** Hears every load of the comments (and each answer): the pane writes them into the unit's sheet. */
  onComments?: (comments: ReviewComment[], state: WorkflowState) => void;
}

/**
 * What a unit hears from MOPS about its report, in the pane and the browser: the reviewer's comments
 * at their activities (with the thread and an answer), and every version MOPS saved on its behalf,
 * with the reason and what changed.
 */
export function UnitFeedback({ api, year, unit, state, version, canReply, onFailure, onComments }: UnitFeedbackProps) {
  const styles = useStyles();
  const t = MSG.reviewView;
  const [comments, setComments] = useState<ReviewComment[]>([]);
  const [history, setHistory] = useState<History | null>(null);
  /** Activity names by id: each comment is shown at its activity by name (the id is secondary). */
  const [activityNames, setActivityNames] = useState<ReadonlyMap<string, string>>(new Map());
  // A ref: a new callback from the parent must not reload the comments.
  const heard = useRef(onComments);
  heard.current = onComments;
  const stateRef = useRef(state);
  stateRef.current = state;

  /** Loads in flight: an answer that arrives after a newer load started is dropped (a save, then a resubmission). */
  const latest = useRef(0);

  const load = useCallback(async () => {
    const mine = ++latest.current;
    const [c, h, a] = await Promise.all([api.reviewComments(year, unit), api.history(year, unit), api.assignments(year, unit)]);
    if (mine !== latest.current) return;
    if (c.kind === 'ok') {
      setComments(c.value);
      heard.current?.(c.value, stateRef.current);
    } else onFailure(c);
    if (h.kind === 'ok') setHistory(h.value);
    if (a.kind === 'ok') setActivityNames(new Map(a.value.assignments.map((x) => [x.activity.id, x.activity.name])));
  }, [api, year, unit, onFailure]);
  useEffect(() => { void load(); }, [load, version, state]);

  const reply = useCallback(async (id: number, text: string) => {
    const r = await api.replyToComment(year, unit, id, text);
    if (r.kind !== 'ok') {
      onFailure(r);
      return false;
    }
    setComments(r.value);
    heard.current?.(r.value, stateRef.current);
    return true;
  }, [api, year, unit, onFailure]);

  const open = comments.filter((c) => c.status === 'open');
  const byMops = history?.versions.filter((v) => v.onBehalfReason) ?? [];
  if (open.length === 0 && byMops.length === 0) return null;
  const activities = [...new Set(open.map((c) => c.activityId))];

  return (
    <section className={styles.root} aria-labelledby="feedback-title" data-testid="unit-feedback">
      {open.length > 0 && (
        <>
          <Text as="h2" size={400} weight="semibold" id="feedback-title">{t.unitCommentsTitle}</Text>
          <Text size={200}>{t.unitCommentsIntro(open.length)}</Text>
          <Text size={200}>{t.unitCommentsRule}</Text>
          <ul className={styles.list}>
            {activities.map((id) => (
              <li key={id} className={styles.item} data-activity={id}>
                <Text weight="semibold" className={styles.text}>{activityNames.get(id) ?? id} <Text size={200}>({id})</Text></Text>
                {open.filter((c) => c.activityId === id).map((c) => (
                  <CommentThread key={c.id} comment={c} reportState={state} onReply={canReply ? (text) => reply(c.id, text) : undefined} />
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
      {byMops.length > 0 && history && (
        <MessageBar intent="info" layout="multiline" data-testid="mops-changes">
          <MessageBarBody>
            <MessageBarTitle>{t.mopsChangedTitle}</MessageBarTitle>
            {byMops.map((v) => (
              <div key={v.version}>
                <Text block className={styles.text}>{t.mopsChangedLine(v.version, v.savedBy, formatDate(v.savedAt), v.onBehalfReason ?? '')}</Text>
                <ul className={styles.changes}>{changesOf(history, v.version, activityNames).map((c, i) => <li key={i}><Text size={200} className={styles.text}>{c}</Text></li>)}</ul>
              </div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

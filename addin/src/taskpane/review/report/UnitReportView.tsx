import { useState } from 'react';
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, MessageBar, MessageBarBody, Spinner, Text, Textarea,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { MSG, REVIEW_COMMENT_MAX, WORKFLOW_STATE_LABELS, type ReviewView } from '@pwr-sync/shared';
import type { HostResult } from '../../../excel/runExcel.ts';
import type { ApiClient, ApiOutcome } from '../../../api/client.ts';
import { formatDate } from '../../format.ts';
import { ActivityReviewCard } from './ActivityReviewCard.tsx';
import { useUnitReview } from './useUnitReview.ts';
import { OnBehalfPanel } from './OnBehalfPanel.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  // Accept and return side by side at 320 px (they wrap on a narrower pane).
  buttons: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', alignItems: 'center' },
  decide: { position: 'sticky', bottom: 0, backgroundColor: tokens.colorNeutralBackground1, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalS} 0`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  text: { overflowWrap: 'anywhere' },
  code: { color: tokens.colorNeutralForeground3 },
  sheet: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
});

export interface UnitReportViewProps {
  api: ApiClient;
  year: number;
  unit: string;
  canReview: boolean;
  yearOpen: boolean;
  onClose: () => void;
  onFailure: (o: Exclude<ApiOutcome<unknown>, { kind: 'ok' }>) => void;
  onDecided: () => void;
  /** In the pane (Excel present): writes the report as a read-only sheet of the workbook. */
  onOpenAsSheet?: ((view: ReviewView) => Promise<HostResult<{ sheet: string }>>) | undefined;
}

/**
 * A unit's report, read-only, as the reviewer decides from it (pane and browser): every activity with
 * plan, figures, bands and the unit's texts, what changed since the reviewer's last look, comments;
 * accept after a confirmation, return with comments on activities, reopen with a reason.
 */
export function UnitReportView({ api, year, unit, canReview, yearOpen, onClose, onFailure, onDecided, onOpenAsSheet }: UnitReportViewProps) {
  const styles = useStyles();
  const t = MSG.reviewView;
  const m = useUnitReview({ api, year, unit, onFailure, onDecided });
  const [confirming, setConfirming] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const [sheet, setSheet] = useState<{ busy: boolean; notice: { intent: 'success' | 'error'; text: string } | null }>({ busy: false, notice: null });
  async function openAsSheet() {
    if (!onOpenAsSheet || !m.view) return;
    setSheet({ busy: true, notice: null });
    const r = await onOpenAsSheet(m.view);
    setSheet({ busy: false, notice: r.ok ? { intent: 'success', text: t.openedAsSheet(r.value.sheet) } : { intent: 'error', text: r.message } });
  }
  const view = m.view;
  const name = view?.orgUnitName ?? unit;
  const state = view?.report.state;
  const mayDecide = canReview && yearOpen && !m.busy;
  const lastReturn = view?.events.filter((e) => e.action === 'returned').at(-1);
  const openComments = view?.comments.filter((c) => c.status === 'open').length ?? 0;
  /** Comments written for a return and not sent: accepting would drop them, so the confirmation says so. */
  const unsent = m.drafts.length + (m.overall.trim() ? 1 : 0);

  return (
    <section className={styles.root} aria-labelledby="report-title" data-testid="unit-report">
      <div><Button size="small" appearance="subtle" onClick={onClose}>{t.back}</Button></div>
      <Text as="h2" size={400} weight="semibold" id="report-title" className={styles.text}>{t.title(name)}{!name.includes(unit) && <> <Text size={200} className={styles.code}>({unit})</Text></>}</Text>
      <div aria-live="polite">{m.notice && <MessageBar intent={m.notice.intent} layout="multiline"><MessageBarBody>{m.notice.text}</MessageBarBody></MessageBar>}</div>
      {!view ? <Spinner size="tiny" label={t.loading} /> : (
        <>
          <Text size={200}>{t.versionLine(WORKFLOW_STATE_LABELS[view.report.state], view.report.version, view.report.savedBy, view.report.savedAt ? formatDate(view.report.savedAt) : null)}</Text>
          <Text size={200} data-testid="changed-since">{view.seenVersion === null ? t.firstLook : t.changedSince(view.activities.filter((a) => a.changed).length, view.seenVersion)}</Text>
          {onOpenAsSheet && (
            <div className={styles.sheet}>
              <div><Button size="small" disabled={sheet.busy} onClick={() => void openAsSheet()}>{sheet.busy ? <Spinner size="extra-tiny" label={t.openAsSheet} /> : t.openAsSheet}</Button></div>
              <Text size={200} className={styles.text}>{t.openAsSheetHint}</Text>
              <div aria-live="polite">{sheet.notice && <MessageBar intent={sheet.notice.intent} layout="multiline"><MessageBarBody>{sheet.notice.text}</MessageBarBody></MessageBar>}</div>
            </div>
          )}
          {lastReturn?.comment && <Text size={200} className={styles.text}>{t.overallNote(lastReturn.comment)}</Text>}
          {view.onBehalf.length > 0 && (
            <div>
              <Text size={200} weight="semibold" block>{t.onBehalfTitle}</Text>
              {view.onBehalf.map((v) => <Text key={v.version} size={200} block className={styles.text}>{t.onBehalfLine(v.version, v.savedBy, formatDate(v.savedAt), v.reason)}</Text>)}
            </div>
          )}
          {view.comments.length > 0 && canReview && <Text size={200} className={styles.text}>{t.reviewerCommentsRule}</Text>}
          <ul className={styles.list} aria-label={t.title(name)}>
            {view.activities.map((a) => (
              <ActivityReviewCard key={a.activityId} activity={a} reportState={view.report.state}
                comments={view.comments.filter((c) => c.activityId === a.activityId)}
                drafts={m.drafts.filter((d) => d.activityId === a.activityId)}
                canComment={mayDecide && state === 'submitted'} onAddDraft={m.addDraft} onRemoveDraft={m.removeDraft}
                onResolve={canReview && yearOpen && state !== 'accepted' ? m.resolveComment : undefined}
                onReply={canReview && yearOpen ? m.replyToComment : undefined} />
            ))}
          </ul>
          {!canReview && <Text size={200}>{t.readOnlyNote}</Text>}
          {canReview && yearOpen && state === 'submitted' && (
            <>
              <Field label={t.overallLabel}><Textarea value={m.overall} onChange={(_, d) => m.setOverall(d.value)} maxLength={REVIEW_COMMENT_MAX} resize="vertical" /></Field>
              {/* Only the decision stays in view while reading (a narrow pane has little height to spare). */}
              {m.drafts.length === 0 && <Text size={200} className={styles.text}>{t.returnHint}</Text>}
              <div className={styles.decide} data-testid="decide-bar">
                {m.drafts.length > 0 && <Text size={200}>{t.draftCount(m.drafts.length)}</Text>}
                <div className={styles.buttons}>
                  <Button appearance="primary" disabled={!mayDecide} onClick={() => setConfirming(true)}>{t.accept}</Button>
                  <Button disabled={!mayDecide || (m.drafts.length === 0 && !m.overall.trim())} onClick={() => void m.returnReport()}>{t.returnAction}</Button>
                </div>
              </div>
            </>
          )}
          {canReview && yearOpen && state === 'accepted' && (
            <div className={styles.decide}>
              {!reopening ? <div><Button disabled={!mayDecide} onClick={() => setReopening(true)}>{t.reopen}</Button></div> : (
                <>
                  <Field label={t.reopenLabel} required><Textarea value={reason} onChange={(_, d) => setReason(d.value)} maxLength={REVIEW_COMMENT_MAX} resize="vertical" /></Field>
                  <div className={styles.row}>
                    <Button appearance="primary" disabled={!mayDecide || !reason.trim()} onClick={() => void m.reopen(reason.trim()).then((ok) => { if (ok) { setReopening(false); setReason(''); } })}>{t.reopenConfirm}</Button>
                    <Button appearance="subtle" onClick={() => setReopening(false)}>{t.cancel}</Button>
                  </div>
                </>
              )}
            </div>
          )}
          {canReview && yearOpen && state !== 'accepted' && (
            <OnBehalfPanel api={api} year={year} unit={unit} onDone={m.changedOnBehalf} onFailure={m.failed} />
          )}
          <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
            <DialogSurface>
              <DialogBody>
                <DialogTitle>{t.acceptTitle}</DialogTitle>
                <DialogContent>
                  <Text block>{t.acceptText(name, view.report.version)}</Text>
                  {openComments > 0 && <Text block weight="semibold" data-testid="accept-open-comments">{t.acceptOpenComments(openComments)}</Text>}
                  {unsent > 0 && <Text block weight="semibold" data-testid="accept-unsent">{t.acceptDiscards(unsent)}</Text>}
                </DialogContent>
                <DialogActions>
                  <Button appearance="primary" disabled={m.busy} onClick={() => { setConfirming(false); void m.accept(); }}>{t.acceptConfirm}</Button>
                  <Button appearance="secondary" onClick={() => setConfirming(false)}>{t.cancel}</Button>
                </DialogActions>
              </DialogBody>
            </DialogSurface>
          </Dialog>
        </>
      )}
    </section>
  );
}

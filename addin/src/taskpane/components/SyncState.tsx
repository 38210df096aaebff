import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { MSG } from '@pwr-sync/shared';
import { formatDate } from '../format.ts';

export interface SyncStateProps {
  /** Activities whose sheet or form content the server does not have. */
  unsynced: number;
  /** The form holds edits not yet written to the sheet. */
  formDirty: boolean;
  /** The server's latest version (0: nothing saved yet) and when it was saved. */
  version: number;
  savedAt: string | null;
  /** The last sync attempt ended in a conflict, an error or a refusal: nothing may look saved. */
  unresolved: boolean;
  /** A save is on its way: until the server answers, nothing is said to be saved. */
  sending: boolean;
}

/**
 * What has reached the server, said honestly, in both views. Green "saved on the server" only while
 * the sheet and the form hold nothing the server's version lacks; otherwise the number of changed
 * activities and the time of the last sync. A polite status region: short, never a list.
 */
export function SyncState({ unsynced, formDirty, version, savedAt, unresolved, sending }: SyncStateProps) {
  const changes = unsynced;
  const when = savedAt ? formatDate(savedAt) : null;
  return (
    <div role="status" aria-label={MSG.pane.syncStateLabel}>
      {changes > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{MSG.pane.unsyncedTitle(changes)}</MessageBarTitle>
            {formDirty ? MSG.pane.formUnsaved : MSG.pane.unsyncedDetail(version > 0 ? when : null)}
          </MessageBarBody>
        </MessageBar>
      ) : sending ? (
        <MessageBar intent="info"><MessageBarBody>{MSG.pane.sendingTitle}</MessageBarBody></MessageBar>
      ) : version > 0 && !unresolved ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody><MessageBarTitle>{MSG.pane.savedTitle}</MessageBarTitle> {MSG.pane.savedDetail(version, when ?? '—')}</MessageBarBody>
        </MessageBar>
      ) : version === 0 ? (
        <MessageBar intent="info"><MessageBarBody>{MSG.pane.nothingSent}</MessageBarBody></MessageBar>
      ) : null}
    </div>
  );
}

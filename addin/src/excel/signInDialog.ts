/**
 * The Office dialog of the provider sign-in (Office.context.ui.displayDialogAsync): it opens on the
 * server's origin, goes through the city's identity provider and ends on /addin/signin-dialog.html,
 * which hands the pane's session back with messageParent. Only a message from our own origin counts.
 */
import { DialogMessageSchema, MSG, type DialogMessage } from '@pwr-sync/shared';

function parse(message: string): DialogMessage | null {
  try {
    const r = DialogMessageSchema.safeParse(JSON.parse(message));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export function openSignInDialog(path: string): Promise<DialogMessage> {
  const url = new URL(path, window.location.href);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (m: DialogMessage) => { if (!settled) { settled = true; resolve(m); } };
    // height/width in % of the screen: the provider's login page needs room; no prompt on the web
    Office.context.ui.displayDialogAsync(url.href, { height: 70, width: 35, promptBeforeOpen: false }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) return settle({ ok: false, message: MSG.signIn.dialogBlocked });
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        if (!('message' in arg)) return;
        if (arg.origin && arg.origin !== url.origin) return;
        dialog.close();
        settle(parse(arg.message) ?? { ok: false, message: MSG.signIn.handoffMissing });
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => settle({ ok: false, message: MSG.signIn.dialogClosed }));
    });
  });
}

/**
 * The last page of the pane's provider sign-in, inside the Office dialog on the server's origin: it
 * collects the pane's session the server left for it (a one-minute httpOnly cookie) and hands it to
 * the task pane with messageParent. The pane keeps it in memory only.
 */
import { MSG, OIDC_PATHS, type DialogMessage } from '@pwr-sync/shared';

const status = document.getElementById('status')!;

async function collect(): Promise<DialogMessage> {
  try {
    const res = await fetch(OIDC_PATHS.handoff, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    const body = (await res.json().catch(() => ({}))) as { bearer?: string; bearerExpiresAt?: string; error?: string };
    if (res.ok && body.bearer && body.bearerExpiresAt) return { ok: true, bearer: body.bearer, bearerExpiresAt: body.bearerExpiresAt };
    return { ok: false, message: body.error ?? MSG.signIn.handoffMissing };
  } catch {
    return { ok: false, message: MSG.signIn.handoffMissing };
  }
}

void Office.onReady(async () => {
  const message = await collect();
  status.textContent = message.ok ? MSG.signIn.signedIn : message.message;
  Office.context.ui.messageParent(JSON.stringify(message));
});

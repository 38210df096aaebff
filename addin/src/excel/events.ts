/**
 * The add-in's own writes, with Excel events off so they do not fire its onChanged handler.
 *
 * Why the finally: an Office.js batch is not a transaction. Excel runs the queued commands up to the
 * one that fails, so `enableEvents = false` is applied and the `= true` queued after the failure is
 * not. The flag belongs to the add-in's runtime, not to one Excel.run: left off, the pane would stop
 * hearing every later edit and paste, and stop re-validating them.
 */
export async function withEventsOff<T>(context: Excel.RequestContext, write: () => T | Promise<T>): Promise<T> {
  context.runtime.enableEvents = false;
  let restored = false;
  try {
    const value = await write();
    // On the way out, in the same sync as the writes (no extra round trip when all goes well).
    context.runtime.enableEvents = true;
    await context.sync();
    restored = true;
    return value;
  } finally {
    if (!restored) {
      context.runtime.enableEvents = true;
      // The original error is what the pane reports; a failure of this sync would only hide it.
      await context.sync().catch((e: unknown) => console.error('[excel] could not turn events back on', { code: (e as { code?: string })?.code }));
    }
  }
}

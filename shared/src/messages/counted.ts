/**
 * Marks a catalogue message whose first argument is a count, so the plural table test can find
 * every such message and render it for 0, 1, 2, 4, 5, 12, 22, 25 and 112.
 */
const TAKES_COUNT = Symbol.for('pwr-sync.message.takesCount');

/** A message rendered from a count (and maybe more arguments). */
export type CountedMessage<A extends unknown[]> = ((n: number, ...rest: A) => string) & { readonly [TAKES_COUNT]: true };

/** Declares a message that takes a count as its first argument. */
export function withCount<A extends unknown[]>(render: (n: number, ...rest: A) => string): CountedMessage<A> {
  return Object.assign(render, { [TAKES_COUNT]: true as const });
}

/** True for messages declared with withCount. */
export function takesCount(value: unknown): value is CountedMessage<unknown[]> {
  return typeof value === 'function' && (value as unknown as Record<symbol, unknown>)[TAKES_COUNT] === true;
}

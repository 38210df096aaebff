/**
 * What the office-addin-mock workbooks have in common: every mock object is tracked so one
 * context.sync reaches all of them (and is counted), every range handed out is kept for
 * assertions, and host calls the mock cannot model are logged.
 */
import { OfficeMockObject } from 'office-addin-mock';

export type MockRanges = { address: string; mock: Record<string, any> }[];

/** The assertion side of a mock workbook. */
export interface RecordedExcel {
  ctx: Excel.RequestContext;
  syncs: () => number;
  log: unknown[][];
  ranges: MockRanges;
  /** The last range handed out for this address. */
  range: (address: string) => Record<string, any>;
}

/**
 * `failOn`: the name of a host call that throws, as Excel fails a command midway through a batch
 * (the calls before it stay applied, as in Excel).
 */
export function createRecorder(failOn?: string) {
  const mocks: OfficeMockObject[] = [];
  const ranges: MockRanges = [];
  const log: unknown[][] = [];
  let syncCount = 0;
  return {
    ranges,
    log,
    /** Registers a mock object so context.sync reaches it. */
    track<T extends OfficeMockObject>(m: T): T {
      mocks.push(m);
      return m;
    },
    /** A host method that only records its call (or fails, when it is `failOn`). */
    fn: (name: string) => (...args: unknown[]) => {
      if (name === failOn) throw Object.assign(new Error(`${name} failed`), { code: 'GeneralException' });
      log.push([name, ...args]);
    },
    /** `range.conditionalFormats`: logs clearAll and add, hands out a custom format to fill in. */
    conditionalFormats(address: string, track: (m: OfficeMockObject) => OfficeMockObject) {
      return {
        clearAll: (...args: unknown[]) => void log.push([`conditionalFormats.clearAll ${address}`, ...args]),
        add: (type: string) => {
          const cf = track(new OfficeMockObject({ custom: { rule: { formula: '' }, format: { fill: { color: '' }, font: { color: '' } } } }));
          // The format itself is logged too, so a test can read the rule and colours the add-in set on it.
          log.push(['conditionalFormats.add', address, type, cf]);
          return cf;
        },
      };
    },
    /** Makes `ctx.sync` sync every tracked mock and count itself; returns the assertion side. */
    finish(ctx: any): RecordedExcel {
      ctx.sync = async () => {
        syncCount++;
        for (const m of [...mocks]) await m.sync();
        // office-addin-mock finishes its nested property updates in later microtasks.
        await new Promise((r) => setTimeout(r, 0));
      };
      return {
        ctx: ctx as Excel.RequestContext,
        syncs: () => syncCount,
        log,
        ranges,
        range: (address) => {
          const found = ranges.filter((r) => r.address === address);
          if (!found.length) throw new Error(`no range ${address} was used; used: ${[...new Set(ranges.map((r) => r.address))].join(', ')}`);
          return found[found.length - 1]!.mock;
        },
      };
    },
  };
}

import { describe, expect, it } from 'vitest';
import { BAND_COLOURS, BAND_ORDER, SHEET_COLOURS } from '@pwr-sync/shared';
import { addBandFormats, styleHeader } from './look.ts';

/** A range that records what the add-in sets on it (only what look.ts touches). */
function recordingRange() {
  const added: { type: string; custom: { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } } }[] = [];
  const range = {
    format: { font: { bold: false, color: '' }, fill: { color: '' }, wrapText: false },
    conditionalFormats: {
      add(type: string) {
        const cf = { type, custom: { rule: { formula: '' }, format: { fill: { color: '' }, font: { color: '' } } } };
        added.push(cf);
        return cf;
      },
    },
  };
  return { range: range as unknown as Excel.Range, format: range.format, added };
}

describe('the add-in tables\' shared look', () => {
  it('colours every band with the shared palette, in the shared order (unit sheet and review table alike)', () => {
    const { range, added } = recordingRange();
    addBandFormats(range, (band) => `=band:${band}`);
    expect(added.map((cf) => cf.custom.rule.formula)).toEqual(BAND_ORDER.map((b) => `=band:${b}`));
    expect(added.map((cf) => cf.custom.format.fill.color)).toEqual(BAND_ORDER.map((b) => BAND_COLOURS[b].fill));
    expect(added.map((cf) => cf.custom.format.font.color)).toEqual(BAND_ORDER.map((b) => BAND_COLOURS[b].font));
  });

  it('gives header rows the shared header colours', () => {
    const { range, format } = recordingRange();
    styleHeader(range);
    expect(format).toMatchObject({ font: { bold: true, color: SHEET_COLOURS.header.font }, fill: { color: SHEET_COLOURS.header.fill }, wrapText: true });
  });
});

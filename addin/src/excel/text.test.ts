import { describe, expect, it } from 'vitest';
import { excelText } from './text.ts';

describe('excelText: user text never becomes a formula', () => {
  it.each([
    ['=SUMA(A1:A9)', "'=SUMA(A1:A9)"],
    ['+48 123 456 789', "'+48 123 456 789"],
    ['-5 osób mniej niż w planie', "'-5 osób mniej niż w planie"],
    ['@admin', "'@admin"],
  ])('%s is written with the text prefix', (input, written) => {
    expect(excelText(input)).toBe(written);
  });

  it.each<[string | number | boolean | null, string | number | boolean]>([
    ['zwykły komentarz', 'zwykły komentarz'],
    [-5, -5],
    [12.5, 12.5],
    [true, true],
    [null, ''],
  ])('%s is written as it is', (input, written) => {
    expect(excelText(input)).toBe(written);
  });
});

import { describe, expect, it } from 'vitest';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { isDarkOfficeTheme, paneTheme } from './theme.ts';

describe('paneTheme', () => {
  it.each([
    ['#FFFFFF', false], // Office's white and colorful themes
    ['#E6E6E6', false], // light grey
    ['#262626', true], // dark grey
    ['#000000', true], // black
    ['', false],
  ])('Office body %s → dark %s', (bodyBackgroundColor, dark) => {
    expect(isDarkOfficeTheme({ bodyBackgroundColor })).toBe(dark);
  });
  it('maps to Fluent themes, light without Office', () => {
    expect(paneTheme({ bodyBackgroundColor: '#1F1F1F' })).toBe(webDarkTheme);
    expect(paneTheme(undefined)).toBe(webLightTheme);
  });
});

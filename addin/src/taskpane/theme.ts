/**
 * The pane follows Office's theme: a dark Office (dark grey, black) gets Fluent's dark theme, any
 * other the light one. Office.context.officeTheme is read once at start (Office raises no theme
 * change event to Excel add-ins); without it (older Office) the pane stays light.
 */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** Relative luminance of "#RRGGBB" (WCAG 2.1), or null when the colour cannot be read. */
export function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex ?? '');
  if (!m) return null;
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(m[1]!.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Dark when Office's body background is dark. */
export function isDarkOfficeTheme(theme: Pick<Office.OfficeTheme, 'bodyBackgroundColor'> | undefined): boolean {
  const l = luminance(theme?.bodyBackgroundColor);
  return l !== null && l < 0.2;
}

export function paneTheme(theme: Pick<Office.OfficeTheme, 'bodyBackgroundColor'> | undefined = globalThis.Office?.context?.officeTheme): Theme {
  return isDarkOfficeTheme(theme) ? webDarkTheme : webLightTheme;
}

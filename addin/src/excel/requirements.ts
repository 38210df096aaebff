/** Run-time check of the Excel features the add-in uses (ExcelApi 1.9 covers them all). */
import { MSG } from '@pwr-sync/shared';

export const REQUIRED_EXCEL_API = '1.9';

export type SupportCheck = { ok: true } | { ok: false; message: string };

/**
 * Where units on an older Excel report instead: the browser mode (the same app at the server's
 * address, beside this page), with the template download and upload. The pane shows it as a link.
 */
export function browserModeUrl(here: string = globalThis.location?.href ?? ''): string {
  try {
    return new URL('browser.html', here).href;
  } catch {
    return '/';
  }
}

export function checkExcelSupport(requirements: Pick<Office.RequirementSetSupport, 'isSetSupported'> | undefined = globalThis.Office?.context?.requirements): SupportCheck {
  if (requirements?.isSetSupported('ExcelApi', REQUIRED_EXCEL_API)) return { ok: true };
  return {
    ok: false,
    message: `${MSG.browser.tooOldExcel} ${MSG.browser.useBrowserText}`,
  };
}

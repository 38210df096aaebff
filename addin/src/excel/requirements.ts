/** Run-time check of the Excel features the add-in uses (ExcelApi 1.9 covers them all). */

export const REQUIRED_EXCEL_API = '1.9';

export type SupportCheck = { ok: true } | { ok: false; message: string };

/** Where units on an older Excel report instead: the template download and upload on the server. */
export const TEMPLATE_UPLOAD_HINT =
  'Pobierz szablon sprawozdania ze strony serwera MOPS (Sprawozdanie → Pobierz szablon), wypełnij go w Excelu i prześlij przez „Prześlij sprawozdanie”.';

export function checkExcelSupport(requirements: Pick<Office.RequirementSetSupport, 'isSetSupported'> | undefined = globalThis.Office?.context?.requirements): SupportCheck {
  if (requirements?.isSetSupported('ExcelApi', REQUIRED_EXCEL_API)) return { ok: true };
  return {
    ok: false,
    message: `Ta wersja Excela jest zbyt stara dla panelu sprawozdania (potrzebny Excel 2021, Excel 2024, Microsoft 365 lub Excel w przeglądarce). ${TEMPLATE_UPLOAD_HINT}`,
  };
}

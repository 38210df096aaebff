/**
 * Opens an uploaded .xlsx with exceljs, as every upload reader does: part paths normalised when the zip
 * reads cleanly (some writers use backslashes or absolute paths), null when exceljs cannot read it.
 */
import ExcelJS from 'exceljs';
import { checkZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zipGuard.ts';
import { normalisePartPaths } from './partPaths.ts';

export async function loadUploadedWorkbook(file: Buffer, zipLimits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ExcelJS.Workbook | null> {
  const zip = checkZip(file, zipLimits);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load((zip.ok ? normalisePartPaths(file, zip.entries) : file) as unknown as ArrayBuffer);
    return wb;
  } catch {
    return null;
  }
}

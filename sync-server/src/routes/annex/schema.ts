import { z } from 'zod';

/** Query of GET /api/years/:year/report.docx. */
export const ReportDocxQuerySchema = z.object({
  /** true: add the closing summary (money per basic task, activities by status, measures by band). */
  summary: z.enum(['true', 'false']).optional(),
}).strict();

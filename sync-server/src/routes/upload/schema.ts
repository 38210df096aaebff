import { z } from 'zod';
import { MSG, ON_BEHALF_REASON_MAX, PlNumberParamSchema } from '@pwr-sync/shared';

/** Largest accepted upload (the multipart file part). A filled template is tens of kilobytes. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Text fields of the multipart form besides the file. */
export const UploadFieldsSchema = z.object({
  /**
   * The report version the file was filled from. Optional: the template carries the version it
   * was generated at, which is what optimistic concurrency should compare against.
   */
  baseVersion: PlNumberParamSchema.pipe(z.number().int().nonnegative()).optional(),
  /** MOPS uploading a unit's filled template on its behalf: why (required then; shown to the unit). */
  onBehalfReason: z.string().trim().max(ON_BEHALF_REASON_MAX, MSG.reviewView.onBehalfReasonTooLong(ON_BEHALF_REASON_MAX)).optional(),
});
export type UploadFields = z.infer<typeof UploadFieldsSchema>;

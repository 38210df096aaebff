import { z } from 'zod';

/**
 * A hand-checked extraction of one line range of a yearly report (seeds/<year>/extract/part-N.json):
 * every cell as the document wrote it, joined across line breaks. See seeds/README.md.
 */
export const ExtractActivitySchema = z.object({
  key: z.string(),
  task: z.string(),
  subsection: z.number().int().nullable(),
  name: z.string().min(1),
  unitsText: z.string().min(1),
  units: z.array(z.string()).min(1),
  planText: z.string(),
  actualText: z.string(),
  moneyTexts: z.array(z.string()),
  sourceLines: z.tuple([z.number().int(), z.number().int()]),
  /** Field → why its text is not contiguous in the source (interleaved columns, page breaks). */
  verbatimNote: z.record(z.string(), z.string()).optional(),
});
export type ExtractActivity = z.infer<typeof ExtractActivitySchema>;

export const ExtractPartSchema = z.object({
  source: z.string(),
  lines: z.tuple([z.number().int(), z.number().int()]),
  areas: z.array(z.object({ code: z.string(), title: z.string() })),
  tasks: z.array(z.object({
    code: z.string(),
    area: z.string(),
    kind: z.enum(['basic', 'complementary']),
    title: z.string().nullable(),
    linkedTo: z.array(z.string()),
    subsections: z.array(z.object({ number: z.number().int(), title: z.string(), linkedTo: z.array(z.string()) })),
  })),
  activities: z.array(ExtractActivitySchema),
});
export type ExtractPart = z.infer<typeof ExtractPartSchema>;

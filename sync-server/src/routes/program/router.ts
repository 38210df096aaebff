import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { API_PATHS, MSG, PROGRAM_PATHS, ProgramCodeSchema } from '@pwr-sync/shared';
import type { Db } from '../../storage/index.ts';
import { getOrgUnits, getProgramHead, getProgramStructure, listProgramChanges, listPrograms } from '../../storage/index.ts';
import { currentUser } from '../../auth/middleware.ts';
import { assertAdmin, assertCanReview } from '../../auth/access.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import { parsed, validate } from '../../http/validate.ts';
import { applyProgramUpload, getProgramUploadPreview, previewProgramUpload, programWorkbook } from '../../commands/programFile.ts';
import type { UploadPool, UploadTicket } from '../../workbook/uploadPool.ts';
import type { Logger } from '../../log.ts';
import { sendDownload } from '../download.ts';
import { admitUpload, receiveFile } from '../upload/router.ts';
import { YearParamsSchema } from '../params.ts';

const ProgramQuerySchema = z.object({ year: YearParamsSchema.shape.year.optional() });
const CodeParamsSchema = z.object({ code: ProgramCodeSchema });
const UploadParamsSchema = z.object({ id: z.string().regex(/^[0-9a-f-]{36}$/, MSG.program.api.uploadUnknown) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Express pattern of a PROGRAM_PATHS entry with one parameter. */
const P = (fn: (x: string) => string, name: string) => fn('\u0000').replace('%00', `:${name}`);

/**
 * GET /api/program[?year=] — areas, tasks and org units of a year's program; GET /api/programs — the
 * program periods; the program as an Excel file: download, upload (a changed program or a new
 * period) → diff preview, confirm, change history (commands/programFile.ts).
 */
export function programRouter(db: Db, log: Logger, pool: UploadPool): Router {
  const router = Router();
  const codeOf = (locals: Record<string, unknown>) => parsed(CodeParamsSchema, locals, 'params').code;
  const idOf = (locals: Record<string, unknown>) => parsed(UploadParamsSchema, locals, 'params').id;

  router.get(API_PATHS.program, validate(ProgramQuerySchema, 'query'), async (_req, res) => {
    res.json(await getProgramStructure(db, parsed(ProgramQuerySchema, res.locals, 'query').year));
  });
  router.get(PROGRAM_PATHS.programs, async (_req, res) => {
    res.json(await listPrograms(db));
  });

  router.get(P(PROGRAM_PATHS.programFile, 'code'), validate(CodeParamsSchema, 'params'), async (_req, res) => {
    const { file, filename } = await programWorkbook(db, currentUser(res), codeOf(res.locals));
    sendDownload(res, file, XLSX, filename);
  });
  router.get(P(PROGRAM_PATHS.programChanges, 'code'), validate(CodeParamsSchema, 'params'), async (_req, res) => {
    assertCanReview(currentUser(res));
    const code = codeOf(res.locals);
    if (!(await getProgramHead(db, code))) throw notFound(MSG.program.api.noProgram(code));
    res.json(await listProgramChanges(db, code));
  });

  // Uploads: access first (admin), then a place in the upload pool, then the file (bounded by multer).
  const adminFirst: RequestHandler = (_req, res, next) => { assertAdmin(currentUser(res)); next(); };
  const readUpload = async (req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1], target: { code: string } | { newPeriod: true }) => {
    if (!req.file) throw new ApiError(MSG.program.file.problem.fileMissing, 400, 'file_missing');
    const registry = (await getOrgUnits(db)).map((u) => ({ code: u.code, kind: u.kind }));
    const read = await (res.locals.uploadTicket as UploadTicket).readProgram(req.file.buffer, { registry });
    if (!read.ok) {
      log({ category: 'upload', msg: 'program file rejected', code: read.code, problems: read.problems?.length ?? 0, bytes: req.file.size });
      throw new ApiError(read.message, read.status, read.code, read.problems ? { problems: read.problems } : {});
    }
    const preview = await previewProgramUpload(db, currentUser(res), target, read, req.file.originalname || null);
    log({ category: 'upload', msg: 'program file previewed', program: preview.programCode, upload: preview.uploadId, newPeriod: preview.newPeriod, bytes: req.file.size });
    res.status(201).json(preview);
  };
  router.post(PROGRAM_PATHS.newProgramUpload, adminFirst, admitUpload(pool), receiveFile(), async (req, res) => {
    await readUpload(req, res, { newPeriod: true });
  });
  router.get(P(PROGRAM_PATHS.upload, 'id'), validate(UploadParamsSchema, 'params'), async (_req, res) => {
    res.json(await getProgramUploadPreview(db, currentUser(res), idOf(res.locals)));
  });
  router.post(P(PROGRAM_PATHS.applyUpload, 'id'), validate(UploadParamsSchema, 'params'), async (_req, res) => {
    const result = await applyProgramUpload(db, currentUser(res), idOf(res.locals));
    log({ category: 'program', msg: 'program file applied', program: result.programCode, action: result.action, revision: result.revision });
    res.json(result);
  });
  router.post(P(PROGRAM_PATHS.programUploads, 'code'), validate(CodeParamsSchema, 'params'), adminFirst, admitUpload(pool), receiveFile(), async (req, res) => {
    await readUpload(req, res, { code: codeOf(res.locals) });
  });
  return router;
}

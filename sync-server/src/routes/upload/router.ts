import { createHash } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import multer from 'multer';
import { API_PATHS, MSG, SaveReportRequestSchema, type ReportEntry } from '@pwr-sync/shared';
import type { Db } from '../../storage/index.ts';
import { getOrgUnit, getUnitReport } from '../../storage/index.ts';
import { currentUser } from '../../auth/middleware.ts';
import { writerFor } from '../../auth/access.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import { parsed, parseNamed, validate, validationError } from '../../http/validate.ts';
import { saveReport } from '../../commands/saveReport.ts';
import { loadUnitYear } from '../../commands/unitContext.ts';
import type { UploadPool, UploadTicket } from '../../workbook/uploadPool.ts';
import type { Logger } from '../../log.ts';
import { IdempotencyKeySchema } from '../units/schema.ts';
import { UnitParamsSchema } from '../params.ts';
import { MAX_UPLOAD_BYTES, UploadFieldsSchema } from './schema.ts';

/** A multer refusal in Polish, naming the form field; multer's codes (LIMIT_…) never reach the user. */
function multerRefusal(err: multer.MulterError): ApiError {
  const bad = (message: string) => new ApiError(message, 400, 'malformed_upload');
  switch (err.code) {
    case 'LIMIT_FILE_SIZE': return new ApiError(MSG.api.uploadTooLarge(MAX_UPLOAD_BYTES / 1024 / 1024), 413, 'upload_too_large');
    case 'LIMIT_UNEXPECTED_FILE': return bad(MSG.api.uploadUnexpectedField(err.field ?? '?'));
    case 'LIMIT_FILE_COUNT': return bad(MSG.api.uploadTooManyFiles);
    case 'LIMIT_FIELD_COUNT': return bad(MSG.api.uploadTooManyFields);
    case 'LIMIT_FIELD_VALUE': return bad(MSG.api.uploadFieldTooLong(err.field ?? '?'));
    case 'LIMIT_FIELD_KEY': return bad(MSG.api.uploadFieldNameTooLong);
    case 'LIMIT_PART_COUNT': return bad(MSG.api.uploadTooManyParts);
    default: return bad(MSG.api.uploadMalformed);
  }
}

/** multer, in memory, one file part "file", a few small fields; its errors become clear 4xx. */
export function receiveFile(): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 2048, parts: 8 },
  }).single('file');
  return (req, res, next) => {
    upload(req, res, (err: unknown) => {
      if (!err) return next();
      if (err instanceof multer.MulterError) return next(multerRefusal(err));
      // busboy's own errors ("Unexpected end of form", "Boundary not found") stay in the log, not the answer.
      next(new ApiError(MSG.api.uploadMalformed, 400, 'malformed_upload'));
    });
  };
}

/** Seconds a refused upload is told to wait (Retry-After). */
const RETRY_AFTER_SECONDS = 10;

/**
 * A place among the uploads being read, taken before the file is received and given back when the
 * response ends; none free → 503 with Retry-After, so uploads queue in clients, not in memory.
 */
export function admitUpload(pool: UploadPool): RequestHandler {
  return (_req, res, next) => {
    const ticket = pool.admit();
    if (!ticket) {
      res.set('Retry-After', String(RETRY_AFTER_SECONDS));
      return next(new ApiError(
        MSG.api.uploadsBusy(RETRY_AFTER_SECONDS), 503, 'uploads_busy',
        { retryAfterSeconds: RETRY_AFTER_SECONDS },
      ));
    }
    res.locals.uploadTicket = ticket;
    res.once('finish', () => ticket.release());
    res.once('close', () => ticket.release());
    next();
  };
}

/**
 * POST /api/years/:year/units/:unit/upload — a filled unit template (multipart, field "file").
 * 1. access first (the unit's reporter or an admin), before the body is read;
 * 2. a place in the upload pool (else 503 + Retry-After); multer receives at most MAX_UPLOAD_BYTES into memory;
 * 3. readUploadedTemplate in a worker thread (off this event loop): zip, sheet extent and text
 *    checked before any cell object (bombs refused at once), this unit and year, every cell readable, else 4xx;
 * 4. entries of activities absent from the file keep their current values;
 * 5. saveReport — the add-in's save: validation, versioning (baseVersion: the form field, else the
 *    version the template was generated at), idempotency. Nothing is stored on any error.
 */
export function uploadRouter(db: Db, log: Logger, pool: UploadPool): Router {
  const router = Router();
  const path = API_PATHS.upload(0, 'UNIT').replace('/0/', '/:year/').replace('/UNIT/', '/:unit/');
  router.post(path, validate(UnitParamsSchema, 'params'), (_req, res, next) => {
    const { unit } = parsed(UnitParamsSchema, res.locals, 'params');
    writerFor(currentUser(res), unit); // the unit, or MOPS on its behalf (saveReport then needs the reason)
    next();
  }, admitUpload(pool), receiveFile(), async (req, res) => {
    const user = currentUser(res);
    const { year, unit } = parsed(UnitParamsSchema, res.locals, 'params');
    if (!(await getOrgUnit(db, unit))) throw notFound(MSG.api.noUnit(unit));
    const fields = { data: parseNamed(UploadFieldsSchema, req.body ?? {}, 'form') };
    const rawKey = req.get('idempotency-key');
    const key = rawKey === undefined ? undefined : parseNamed(IdempotencyKeySchema, rawKey, 'header', 'Idempotency-Key');
    if (!req.file) throw new ApiError(MSG.api.uploadFileMissing, 400, 'file_missing');

    const ctx = await loadUnitYear(db, year, unit);
    const t0 = performance.now();
    const expected = { orgUnitCode: unit, year, assignments: ctx.assignments };
    const read = await (res.locals.uploadTicket as UploadTicket).read(req.file.buffer, expected);
    if (!read.ok) {
      log({ category: 'upload', msg: 'upload rejected', year, unit, code: read.code, problems: read.problems?.length ?? 0, bytes: req.file.size });
      throw new ApiError(read.message, read.status, read.code, read.problems ? { problems: read.problems } : {});
    }

    const baseVersion = fields.data.baseVersion ?? read.meta.reportVersion;
    const uploaded = new Set(read.entries.map((e) => e.activityId));
    const current = await getUnitReport(db, year, unit);
    const kept: ReportEntry[] = current.version === baseVersion ? current.entries.filter((e) => !uploaded.has(e.activityId)) : [];
    const request = SaveReportRequestSchema.safeParse({ baseVersion, entries: [...read.entries, ...kept], onBehalfReason: fields.data.onBehalfReason });
    if (!request.success) throw validationError(request.error, 'body');

    // A retry is the same file and fields; the merged entries differ once the first attempt is saved.
    const fingerprint = createHash('sha256').update(req.file.buffer).update(`\n${fields.data.baseVersion ?? ''}\n${fields.data.onBehalfReason ?? ''}`).digest('hex');
    const result = await saveReport(db, {
      user, year, orgUnitCode: unit, request: request.data, source: 'upload', idempotencyKey: key,
      idempotencyFingerprint: { scope: `POST upload ${year} ${unit}`, fingerprint },
    });
    log({ category: 'upload', msg: 'upload saved', year, unit, version: result.version, entryCount: read.entries.length, ms: Math.round(performance.now() - t0) });
    res.status(result.replayed ? 200 : 201).json(result);
  });
  return router;
}

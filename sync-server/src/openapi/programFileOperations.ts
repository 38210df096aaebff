/** The program file's operations for the OpenAPI document (document.ts): download, upload → preview, confirm, history. */
import { z } from 'zod';
import {
  ProgramApplyResultSchema, ProgramChangeSchema, ProgramCodeSchema, ProgramFileRefusalSchema, ProgramUploadPreviewSchema,
} from '@pwr-sync/shared';
import { MAX_UPLOAD_BYTES } from '../routes/upload/schema.ts';
import type { Op } from './document.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TAG = 'Program';
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const CodePath = z.object({ code: ProgramCodeSchema.meta({ description: 'Kod programu (okresu)', example: 'PWR-2025-2027-DEMO' }) });
const UploadPath = z.object({ id: z.string().meta({ description: 'Identyfikator podglądu (`uploadId`)', example: '5b0c6a1e-8f55-4f0e-9d43-0c6a1e8f554f' }) });

const UPLOAD_TEXT = 'Plik jest czytany w całości i sprawdzany komórka po komórce; błędy → 422 `program_file_invalid` z `problems` (każdy z arkuszem i komórką, np. „Arkusz „Działania”, komórka C7: …”; schemat odpowiedzi: `ProgramFileRefusal`). '
  + `Plik ponad ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, bomba zip lub arkusz sięgający za daleko → 413 \`upload_too_large\`; to nie .xlsx → 400 \`malformed_file\`; serwer zajęty czytaniem plików → 503 \`uploads_busy\`. `
  + 'Odpowiedź to podgląd zmian (nic nie zastosowano): zatwierdza się go przez POST /api/programs/uploads/{id}/apply w ciągu doby.';

export const PROGRAM_FILE_OPERATIONS: Record<string, Record<string, Op>> = {
  '/api/programs/{code}/program.xlsx': {
    get: {
      tag: TAG, summary: 'Program okresu jako skoroszyt (MOPS: administrator, weryfikator): „Struktura” (obszary, zadania, podsekcje z „Działania powiązane z:”), „Działania” (z jednostkami z listy rejestru), „Jednostki”',
      path: CodePath, ok: [200, { description: 'Plik programu .xlsx', content: { [XLSX]: { schema: { type: 'string', contentMediaType: XLSX } } } }], errors: [400, 403, 404],
    },
  },
  '/api/programs/{code}/uploads': {
    post: {
      tag: TAG, summary: 'Wgranie zmienionego pliku programu (administrator, multipart, pole `file`) → podgląd zmian: działania dodane, przemianowane, przeniesione, wycofane, zmiany jednostek, nowe jednostki',
      description: `Kod programu w pliku (B1) musi być kodem programu z adresu, a okres się nie zmienia (inaczej 422 przy komórce B1/B3). ${UPLOAD_TEXT}`,
      path: CodePath, ok: [201, { description: 'Podgląd zmian', ...json(ProgramUploadPreviewSchema) }], errors: [400, 403, 404, 413, 422, 503],
    },
  },
  '/api/programs/uploads': {
    post: {
      tag: TAG, summary: 'Nowy okres programu z pliku (administrator, multipart, pole `file`): np. plik poprzedniego okresu z nowym kodem w B1 i latami w B3–B4 → podgląd (porównanie z poprzednim okresem)',
      description: `Kod nie może istnieć, a lata nie mogą nakładać się na inny program (422 przy komórce B1/B3). ${UPLOAD_TEXT}`,
      ok: [201, { description: 'Podgląd nowego okresu', ...json(ProgramUploadPreviewSchema) }], errors: [400, 403, 413, 422, 503],
    },
  },
  '/api/programs/uploads/{id}': {
    get: { tag: TAG, summary: 'Podgląd zmian ponownie (administrator); 404 `upload_unknown` po wygaśnięciu', path: UploadPath, ok: [200, { description: 'Podgląd', ...json(ProgramUploadPreviewSchema) }], errors: [400, 403, 404] },
  },
  '/api/programs/uploads/{id}/apply': {
    post: {
      tag: TAG, summary: 'Zatwierdzenie podglądu (administrator): zmiany programu, jego otwartych lat i rejestru jednostek w jednej transakcji',
      description: 'Stosuje dokładnie to, co pokazał podgląd. Gdy program lub rejestr jednostek zmienił się od podglądu — 409 `program_changed` (nic nie zastosowano; wgraj plik ponownie); podgląd już zastosowany — 409 `upload_applied`; wygasły — 404 `upload_unknown`. '
        + 'Identyfikatory działań zostają; działanie usunięte z pliku jest wycofane (jego lata, plany i sprawozdania zostają). Lata zamknięte się nie zmieniają.',
      path: UploadPath, ok: [200, { description: 'Zastosowano', ...json(ProgramApplyResultSchema) }], errors: [400, 403, 404, 409],
    },
  },
  '/api/programs/{code}/changes': {
    get: { tag: TAG, summary: 'Historia zmian programu z plików (MOPS): kto, kiedy, jakie zmiany; od najnowszej', path: CodePath, ok: [200, { description: 'Zmiany', ...json(z.array(ProgramChangeSchema)) }], errors: [400, 403, 404] },
  },
};

/** The multipart body of a program file upload (zod does not describe a file part). */
export const PROGRAM_UPLOAD_BODY = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object' as const,
        required: ['file'],
        properties: { file: { type: 'string' as const, contentMediaType: XLSX, description: `Plik programu .xlsx (najwyżej ${MAX_UPLOAD_BYTES / 1024 / 1024} MB)` } },
      },
    },
  },
};

export const PROGRAM_FILE_SCHEMAS = { ProgramUploadPreview: ProgramUploadPreviewSchema, ProgramApplyResult: ProgramApplyResultSchema, ProgramFileRefusal: ProgramFileRefusalSchema };

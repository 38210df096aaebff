/** The admin's program and years calls (shared/src/program/contracts.ts). */
import { z } from 'zod';
import {
  API_PATHS, CarryOverSchema, PROGRAM_PATHS, ProgramApplyResultSchema, ProgramChangeSchema, ProgramSummarySchema, ProgramUploadPreviewSchema,
  ReportingYearSchema, YearPhaseHistorySchema,
  type MovePhaseRequest, type StartYearRequest,
} from '@pwr-sync/shared';
import type { ApiClient } from './client.ts';

export const listPrograms = (api: ApiClient) => api.call('GET', PROGRAM_PATHS.programs, z.array(ProgramSummarySchema));
export const listYears = (api: ApiClient) => api.call('GET', API_PATHS.years, z.array(ReportingYearSchema));
export const phaseHistory = (api: ApiClient, year: number) => api.call('GET', PROGRAM_PATHS.yearPhase(year), YearPhaseHistorySchema);
export const movePhase = (api: ApiClient, year: number, body: MovePhaseRequest) => api.call('POST', PROGRAM_PATHS.yearPhase(year), ReportingYearSchema, body);
export const undoPhase = (api: ApiClient, year: number, reason: string) => api.call('POST', PROGRAM_PATHS.yearPhaseUndo(year), ReportingYearSchema, { reason });
export const setDeadlines = (api: ApiClient, year: number, body: { planningDeadline: string | null; deadline: string | null }) => api.call('PUT', `${API_PATHS.years}/${year}`, ReportingYearSchema, body);
export const carryOver = (api: ApiClient, year: number) => api.call('GET', PROGRAM_PATHS.carryOver(year), CarryOverSchema);
export const startYear = (api: ApiClient, body: StartYearRequest) => api.call('POST', PROGRAM_PATHS.startYear, ReportingYearSchema, body);

// The program as an Excel file (shared/src/api/programFileContracts.ts); the upload and download are ApiClient's.
export const programUpload = (api: ApiClient, uploadId: string) => api.call('GET', PROGRAM_PATHS.upload(uploadId), ProgramUploadPreviewSchema);
export const applyProgramUpload = (api: ApiClient, uploadId: string) => api.call('POST', PROGRAM_PATHS.applyUpload(uploadId), ProgramApplyResultSchema, {});
export const programChanges = (api: ApiClient, code: string) => api.call('GET', PROGRAM_PATHS.programChanges(code), z.array(ProgramChangeSchema));

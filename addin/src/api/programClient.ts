/** The admin's program and years calls (shared/src/program/contracts.ts). */
import { z } from 'zod';
import {
  API_PATHS, CarryOverSchema, PROGRAM_PATHS, ProgramSummarySchema, ReportingYearSchema, YearPhaseHistorySchema,
  type MovePhaseRequest, type StartYearRequest,
} from '@pwr-sync/shared';
import type { ApiClient } from './client.ts';

export const listPrograms = (api: ApiClient) => api.call('GET', PROGRAM_PATHS.programs, z.array(ProgramSummarySchema));
export const listYears = (api: ApiClient) => api.call('GET', API_PATHS.years, z.array(ReportingYearSchema));
export const phaseHistory = (api: ApiClient, year: number) => api.call('GET', PROGRAM_PATHS.yearPhase(year), YearPhaseHistorySchema);
export const movePhase = (api: ApiClient, year: number, body: MovePhaseRequest) => api.call('POST', PROGRAM_PATHS.yearPhase(year), ReportingYearSchema, body);
export const undoPhase = (api: ApiClient, year: number, reason: string) => api.call('POST', PROGRAM_PATHS.yearPhaseUndo(year), ReportingYearSchema, { reason });
export const carryOver = (api: ApiClient, year: number) => api.call('GET', PROGRAM_PATHS.carryOver(year), CarryOverSchema);
export const startYear = (api: ApiClient, body: StartYearRequest) => api.call('POST', PROGRAM_PATHS.startYear, ReportingYearSchema, body);

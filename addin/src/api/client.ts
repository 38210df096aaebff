/**
 * Typed client of the sync server (paths and bodies from shared/api/contracts.ts). Every response
 * is parsed with the shared zod schemas; every failure becomes a typed outcome, never a throw.
 */
import { z } from 'zod';
import {
  API_PATHS,
  AnnexTitleResponseSchema,
  ApiErrorBodySchema,
  AssignmentsResponseSchema,
  CompletenessRowSchema,
  ConsolidatedRowSchema,
  HistorySchema,
  MeResponseSchema,
  ProgramStructureSchema,
  ReportingYearSchema,
  SaveReportResponseSchema,
  UnitReportSchema,
  REVIEW_PATHS,
  ReviewCommentSchema,
  ReviewViewSchema,
  type ActivityCommentInput,
  type AnnexTitle,
  type ApiErrorBody,
  type SaveReportRequest,
  type SaveReportResponse,
  type UnitReport,
  MSG,
  CSRF_HEADER,
  PLAN_PATHS,
  AcceptedMeasureKindSchema,
  PlanPreviousResponseSchema,
  SavePlanResponseSchema,
  BulkPlansResponseSchema,
  PlanCompletenessRowSchema,
  type BulkPlansResponse,
  type SavePlanResponse,
  UnitPlanSchema,
  type SavePlanRequest,
  PROGRAM_PATHS,
  ProgramUploadPreviewSchema,
  type ProgramUploadPreview,
  PAIRING_PATHS, PairingReviewSchema, type SettlePairingRequest,
  registerMeasureKinds,
} from '@pwr-sync/shared';

export type ApiProblem = NonNullable<ApiErrorBody['problems']>[number];

export type ApiOutcome<T> =
  | { kind: 'ok'; value: T }
  /** 401: no session, or it expired, or the token did → sign in again (`code` says which; the message is the server's). */
  | { kind: 'unauthorized'; message: string; code?: string }
  /** 403: signed in, but not allowed (another unit, wrong role, year closed). */
  | { kind: 'forbidden'; message: string }
  /** 409: someone saved a newer version; `current` is the server's report. */
  | { kind: 'conflict'; message: string; current: UnitReport | null; code: string }
  /** 422: the server rejected rows; `problems` say which and why. */
  | { kind: 'rejected'; message: string; problems: ApiProblem[] }
  /** No answer: offline, server down, timeout. Nothing was changed. */
  | { kind: 'offline'; message: string }
  /** Any other failure (5xx, a reply that does not match the contract). */
  | { kind: 'failed'; message: string; status: number };

const OFFLINE = MSG.pane.offline;

export interface ApiClientOptions {
  baseUrl?: string;
  /**
   * The bearer sent as Authorization: an issued token (scripts, tests), or — read on every request,
   * so a renewal needs no new client — the pane's session bearer. None: the browser's session cookie goes instead.
   */
  token?: string | (() => string | null);
  /** The browser session's CSRF token, sent as X-CSRF-Token with every request that changes something. */
  csrfToken?: () => string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export class ApiClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    this.baseUrl = (options.baseUrl ?? '').replace(/\/$/, '');
    this.fetchImpl = options.fetch ?? ((...a) => globalThis.fetch(...a));
  }

  me() {
    return this.request('GET', API_PATHS.me, MeResponseSchema);
  }
  years() {
    return this.request('GET', API_PATHS.years, z.array(ReportingYearSchema));
  }
  program() {
    return this.request('GET', API_PATHS.program, ProgramStructureSchema);
  }
  async assignments(year: number, unit: string) {
    await this.registerAcceptedKinds();
    return this.request('GET', API_PATHS.assignments(year, unit), AssignmentsResponseSchema);
  }
  async report(year: number, unit: string) {
    await this.registerAcceptedKinds();
    return this.request('GET', API_PATHS.report(year, unit), UnitReportSchema);
  }
  /** Kinds MOPS accepted with plans („piknik”) parse only once registered: before any reply that may name them. */
  private async registerAcceptedKinds(): Promise<void> {
    const kinds = await this.measureKinds();
    if (kinds.kind === 'ok') registerMeasureKinds(kinds.value);
  }
  /** A unit's plan for a year (version 0: nothing saved yet). */
  unitPlan(year: number, unit: string) {
    return this.request('GET', PLAN_PATHS.plan(year, unit), UnitPlanSchema);
  }
  /** Saves the whole plan; `client` says where it was entered (the history's source). */
  savePlan(year: number, unit: string, body: SavePlanRequest, idempotencyKey: string, client: 'addin' | 'browser') {
    return this.request('PUT', PLAN_PATHS.plan(year, unit), SavePlanResponseSchema, body, { 'Idempotency-Key': idempotencyKey, 'X-Pwr-Client': client });
  }
  submitPlan(year: number, unit: string, version: number) {
    return this.request('POST', PLAN_PATHS.submit(year, unit), UnitPlanSchema, { version });
  }
  /** The activities the unit plans, with last year's plan and figures beside them. */
  planPrevious(year: number, unit: string) {
    return this.request('GET', PLAN_PATHS.previous(year, unit), PlanPreviousResponseSchema);
  }
  /** Measure kinds MOPS accepted from plans (to be registered before plans naming them are parsed). */
  measureKinds() {
    return this.request('GET', PLAN_PATHS.measureKinds, z.array(AcceptedMeasureKindSchema));
  }
  /** Saves the whole report; the idempotency key makes a retry after a lost answer harmless. */
  saveReport(year: number, unit: string, body: SaveReportRequest, idempotencyKey: string) {
    return this.request('PUT', API_PATHS.report(year, unit), SaveReportResponseSchema, body, { 'Idempotency-Key': idempotencyKey });
  }
  /** The whole consolidated year (the review mode filters it in Excel, not on the server). */
  consolidated(year: number) {
    return this.request('GET', API_PATHS.consolidated(year), z.array(ConsolidatedRowSchema));
  }
  /** Every reporting unit's state (reviewer, manager, admin). */
  completeness(year: number) {
    return this.request('GET', API_PATHS.completeness(year), z.array(CompletenessRowSchema));
  }
  /**
   * Reviewer: accept a submitted report. A manager gets `forbidden` (403). `version`: the one shown;
   * when another has been saved since, `conflict` (version_conflict) and nothing is accepted.
   */
  accept(year: number, unit: string, version?: number) {
    return this.request('POST', API_PATHS.accept(year, unit), UnitReportSchema, version === undefined ? {} : { version });
  }
  /**
   * Reviewer: return a report to the unit with comments on activities and/or an overall note (the
   * unit sees each at its activity). Only after opening the current version in the report view.
   */
  returnReport(year: number, unit: string, comment: string, comments: readonly ActivityCommentInput[] = [], version?: number) {
    return this.request('POST', API_PATHS.return(year, unit), UnitReportSchema, { ...(comment ? { comment } : {}), comments, ...(version === undefined ? {} : { version }) });
  }
  /** Reviewer: reopen a report (an accepted one needs the reason, which the audit keeps). */
  reopen(year: number, unit: string, reason: string) {
    return this.request('POST', API_PATHS.reopen(year, unit), UnitReportSchema, { comment: reason });
  }
  /** Reviewer: the unit's report as a reviewer reads it; opening it records that this version was seen. */
  reviewView(year: number, unit: string) {
    return this.request('GET', REVIEW_PATHS.view(year, unit), ReviewViewSchema);
  }
  /** The reviewer's comments on the unit's activities with their threads. */
  reviewComments(year: number, unit: string) {
    return this.request('GET', REVIEW_PATHS.comments(year, unit), z.array(ReviewCommentSchema));
  }
  /** Answers a comment (the unit, or MOPS); the reply is every comment with its thread. */
  replyToComment(year: number, unit: string, commentId: number, text: string) {
    return this.request('POST', REVIEW_PATHS.replies(year, unit, commentId), z.array(ReviewCommentSchema), { text });
  }
  /** Reviewer: settles an open comment whose answer suffices; the reply is every comment with its thread. */
  resolveComment(year: number, unit: string, commentId: number) {
    return this.request('POST', REVIEW_PATHS.resolve(year, unit, commentId), z.array(ReviewCommentSchema), {});
  }
  /** Versions and field changes of a unit's report (who, when, old → new). */
  history(year: number, unit: string) {
    return this.request('GET', API_PATHS.history(year, unit), HistorySchema);
  }
  /** The reply's shape is not part of the contract: callers re-read the report afterwards. */
  submit(year: number, unit: string) {
    return this.request('POST', API_PATHS.submit(year, unit), z.unknown(), {});
  }

  /** The pairings the import left „do sprawdzenia” (reviewer, manager, admin). */
  pairingReviews(year: number) {
    return this.request('GET', PAIRING_PATHS.list(year), z.array(PairingReviewSchema));
  }
  /** MOPS: which figures answer the planned measure (several = parts, none = „brak”); audited on the server. */
  settlePairing(year: number, activityId: string, planMeasureId: string, body: SettlePairingRequest) {
    return this.request('PUT', PAIRING_PATHS.settle(year, activityId, planMeasureId), PairingReviewSchema, body);
  }
  /** The annex's title block of a year (the defaults when MOPS set none). */
  annexTitle(year: number) {
    return this.request('GET', API_PATHS.annexTitle(year), AnnexTitleResponseSchema);
  }
  /** MOPS: sets the annex's title block of a year (a manager gets `forbidden`). */
  setAnnexTitle(year: number, title: AnnexTitle) {
    return this.request('PUT', API_PATHS.annexTitle(year), AnnexTitleResponseSchema, title);
  }
  /** The annual annex („Załącznik Nr 3”, DOCX) of a year; `summary` adds the closing summary. */
  reportDocx(year: number, summary: boolean) {
    return this.download(`${API_PATHS.reportDocx(year)}${summary ? '?summary=true' : ''}`, `sprawozdanie-${year}.docx`);
  }

  /** A unit's template of a year (.xlsx, filled in Excel and uploaded back). */
  template(year: number, unit: string) {
    return this.download(API_PATHS.template(year, unit), `sprawozdanie-${year}.xlsx`);
  }
  /** The central workbook of a year (reviewer, manager, admin). */
  centralWorkbook(year: number) {
    return this.download(API_PATHS.workbook(year), `zestawienie-${year}.xlsx`);
  }

  /** Uploads a filled template (multipart field `file`); `onProgress` hears the bytes sent (0–1). */
  uploadTemplate(year: number, unit: string, file: Blob, onProgress: (sent: number) => void = () => {}, onBehalfReason?: string): Promise<ApiOutcome<SaveReportResponse>> {
    // Text fields first: the server reads them before the file.
    return this.uploadFile(API_PATHS.upload(year, unit), SaveReportResponseSchema, file, 'sprawozdanie.xlsx', onProgress, onBehalfReason ? { onBehalfReason } : {});
  }

  /** The program file of period `code` (null: a new period, its code in B1) → the diff preview; nothing applied yet. */
  uploadProgram(code: string | null, file: Blob, onProgress: (sent: number) => void = () => {}): Promise<ApiOutcome<ProgramUploadPreview>> {
    return this.uploadFile(code ? PROGRAM_PATHS.programUploads(code) : PROGRAM_PATHS.newProgramUpload, ProgramUploadPreviewSchema, file, 'program.xlsx', onProgress, {});
  }

  /** A program period as its Excel file („Struktura”, „Działania”, „Jednostki”). */
  programFile(code: string) {
    return this.download(PROGRAM_PATHS.programFile(code), `program-${code}.xlsx`);
  }

  /** A unit's plan template of a year (.xlsx): its activities, last year beside them. */
  planTemplate(year: number, unit: string) {
    return this.download(PLAN_PATHS.template(year, unit), `plan-${year}.xlsx`);
  }
  /** Uploads a filled plan template (the unit, or MOPS on its behalf): a new plan version. */
  uploadPlanTemplate(year: number, unit: string, file: Blob, onProgress: (sent: number) => void = () => {}): Promise<ApiOutcome<SavePlanResponse>> {
    return this.uploadFile(PLAN_PATHS.upload(year, unit), SavePlanResponseSchema, file, 'plan.xlsx', onProgress, {});
  }
  /** MOPS: the sheet of every unit's plans of a year, to fill on their behalf. */
  bulkPlanTemplate(year: number) {
    return this.download(PLAN_PATHS.bulkTemplate(year), `plany-jednostek-${year}.xlsx`);
  }
  /** MOPS: uploads the filled sheet of plans (audited as MOPS's entry); `accept` accepts them at once. */
  uploadBulkPlans(year: number, file: Blob, accept: boolean, onProgress: (sent: number) => void = () => {}): Promise<ApiOutcome<BulkPlansResponse>> {
    return this.uploadFile(PLAN_PATHS.bulkUpload(year), BulkPlansResponseSchema, file, 'plany.xlsx', onProgress, { accept: String(accept) });
  }
  /** Every reporting unit's plan state (reviewer, manager, admin). */
  planCompleteness(year: number) {
    return this.request('GET', PLAN_PATHS.completeness(year), z.array(PlanCompletenessRowSchema));
  }
  /** Reviewer: accept a unit's plan (it becomes the year's plan). */
  acceptPlan(year: number, unit: string) {
    return this.request('POST', PLAN_PATHS.accept(year, unit), UnitPlanSchema, {});
  }
  /** Reviewer: return a unit's plan with a comment the unit sees. */
  returnPlan(year: number, unit: string, comment: string) {
    return this.request('POST', PLAN_PATHS.return(year, unit), UnitPlanSchema, { comment });
  }
  /** Reviewer: reopen a submitted or accepted plan (then only MOPS changes it once the year reports). */
  reopenPlan(year: number, unit: string, comment: string) {
    return this.request('POST', PLAN_PATHS.reopen(year, unit), UnitPlanSchema, comment ? { comment } : {});
  }

  /**
   * A multipart upload (fields, then the file as `file`); `onProgress` hears the bytes sent (0–1).
   * XMLHttpRequest, not fetch: only it reports upload progress in every browser.
   */
  private uploadFile<T>(path: string, schema: z.ZodType<T>, file: Blob, fallbackName: string, onProgress: (sent: number) => void, fields: Record<string, string>): Promise<ApiOutcome<T>> {
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', this.baseUrl + path);
      xhr.setRequestHeader('Accept', 'application/json');
      for (const [name, value] of Object.entries(this.authHeaders('POST'))) xhr.setRequestHeader(name, value);
      xhr.timeout = this.options.timeoutMs ?? 120_000;
      xhr.upload.onprogress = (e) => { if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total); };
      xhr.onerror = xhr.ontimeout = () => resolve({ kind: 'offline', message: OFFLINE });
      xhr.onload = () => {
        let json: unknown;
        try { json = JSON.parse(xhr.responseText); } catch { json = undefined; }
        if (xhr.status >= 200 && xhr.status < 300) {
          const parsed = schema.safeParse(json);
          resolve(parsed.success ? { kind: 'ok', value: parsed.data } : { kind: 'failed', status: xhr.status, message: MSG.pane.unexpectedReply });
        } else resolve(failureOf(xhr.status, json));
      };
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append('file', file, file instanceof File ? file.name : fallbackName);
      xhr.send(form);
    });
  }

  /** Any JSON endpoint by path (the session and users clients build on it: api/authClient.ts, api/adminClient.ts). */
  call<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<ApiOutcome<T>> {
    return this.request(method, path, schema, body);
  }

  /** Authorization (a bearer) and, for a change made with the browser's cookie, X-CSRF-Token. */
  private authHeaders(method: string): Record<string, string> {
    const { token, csrfToken } = this.options;
    const bearer = typeof token === 'function' ? token() : token;
    const csrf = method !== 'GET' && method !== 'HEAD' ? csrfToken?.() : null;
    return { ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}), ...(csrf ? { [CSRF_HEADER]: csrf } : {}) };
  }

  private async request<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown, headers: Record<string, string> = {}): Promise<ApiOutcome<T>> {
    const sent = await this.send(method, path, body, headers, 'application/json');
    if (!('status' in sent)) return sent;
    const json: unknown = await sent.json().catch(() => undefined);
    if (sent.ok) {
      const parsed = schema.safeParse(json);
      if (parsed.success) return { kind: 'ok', value: parsed.data };
      console.error('[api] reply does not match the contract', { path, issues: parsed.error.issues.slice(0, 5) });
      return { kind: 'failed', status: sent.status, message: MSG.pane.unexpectedReply };
    }
    return failureOf(sent.status, json);
  }

  /** A file download: the bytes and the name the server gives (Content-Disposition), else `fallbackName`. */
  private async download(path: string, fallbackName: string): Promise<ApiOutcome<{ blob: Blob; filename: string }>> {
    const sent = await this.send('GET', path, undefined, {}, '*/*');
    if (!('status' in sent)) return sent;
    if (!sent.ok) return failureOf(sent.status, await sent.json().catch(() => undefined));
    const disposition = sent.headers.get('content-disposition') ?? '';
    const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    const plain = /filename="([^"]+)"/i.exec(disposition);
    const filename = star ? decodeURIComponent(star[1]!) : plain?.[1] ?? fallbackName;
    try {
      return { kind: 'ok', value: { blob: await sent.blob(), filename } };
    } catch {
      return { kind: 'offline', message: OFFLINE };
    }
  }

  /** One request with the token and a timeout; no answer at all → the offline outcome. */
  private async send(method: string, path: string, body: unknown, headers: Record<string, string>, accept: string): Promise<Response | { kind: 'offline'; message: string }> {
    let res: Response;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs ?? 20_000);
    const started = Date.now();
    try {
      res = await this.fetchImpl(this.baseUrl + path, {
        method,
        headers: {
          Accept: accept,
          ...this.authHeaders(method),
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: controller.signal,
      });
    } catch {
      return { kind: 'offline', message: OFFLINE };
    } finally {
      clearTimeout(timer);
    }
    console.debug('[api]', { method, path, status: res.status, ms: Date.now() - started });
    return res;
  }
}

/** The outcome of an error reply, by status; the server's Polish message when it sent one. */
function failureOf(status: number, json: unknown): Exclude<ApiOutcome<never>, { kind: 'ok' }> {
  const err = ApiErrorBodySchema.safeParse(json);
  const e = err.success ? err.data : undefined;
  switch (status) {
    case 401:
      return { kind: 'unauthorized', message: e?.error ?? MSG.pane.tokenInvalid, ...(e?.code ? { code: e.code } : {}) };
    case 403:
      return { kind: 'forbidden', message: e?.error ?? MSG.api.forbidden };
    case 409:
      return { kind: 'conflict', code: e?.code ?? 'conflict', current: e?.current ?? null, message: e?.error ?? MSG.pane.newerVersion };
    case 422:
    case 400:
      return { kind: 'rejected', problems: e?.problems ?? [], message: e?.error ?? MSG.pane.serverRefused };
    case 502:
    case 503:
    case 504:
      return { kind: 'offline', message: OFFLINE };
    default:
      return { kind: 'failed', status, message: e?.error ?? MSG.pane.serverError(status) };
  }
}

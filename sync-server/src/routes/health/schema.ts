import { z } from 'zod';

/** GET /api/health — the database answers (kept for monitoring set up before live/ready). */
export const HealthSchema = z.object({ ok: z.literal(true), db: z.enum(['pglite', 'postgres']) });
/** GET /api/health/live — the process answers; no database query. */
export const LivenessSchema = z.object({ ok: z.literal(true), uptimeSeconds: z.number().int().nonnegative() });
/** GET /api/health/ready — ready for traffic: database answers, migrations applied, not shutting down. */
export const ReadinessSchema = z.object({ ok: z.literal(true), db: z.enum(['pglite', 'postgres']), migrations: z.number().int().nonnegative(), version: z.string() });

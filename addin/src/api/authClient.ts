/** Signing in and out, and the pane's renewal, over the typed client (paths and bodies: shared/src/api/auth.ts). */
import { z } from 'zod';
import { AUTH_PATHS, OIDC_PATHS, SessionResponseSchema, SignInMethodsSchema, type SessionClient } from '@pwr-sync/shared';
import type { ApiClient } from './client.ts';

export const signIn = (api: ApiClient, token: string, client: SessionClient) =>
  api.call('POST', AUTH_PATHS.signIn, SessionResponseSchema, { token, client });
export const currentSession = (api: ApiClient) => api.call('GET', AUTH_PATHS.session, SessionResponseSchema);
export const renewSession = (api: ApiClient) => api.call('POST', AUTH_PATHS.renew, SessionResponseSchema);
/** 204: ends the session on the server (even an expired one) and clears the browser's cookie. */
export const signOut = (api: ApiClient) => api.call('POST', AUTH_PATHS.signOut, z.unknown());
/** Which sign-in methods the server offers (the city's provider when configured). */
export const signInMethods = (api: ApiClient) => api.call('GET', OIDC_PATHS.methods, SignInMethodsSchema);

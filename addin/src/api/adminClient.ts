/** The users page's calls (admin only; shared/src/api/auth.ts). */
import { z } from 'zod';
import {
  ADMIN_PATHS, AdminTokenSchema, AdminUserSchema, AuthEventSchema, IssuedTokenSchema, SessionInfoSchema,
  type IssueTokenRequest, type NewUserRequest, type UserSignInRequest, userSignInPath,
} from '@pwr-sync/shared';
import type { ApiClient } from './client.ts';

export const listUsers = (api: ApiClient) => api.call('GET', ADMIN_PATHS.users, z.array(AdminUserSchema));
export const addUser = (api: ApiClient, user: NewUserRequest) => api.call('POST', ADMIN_PATHS.users, AdminUserSchema, user);
export const disableUser = (api: ApiClient, id: string) => api.call('POST', ADMIN_PATHS.disable(id), AdminUserSchema, {});
export const enableUser = (api: ApiClient, id: string) => api.call('POST', ADMIN_PATHS.enable(id), AdminUserSchema, {});
export const issueToken = (api: ApiClient, id: string, body: IssueTokenRequest) => api.call('POST', ADMIN_PATHS.tokens(id), IssuedTokenSchema, body);
export const revokeToken = (api: ApiClient, id: string, tokenId: string) => api.call('POST', ADMIN_PATHS.revokeToken(id, tokenId), AdminTokenSchema, {});
export const userSessions = (api: ApiClient, id: string) => api.call('GET', ADMIN_PATHS.sessions(id), z.array(SessionInfoSchema));
export const endSession = (api: ApiClient, id: string, sessionId: string) => api.call('POST', ADMIN_PATHS.endSession(id, sessionId), z.unknown(), {});
export const auditLog = (api: ApiClient, userId?: string) =>
  api.call('GET', `${ADMIN_PATHS.audit}${userId ? `?user=${encodeURIComponent(userId)}` : ''}`, z.array(AuthEventSchema));
export const setUserSignIn = (api: ApiClient, id: string, body: UserSignInRequest) => api.call('PUT', userSignInPath(id), AdminUserSchema, body);

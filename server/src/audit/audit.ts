import type { Actor } from '../access/auth-context.ts';

/** Who made a change: a signed-in staff member, an API key, or Orchard itself (bootstrap, worker). */
export type AuditActor = Actor | { type: 'system' };

export type AuditEntry = {
  tenantId: string;
  actor: AuditActor;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  data?: Record<string, unknown>;
  ip?: string | null;
};

export const REDACTED = '[redacted]';

/** Field names that may carry credentials; matched anywhere in the name (`newPassword`, `apiKey`, `botToken`). */
const SECRET_NAME = /pass(word|phrase)?|secret|token|key|credential|authorization|cookie|signature|otp/i;

/** A copy of a request body safe to keep forever: secret-looking fields replaced, at any depth. */
export const redactSecrets = (value: unknown, depth = 0): unknown => {
  if (depth > 8) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([name, inner]) => [
        name,
        SECRET_NAME.test(name) ? REDACTED : redactSecrets(inner, depth + 1),
      ]),
    );
  }
  return value;
};

export type RouteKey = `${string} ${string}`;

/** `POST /api/v1/stores/{id}` (OpenAPI) and `POST /api/v1/stores/:id` (Hono) name the same route. */
export const routeKeyOf = (method: string, path: string): RouteKey =>
  `${method.toUpperCase()} ${path.replaceAll(/\{([^}/]+)\}/g, ':$1')}`;

/** The first path segment after /api/v1 names what was changed: `stores`, `staff`, `api-keys`. */
export const targetTypeOf = (path: string): string | null => /^\/api\/v1\/([^/]+)/.exec(path)?.[1] ?? null;

export const isMutation = (method: string): boolean => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method);

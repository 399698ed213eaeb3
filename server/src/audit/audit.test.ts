import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets, routeKeyOf, targetTypeOf } from './audit.ts';

describe('audit rules', () => {
  it('redacts secret-looking fields at any depth and keeps the rest', () => {
    const body = {
      name: 'Mia',
      password: 'hunter22',
      newPassword: 'x',
      settings: { botToken: 't', apiKey: 'k', nested: [{ clientSecret: 's', label: 'ok' }] },
      roles: [{ role: 'guide' }],
    };
    expect(redactSecrets(body)).toEqual({
      name: 'Mia',
      password: REDACTED,
      newPassword: REDACTED,
      settings: { botToken: REDACTED, apiKey: REDACTED, nested: [{ clientSecret: REDACTED, label: 'ok' }] },
      roles: [{ role: 'guide' }],
    });
  });

  it('names routes the same way in OpenAPI and Hono notation', () => {
    expect(routeKeyOf('patch', '/api/v1/stores/{id}')).toBe('PATCH /api/v1/stores/:id');
    expect(routeKeyOf('PATCH', '/api/v1/stores/:id')).toBe('PATCH /api/v1/stores/:id');
  });

  it('takes the target type from the first segment after /api/v1', () => {
    expect(targetTypeOf('/api/v1/api-keys/123/revoke')).toBe('api-keys');
    expect(targetTypeOf('/healthz')).toBeNull();
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, staff } from '../db/schema/index.ts';
import { createBrand } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { bearerOf, createTestClient } from '../testing/test-client.ts';
import { hashPassword } from './passwords.ts';
import { hashToken } from './tokens.ts';

type Login = {
  token: string;
  expiresAt: string;
  staff: { id: string; email: string };
  tenant: { slug: string };
  roles: string[];
};

describe('login, logout and me', () => {
  let h: Harness;
  let api: ReturnType<typeof createTestClient>;
  let brand: Awaited<ReturnType<typeof createBrand>>;

  beforeAll(async () => {
    h = await createHarness();
    api = createTestClient(h.app);
    brand = await createBrand(h.deps);
    await h.deps.db
      .update(staff)
      .set({ email: 'ada@example.com', passwordHash: await hashPassword('correct horse') })
      .where(eq(staff.id, brand.owner.staff.id));
  });
  afterAll(async () => {
    await h.close();
  });

  it('signs in with the right password, case-insensitively on the email, and stores only the token hash', async () => {
    const res = await api.post<Login>('/api/v1/auth/login', {
      email: ' Ada@Example.COM ',
      password: 'correct horse',
    });
    expect(res.status).toBe(200);
    expect(res.body.staff).toMatchObject({ id: brand.owner.staff.id, email: 'ada@example.com' });
    expect(res.body.tenant.slug).toBe(brand.tenant.slug);
    expect(res.body.roles).toEqual(['owner']);
    const ttlMs = h.deps.config.sessionTtlHours * 3_600_000;
    expect(new Date(res.body.expiresAt).getTime()).toBe(h.clock.now.getTime() + ttlMs);

    const rows = await h.deps.db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, hashToken(res.body.token)));
    expect(rows).toHaveLength(1);
    const raw = await h.deps.db.select().from(sessions).where(eq(sessions.tokenHash, res.body.token));
    expect(raw).toHaveLength(0);

    const [row] = await h.deps.db.select().from(staff).where(eq(staff.id, brand.owner.staff.id));
    expect(row?.lastLoginAt?.getTime()).toBe(h.clock.now.getTime());

    const me = await api.get('/api/v1/me', bearerOf(res.body.token));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      caller: { type: 'staff', id: brand.owner.staff.id, email: 'ada@example.com' },
      tenant: { id: brand.tenant.id },
      roles: ['owner'],
      scope: { kind: 'brand' },
    });
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrong = await api.post('/api/v1/auth/login', {
      email: 'ada@example.com',
      password: 'battery staple',
    });
    const unknown = await api.post('/api/v1/auth/login', {
      email: 'nobody@example.com',
      password: 'correct horse',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('refuses a staff member without a password and a deactivated one, with the same message', async () => {
    const wrong = await api.post('/api/v1/auth/login', { email: 'ada@example.com', password: 'nope-nope' });
    await h.deps.db
      .insert(staff)
      .values({ tenantId: brand.tenant.id, name: 'No password', email: 'nopw@example.com' });
    const noPassword = await api.post('/api/v1/auth/login', {
      email: 'nopw@example.com',
      password: 'anything',
    });
    expect(noPassword.status).toBe(401);
    expect(noPassword.body).toEqual(wrong.body);

    await h.deps.db.insert(staff).values({
      tenantId: brand.tenant.id,
      name: 'Gone',
      email: 'gone@example.com',
      passwordHash: await hashPassword('correct horse'),
      isActive: false,
    });
    const inactive = await api.post('/api/v1/auth/login', {
      email: 'gone@example.com',
      password: 'correct horse',
    });
    expect(inactive.status).toBe(401);
    expect(inactive.body).toEqual(wrong.body);
  });

  it('rejects a malformed body with 400 and field paths', async () => {
    const res = await api.post<{ error: { details: { path: string }[] } }>('/api/v1/auth/login', {
      email: 'x',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d) => d.path)).toContain('password');
  });

  it('expires sessions after the configured lifetime', async () => {
    const { body } = await api.post<Login>('/api/v1/auth/login', {
      email: 'ada@example.com',
      password: 'correct horse',
    });
    expect((await api.get('/api/v1/me', bearerOf(body.token))).status).toBe(200);
    h.clock.advance(h.deps.config.sessionTtlHours * 3_600_000 + 1000);
    expect((await api.get('/api/v1/me', bearerOf(body.token))).status).toBe(401);
  });

  it('logs out: the token stops working, other sessions keep working', async () => {
    const first = await api.post<Login>('/api/v1/auth/login', {
      email: 'ada@example.com',
      password: 'correct horse',
    });
    const second = await api.post<Login>('/api/v1/auth/login', {
      email: 'ada@example.com',
      password: 'correct horse',
    });
    const out = await api.send('POST', '/api/v1/auth/logout', { headers: bearerOf(first.body.token) });
    expect(out.status).toBe(204);
    expect((await api.get('/api/v1/me', bearerOf(first.body.token))).status).toBe(401);
    expect((await api.get('/api/v1/me', bearerOf(second.body.token))).status).toBe(200);
  });

  it('audits logins and logouts with the staff member as actor', async () => {
    const rows = await h.deps.db.select().from(auditLog).where(eq(auditLog.tenantId, brand.tenant.id));
    const actions = rows.map((r) => `${r.action}:${r.actorType}:${r.actorId}`);
    expect(actions).toContain(`login:staff:${brand.owner.staff.id}`);
    expect(actions).toContain(`logout:staff:${brand.owner.staff.id}`);
    expect(rows.filter((r) => r.action === 'login').length).toBeGreaterThanOrEqual(4);
  });

  it('requires a token for me and logout', async () => {
    expect((await api.get('/api/v1/me')).status).toBe(401);
    expect((await api.send('POST', '/api/v1/auth/logout')).status).toBe(401);
  });
});

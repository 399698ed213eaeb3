import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, staff, staffRoles, tenants } from '../db/schema/index.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { createTestClient } from '../testing/test-client.ts';
import { DEFAULT_OWNER_EMAIL, ensureOwner } from './bootstrap-owner.ts';

describe('ensureOwner', () => {
  let h: Harness;
  const harnesses: Harness[] = [];
  beforeEach(async () => {
    h = await createHarness();
    harnesses.push(h);
  });
  afterAll(async () => {
    await Promise.all(harnesses.map((x) => x.close()));
  });

  it('creates the demo brand and an owner with generated credentials, once', async () => {
    const first = await ensureOwner(h.deps);
    expect(first).toMatchObject({ created: true, email: DEFAULT_OWNER_EMAIL });
    expect(first.password).toMatch(/^[A-Za-z0-9]{16}$/);
    const [tenant] = await h.deps.db.select().from(tenants).where(eq(tenants.id, first.tenantId));
    expect(tenant?.slug).toBe('demo');

    const login = await createTestClient(h.app).post('/api/v1/auth/login', {
      email: DEFAULT_OWNER_EMAIL,
      password: first.password,
    });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ roles: ['owner'], tenant: { slug: 'demo' } });

    const second = await ensureOwner(h.deps, { email: 'other@example.com', password: 'another-password' });
    expect(second).toEqual({ created: false, email: DEFAULT_OWNER_EMAIL, tenantId: first.tenantId });
    expect(await h.deps.db.select().from(staff)).toHaveLength(1);
    expect(await h.deps.db.select().from(tenants)).toHaveLength(1);

    const audit = await h.deps.db.select().from(auditLog).where(eq(auditLog.action, 'bootstrapOwner'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: 'system', actorId: null, tenantId: first.tenantId });
  });

  it('uses the given email (lower-cased), password and brand name and returns no password', async () => {
    const result = await ensureOwner(h.deps, {
      email: 'Boss@Brand.COM',
      password: 'given-password',
      brandName: 'Brand',
    });
    expect(result).toMatchObject({ created: true, email: 'boss@brand.com' });
    expect(result).not.toHaveProperty('password');
    const [tenant] = await h.deps.db.select().from(tenants);
    expect(tenant?.name).toBe('Brand');
    const login = await createTestClient(h.app).post('/api/v1/auth/login', {
      email: 'boss@brand.com',
      password: 'given-password',
    });
    expect(login.status).toBe(200);
  });

  it('adopts an existing brand with the slug, and creates nothing when racing itself', async () => {
    await h.deps.db.insert(tenants).values({ slug: 'demo', name: 'Seeded' });
    const results = await Promise.all([ensureOwner(h.deps), ensureOwner(h.deps)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await h.deps.db.select().from(tenants)).toHaveLength(1);
    expect(await h.deps.db.select().from(staffRoles).where(eq(staffRoles.role, 'owner'))).toHaveLength(1);
  });
});

import { randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import { recordAudit } from '../audit/audit.store.ts';
import { staff, staffRoles, tenants } from '../db/schema/index.ts';
import { normalizeEmail } from './login.ts';
import { hashPassword } from './passwords.ts';

export type EnsureOwnerResult = {
  created: boolean;
  /** The owner's sign-in email (the first owner's when one already existed; '' if that owner has none). */
  email: string;
  /** Only when Orchard generated it: print it once, it is stored only as a hash. */
  password?: string;
  /** The owner's brand. */
  tenantId: string;
};

export const DEFAULT_OWNER_EMAIL = 'owner@orchard.local';

/** Readable, unambiguous and long enough: 16 characters from a 56-letter alphabet (~93 bits). */
const generatePassword = (): string => {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  return Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join('');
};

/** Two processes starting together must not both create an owner: one advisory lock serialises them. */
const BOOTSTRAP_LOCK = 7_001_202_401;

/**
 * First start: when no owner exists anywhere, create a brand and its owner so someone can sign in.
 * Idempotent: once any owner exists it does nothing.
 */
export const ensureOwner = async (
  deps: AppDeps,
  input: { email?: string; password?: string; brandName?: string; slug?: string } = {},
): Promise<EnsureOwnerResult> => {
  const email = normalizeEmail(input.email ?? DEFAULT_OWNER_EMAIL);
  const slug = input.slug ?? 'demo';
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
    const [existing] = await tx
      .select({ email: staff.email, tenantId: staff.tenantId })
      .from(staffRoles)
      .innerJoin(staff, eq(staff.id, staffRoles.staffId))
      .where(eq(staffRoles.role, 'owner'))
      .orderBy(sql`${staff.email} is null`, staffRoles.createdAt)
      .limit(1);
    if (existing) return { created: false, email: existing.email ?? '', tenantId: existing.tenantId };

    const generated = input.password ? undefined : generatePassword();
    const passwordHash = await hashPassword(input.password ?? generated!);

    // A brand seeded earlier without an owner is adopted rather than duplicated.
    const [tenant] = await tx
      .insert(tenants)
      .values({ slug, name: input.brandName ?? 'Demo brand' })
      .onConflictDoUpdate({ target: tenants.slug, set: { slug } })
      .returning({ id: tenants.id });
    const [owner] = await tx
      .insert(staff)
      .values({ tenantId: tenant!.id, name: 'Owner', email, passwordHash })
      .returning({ id: staff.id });
    await tx
      .insert(staffRoles)
      .values({ tenantId: tenant!.id, staffId: owner!.id, role: 'owner', storeId: null });
    await recordAudit(tx, {
      tenantId: tenant!.id,
      actor: { type: 'system' },
      action: 'bootstrapOwner',
      targetType: 'staff',
      targetId: owner!.id,
      data: { email },
    });
    return { created: true, email, tenantId: tenant!.id, ...(generated ? { password: generated } : {}) };
  });
};

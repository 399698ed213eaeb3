import { eq } from 'drizzle-orm';
import { generateToken, hashToken } from '../access/tokens.ts';
import { memberIdentities, sessions } from '../db/schema/index.ts';
import { type JobContext, jobDefinitions } from '../jobs/definitions.ts';
import { jobNames } from '../jobs/job-names.ts';
import { createRateLimitStore } from '../outbox/rate-limit.ts';
import { processPendingEvents } from '../pipeline/process-events.ts';
import { type SandboxSetup, setUpSandbox } from '../platforms/sandbox/sandbox.fixtures.ts';
import { sandboxSignatureHeaders } from '../platforms/sandbox/sandbox-signature.ts';
import { createStaffWithToken } from '../testing/fixtures.ts';
import type { Harness } from '../testing/harness.ts';

/**
 * Test helpers for acquisition: the worker as pg-boss would run it on the harness clock (jobs sent with
 * `startAfter` wait until the clock reaches them), and a sandbox brand with guides who have sandbox accounts.
 */
export const createWorker = (h: Harness) => {
  const context: JobContext = { deps: h.deps, rateLimits: createRateLimitStore() };
  const delayed: { name: string; data: Record<string, unknown>; dueMs: number; key?: string }[] = [];
  const record = h.jobs.send;
  // Jobs are stamped when sent (on the test clock), as pg-boss would schedule them.
  h.jobs.send = async (name, data, options) => {
    await record(name, data, options);
    const key = options?.singletonKey;
    // A stately queue keeps one waiting job per key: a second send is dropped.
    if (key && delayed.some((d) => d.name === name && d.key === key)) return;
    const now = h.clock.now.getTime();
    const startAfter = options?.startAfter;
    const dueMs = typeof startAfter === 'number' ? now + startAfter * 1000 : (startAfter?.getTime() ?? now);
    delayed.push({ name, data, dueMs, key });
  };
  const take = () => {
    const due = delayed.filter((d) => d.dueMs <= h.clock.now.getTime());
    for (const job of due) delayed.splice(delayed.indexOf(job), 1);
    return due;
  };
  /** Process events and run every job that is due, until nothing is left to do now. */
  const run = async (): Promise<void> => {
    for (let round = 0; round < 20; round++) {
      const { claimed } = await processPendingEvents(h.deps);
      const due = take().filter((job) => job.name !== jobNames.processEvents);
      for (const job of due) {
        await jobDefinitions.find((d) => d.name === job.name)?.handler(context, job.data);
      }
      if (claimed === 0 && due.length === 0) return;
    }
    throw new Error('The worker did not settle in 20 rounds');
  };
  return { run, waiting: () => delayed.map((d) => d.name) };
};

export const setUpAcquisition = async (h: Harness, settings: Record<string, unknown> = {}) => {
  const sb = await setUpSandbox(h, settings);
  const tenantId = sb.brand.tenant.id;
  /** A guide of the brand's store with a sandbox staff account: returns both ids. */
  const addGuide = async (name: string) => {
    const guide = await createStaffWithToken(h.deps, {
      tenantId,
      role: 'guide',
      storeId: sb.brand.store.id,
      name,
    });
    const res = await sb.api('POST', '/api/v1/sandbox/staff-accounts', { staffId: guide.staff.id, name });
    if (res.status !== 200) throw new Error(`staff account: ${JSON.stringify(res.body)}`);
    return { staffId: guide.staff.id as string, accountId: res.body.id as string, headers: guide.headers };
  };
  const orchardMemberOf = async (sandboxMemberId: string): Promise<string> => {
    const [row] = await h.deps.db
      .select({ id: memberIdentities.memberId })
      .from(memberIdentities)
      .where(eq(memberIdentities.externalId, sandboxMemberId));
    if (!row) throw new Error(`No Orchard member for ${sandboxMemberId}`);
    return row.id;
  };
  const createCode = async (body: Record<string, unknown>) => {
    const res = await sb.api('POST', '/api/v1/channel-codes', { name: 'Code', source: 'flyer', ...body });
    if (res.status !== 201) throw new Error(`channel code: ${JSON.stringify(res.body)}`);
    return res.body as { id: string; link: string; state: string };
  };
  /** A new sandbox member opens the link (a code's public link is followed as a phone would). */
  const arrive = async (name: string, link: string) => {
    const memberId = await sb.createMember(name);
    const opened = await sb.api('POST', '/api/v1/sandbox/links/open', { memberId, link });
    return { memberId, opened };
  };
  /** A fresh owner session at the current test clock (tests that move the clock by days outlive a session). */
  const renewSession = async () => {
    const token = generateToken();
    await h.deps.db.insert(sessions).values({
      tenantId,
      staffId: sb.brand.owner.staff.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(h.clock.now.getTime() + 3_600_000),
    });
    sb.headers.authorization = `Bearer ${token}`;
  };
  /** Deliver events through the signed sandbox webhook, as the platform (or its retry) would; returns the status. */
  const deliverWebhook = async (events: unknown[]): Promise<number> => {
    const body = JSON.stringify({ events });
    const res = await h.app.request(`/webhooks/${sb.accountId}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...sandboxSignatureHeaders(sb.webhookSecret, body, h.clock.now.getTime()),
      },
      body,
    });
    return res.status;
  };
  return { ...sb, tenantId, addGuide, orchardMemberOf, createCode, arrive, renewSession, deliverWebhook };
};

export type AcquisitionSetup = Awaited<ReturnType<typeof setUpAcquisition>> & SandboxSetup;

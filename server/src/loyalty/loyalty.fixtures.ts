import { and, eq } from 'drizzle-orm';
import { memberIdentities, members, sessions } from '../db/schema/index.ts';
import { deliverOutbound } from '../outbox/deliver-outbound.ts';
import { createRateLimitStore } from '../outbox/rate-limit.ts';
import { processPendingEvents } from '../pipeline/process-events.ts';
import { callApi, setUpSandbox } from '../platforms/sandbox/sandbox.fixtures.ts';
import { sandboxSignatureHeaders } from '../platforms/sandbox/sandbox-signature.ts';
import type { Harness } from '../testing/harness.ts';

/** Tests move the clock by days and years; keep the brand's staff signed in throughout. */
export const keepSignedIn = async (h: Harness, tenantId: string) => {
  await h.deps.db
    .update(sessions)
    .set({ expiresAt: new Date(h.clock.now.getTime() + 4_000 * 86_400_000) })
    .where(eq(sessions.tenantId, tenantId));
};

/**
 * Test helpers for loyalty: a brand on the sandbox with a staff account and a group its members have joined
 * (and whose staff they added, so private messages reach them), and ways to deliver, run and read back.
 */
export const setUpLoyaltyWorld = async (h: Harness) => {
  const sb = await setUpSandbox(h, { rateLimits: { perSecond: 10_000, perChatPerMinute: 10_000 } });
  const staffId = await sb.createStaffAccount();
  const contactLink = (
    await sb.api('POST', '/api/v1/sandbox/links', { kind: 'contact', staffIds: [staffId] })
  ).body.url;
  const groupId: string = (await sb.api('POST', '/api/v1/sandbox/groups', { name: 'Fruit Lovers A' })).body
    .id;
  const groupLink = (await sb.api('POST', '/api/v1/sandbox/links', { kind: 'group', groupIds: [groupId] }))
    .body.url;
  const rateLimits = createRateLimitStore();
  await keepSignedIn(h, sb.brand.tenant.id);

  const run = async () => {
    const stats = await processPendingEvents(h.deps);
    await deliverOutbound(h.deps, { platformAccountId: sb.accountId, rateLimits });
    return stats;
  };
  /** A sandbox member who added the staff account and joined the group; returns their sandbox id. */
  const join = async (name: string): Promise<string> => {
    const memberId = await sb.createMember(name);
    await sb.api('POST', '/api/v1/sandbox/links/open', { memberId, link: contactLink });
    await sb.api('POST', '/api/v1/sandbox/links/open', { memberId, link: groupLink });
    return memberId;
  };
  /** Orchard's member id for a sandbox member (after their events were processed). */
  const memberIdOf = async (sandboxMemberId: string): Promise<string> => {
    const [row] = await h.deps.db
      .select({ id: memberIdentities.memberId })
      .from(memberIdentities)
      .where(
        and(
          eq(memberIdentities.platformAccountId, sb.accountId),
          eq(memberIdentities.externalId, sandboxMemberId),
        ),
      );
    if (!row) throw new Error(`no Orchard member for ${sandboxMemberId}`);
    return row.id;
  };
  /** Deliver events through the signed webhook, as the platform would (again and again, if asked). */
  const deliver = async (events: Record<string, unknown>[]) => {
    const body = JSON.stringify({ events });
    const res = await h.app.request(`/webhooks/${sb.accountId}`, {
      method: 'POST',
      headers: sandboxSignatureHeaders(sb.webhookSecret, body, h.clock.now.getTime()),
      body,
    });
    if (res.status !== 200) throw new Error(`webhook: ${res.status} ${await res.text()}`);
  };
  const messageEvent = (externalId: string, sandboxMemberId: string, text: string) => ({
    type: 'message',
    externalId,
    occurredAt: h.clock.now.toISOString(),
    member: { externalId: sandboxMemberId },
    chat: { kind: 'group', groupExternalId: groupId },
    messageExternalId: `m-${externalId}`,
    text,
  });
  const botGroupTexts = async (): Promise<string[]> => {
    const shown = await sb.get(`/api/v1/sandbox/groups/${groupId}/messages`);
    return shown.body.items
      .filter((m: { senderKind: string }) => m.senderKind === 'bot')
      .map((m: { text: string }) => m.text);
  };
  const privateMessages = async (sandboxMemberId: string) => {
    const shown = await sb.get(`/api/v1/sandbox/members/${sandboxMemberId}/messages`);
    return shown.body.items.filter((m: { senderKind: string }) => m.senderKind === 'bot') as {
      text: string;
      attachments: { type: string; title?: string }[];
    }[];
  };
  const api = (method: string, path: string, body?: unknown) => callApi(h, sb.headers, method, path, body);
  return { sb, groupId, run, join, memberIdOf, deliver, messageEvent, botGroupTexts, privateMessages, api };
};

export type LoyaltyWorld = Awaited<ReturnType<typeof setUpLoyaltyWorld>>;

/** A "¥10 off, no threshold, 3 days" template unless told otherwise; returns its id. */
export const createTemplate = async (
  h: Harness,
  headers: Record<string, string>,
  body: Record<string, unknown> = {},
): Promise<string> => {
  const res = await callApi(h, headers, 'POST', '/api/v1/coupon-templates', {
    name: '¥10 no threshold',
    kind: 'fixed',
    amountCents: 1_000,
    validity: { kind: 'relative', days: 3 },
    ...body,
  });
  if (res.status !== 201) throw new Error(`template: ${JSON.stringify(res.body)}`);
  return res.body.id;
};

/** Members straight into the database (one statement), for tests that need many and no platform. */
export const insertMembers = async (
  h: Harness,
  tenantId: string,
  count: number,
  storeId: string | null = null,
) => {
  const rows = await h.deps.db
    .insert(members)
    .values(Array.from({ length: count }, (_, i) => ({ tenantId, storeId, name: `Member ${i + 1}` })))
    .returning({ id: members.id });
  return rows.map((r) => r.id);
};

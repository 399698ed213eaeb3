import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueOutbound } from '../outbox/outbox.store.ts';
import { setUpSandbox } from '../platforms/sandbox/sandbox.fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';

/**
 * The hot tables (inbound events, outbound messages, sandbox messages) keep no foreign key to the brand,
 * and sandbox messages none to the account (schema/columns.ts, tenantIdUnchecked): their rows must still go
 * with the platform account they belong to, through the keys they keep.
 */
describe('hot tables without brand keys', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const countFor = async (table: string, accountId: string) => {
    const { rows } = await h.database.executeSql(
      `select count(*)::int as n from ${table} where platform_account_id = $1`,
      [accountId],
    );
    return (rows[0] as { n: number }).n;
  };

  it('go with their platform account: events, outbound rows, group and private messages', async () => {
    const sb = await setUpSandbox(h);
    const staffId = await sb.createStaffAccount();
    const group = await sb.api('POST', '/api/v1/sandbox/groups', { name: 'Cascade group' });
    const link = await sb.api('POST', '/api/v1/sandbox/links', { kind: 'group', groupIds: [group.body.id] });
    const contact = await sb.api('POST', '/api/v1/sandbox/links', { kind: 'contact', staffIds: [staffId] });
    const memberId = await sb.createMember('Kong');
    await sb.api('POST', '/api/v1/sandbox/links/open', { memberId, link: link.body.token });
    await sb.api('POST', '/api/v1/sandbox/links/open', { memberId, link: contact.body.token });
    await sb.api('POST', `/api/v1/sandbox/groups/${group.body.id}/messages`, { memberId, text: 'hello' });
    const adapter = await h.deps.platforms.adapterFor(sb.brand.tenant.id, sb.accountId);
    await adapter.send({ kind: 'member', memberExternalId: memberId }, { text: 'a private hello' });
    await enqueueOutbound(h.deps.db, {
      tenantId: sb.brand.tenant.id,
      platformAccountId: sb.accountId,
      idempotencyKey: 'cascade',
      kind: 'send',
      payload: { target: { kind: 'group', groupExternalId: group.body.id }, content: { text: 'later' } },
    });
    for (const table of ['inbound_events', 'outbound_messages', 'sandbox_messages'])
      expect(await countFor(table, sb.accountId), table).toBeGreaterThan(0);
    const { rows } = await h.database.executeSql(
      `select count(*)::int as n from sandbox_messages where platform_account_id = $1 and chat_kind = 'private'`,
      [sb.accountId],
    );
    expect((rows[0] as { n: number }).n).toBeGreaterThan(0);

    await h.database.executeSql('delete from platform_accounts where id = $1', [sb.accountId]);
    for (const table of ['inbound_events', 'outbound_messages', 'sandbox_messages'])
      expect(await countFor(table, sb.accountId), table).toBe(0);
  });
});

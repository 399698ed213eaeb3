import { createBrand } from '../../testing/fixtures.ts';
import type { Harness } from '../../testing/harness.ts';
import { createTestClient } from '../../testing/test-client.ts';

/** Test helpers: a brand with a sandbox account, and a JSON caller for its API. */
export const callApi = async (
  h: Harness,
  headers: Record<string, string>,
  method: string,
  path: string,
  body?: unknown,
) =>
  // biome-ignore lint/suspicious/noExplicitAny: test responses are asserted field by field
  createTestClient(h.app).send<any>(method, path, { headers, body });

export const setUpSandbox = async (h: Harness, settings: Record<string, unknown> = {}) => {
  const brand = await createBrand(h.deps);
  const headers = brand.owner.headers;
  const created = await callApi(h, headers, 'POST', '/api/v1/platform-accounts', {
    platform: 'sandbox',
    name: 'Sandbox',
    settings,
  });
  if (created.status !== 201) throw new Error(`sandbox account: ${JSON.stringify(created.body)}`);
  const accountId: string = created.body.id;
  const api = (method: string, path: string, body?: Record<string, unknown>) =>
    callApi(h, headers, method, path, body && { platformAccountId: accountId, ...body });
  const get = (path: string) =>
    callApi(h, headers, 'GET', `${path}${path.includes('?') ? '&' : '?'}platformAccountId=${accountId}`);
  const createMember = async (name: string): Promise<string> => {
    const res = await api('POST', '/api/v1/sandbox/members', { name });
    return res.body.id;
  };
  const createStaffAccount = async (name = 'Guide Wang'): Promise<string> => {
    const res = await api('POST', '/api/v1/sandbox/staff-accounts', { staffId: brand.owner.staff.id, name });
    if (res.status !== 200) throw new Error(`staff account: ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  return {
    brand,
    headers,
    accountId,
    webhookSecret: created.body.webhookSecret as string,
    api,
    get,
    createMember,
    createStaffAccount,
  };
};

export type SandboxSetup = Awaited<ReturnType<typeof setUpSandbox>>;

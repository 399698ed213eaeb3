import type { AuthContext } from '../access/auth-context.ts';
import type { AppDeps } from '../app/deps.ts';
import { notFound } from '../errors.ts';
import { describeError } from '../jobs/backoff.ts';
import { getPlatformAccount } from './platform-accounts.store.ts';
import type { ConnectionCheck } from './platform-operations.ts';

export type ConnectionReport = { platformAccountId: string; isOk: boolean; checks: ConnectionCheck[] };

/**
 * Call the platform with the account's credentials and report what works (WeCom: gettoken, a cheap read
 * that needs the customer-contact permission, the callback keys; Telegram: getMe, the webhook it delivers to).
 * Nothing is changed on either side.
 */
export const checkPlatformAccount = async (
  deps: Pick<AppDeps, 'db' | 'platforms'>,
  auth: AuthContext,
  id: string,
): Promise<ConnectionReport> => {
  const row = await getPlatformAccount(deps.db, auth.tenantId, id);
  if (!row) throw notFound('Platform account');
  let checks: ConnectionCheck[];
  try {
    const adapter = await deps.platforms.adapterFor(auth.tenantId, id);
    checks = adapter.checkConnection
      ? await adapter.checkConnection()
      : [{ name: 'adapter', isOk: true, detail: 'Nothing to connect to: the platform is built in' }];
  } catch (error) {
    checks = [{ name: 'adapter', isOk: false, detail: describeError(error) }];
  }
  return { platformAccountId: id, isOk: checks.every((c) => c.isOk), checks };
};

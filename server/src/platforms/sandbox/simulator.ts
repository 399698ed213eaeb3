import type { AuthContext } from '../../access/auth-context.ts';
import type { AppDeps } from '../../app/deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { wakeEventProcessor } from '../../jobs/job-names.ts';
import { PlatformError } from '../platform.ts';
import { getPlatformAccount } from '../platform-accounts.store.ts';
import { findSandboxUser, type SandboxAccount, type SandboxUser } from './sandbox.store.ts';
import { runInSandbox, type SandboxWorld } from './sandbox-runtime.ts';
import { readSandboxSettings } from './sandbox-settings.ts';

type Deps = Pick<AppDeps, 'db' | 'config' | 'jobs' | 'now'>;

/** A sandbox account of the caller's brand: another brand's is not found, another platform's is a bad request. */
export const resolveSandboxAccount = async (
  deps: Deps,
  auth: AuthContext,
  platformAccountId: string,
): Promise<SandboxAccount> => {
  if (!deps.config.sandboxEnabled) throw new AppError('forbidden', 'The sandbox is disabled on this server');
  const row = await getPlatformAccount(deps.db, auth.tenantId, platformAccountId);
  if (!row) throw notFound('Platform account');
  if (row.platform !== 'sandbox') throw new AppError('bad_request', 'The platform account is not a sandbox');
  return { id: row.id, tenantId: row.tenantId, settings: readSandboxSettings(row.settings) };
};

export const requireSandboxUser = async (
  deps: Pick<AppDeps, 'db'>,
  account: SandboxAccount,
  userId: string,
  kind: 'member' | 'staff',
): Promise<SandboxUser> => {
  const user = await findSandboxUser(deps.db, account, userId, kind);
  if (!user) throw notFound(kind === 'member' ? 'Sandbox member' : 'Sandbox staff account');
  return user;
};

/** The sandbox refuses like a platform; the simulator reports it like an API. */
const toAppError = (error: PlatformError): AppError => {
  const { platformCode } = error.options;
  if (platformCode === 'unknown_target') return new AppError('not_found', error.message);
  if (platformCode === 'invalid_spec') return new AppError('bad_request', error.message);
  return new AppError('conflict', error.message);
};

/** Act as a sandbox user: one transaction for the state change and its events, then wake the worker. */
export const actInSandbox = async <T>(
  deps: Deps,
  account: SandboxAccount,
  action: (world: SandboxWorld) => Promise<T>,
): Promise<T> => {
  try {
    const { result, storedEvents } = await runInSandbox({ db: deps.db, account, now: deps.now }, action);
    if (storedEvents > 0) await wakeEventProcessor(deps.jobs);
    return result;
  } catch (error) {
    if (error instanceof PlatformError) throw toAppError(error);
    throw error;
  }
};

import { randomUUID } from 'node:crypto';
import type { AuthContext } from '../access/auth-context.ts';
import type { AppDeps } from '../app/deps.ts';
import type { PlatformKind } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import type { PlatformAccountRow } from './accounts.ts';
import { accountConnectors } from './factories.ts';
import type { Capabilities } from './platform.ts';
import {
  getPlatformAccount,
  insertPlatformAccount,
  listPlatformAccounts,
} from './platform-accounts.store.ts';
import {
  normalizeSettings,
  type PlatformAccountView,
  prepareSecrets,
  toPlatformAccountView,
  webhookUrlOf,
} from './platform-accounts.ts';

type Deps = Pick<AppDeps, 'db' | 'secretBox' | 'platforms' | 'config' | 'now'>;

export type CreatePlatformAccountInput = {
  platform: PlatformKind;
  name: string;
  settings?: Record<string, unknown>;
  secrets?: Record<string, string>;
};

/** The adapter's capabilities, or null when this build has no adapter for the platform (yet). */
const capabilitiesOf = async (deps: Deps, row: PlatformAccountRow): Promise<Capabilities | null> => {
  try {
    return (await deps.platforms.adapterFor(row.tenantId, row.id)).capabilities;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
};

const viewOf = async (deps: Deps, row: PlatformAccountRow): Promise<PlatformAccountView> =>
  toPlatformAccountView(row, {
    publicUrl: deps.config.publicUrl,
    capabilities: await capabilitiesOf(deps, row),
  });

/**
 * Store a new account. Secrets are sealed before they reach the database and never come back, except a
 * generated webhook secret, once. Touches only `deps.db`, so it can run inside a caller's transaction.
 */
export const addPlatformAccount = async (
  deps: Pick<Deps, 'db' | 'secretBox' | 'config' | 'now'>,
  tenantId: string,
  input: CreatePlatformAccountInput,
): Promise<{ row: PlatformAccountRow; revealOnce: { webhookSecret?: string } }> => {
  if (input.platform === 'sandbox' && !deps.config.sandboxEnabled) {
    throw new AppError('bad_request', 'The sandbox is disabled on this server (ORCHARD_SANDBOX=false)');
  }
  const id = randomUUID();
  const connector = accountConnectors[input.platform];
  // A platform that must be told about the account (a Telegram webhook) learns its id before it is stored.
  const connected = connector
    ? await connector({
        accountId: id,
        settings: input.settings ?? {},
        secrets: input.secrets ?? {},
        webhookUrl: webhookUrlOf(deps.config.publicUrl, id),
      })
    : undefined;
  const settings = connected?.settings ?? normalizeSettings(input.platform, input.settings ?? {});
  const { sealed, revealOnce } = connected
    ? { sealed: connected.secrets, revealOnce: {} }
    : prepareSecrets(input.platform, input.secrets ?? {});
  const row = await insertPlatformAccount(deps.db, {
    id,
    tenantId,
    platform: input.platform,
    name: input.name,
    settings,
    secretsEncrypted: Object.keys(sealed).length > 0 ? deps.secretBox.seal(sealed) : null,
    createdAt: deps.now(),
  });
  return { row, revealOnce };
};

export const createPlatformAccount = async (
  deps: Deps,
  auth: AuthContext,
  input: CreatePlatformAccountInput,
): Promise<PlatformAccountView & { webhookSecret?: string }> => {
  const { row, revealOnce } = await addPlatformAccount(deps, auth.tenantId, input);
  return { ...(await viewOf(deps, row)), ...revealOnce };
};

export const listPlatformAccountViews = async (
  deps: Deps,
  auth: AuthContext,
): Promise<PlatformAccountView[]> => {
  const rows = await listPlatformAccounts(deps.db, auth.tenantId);
  return Promise.all(rows.map((row) => viewOf(deps, row)));
};

export const getPlatformAccountView = async (
  deps: Deps,
  auth: AuthContext,
  id: string,
): Promise<PlatformAccountView> => {
  const row = await getPlatformAccount(deps.db, auth.tenantId, id);
  if (!row) throw notFound('Platform account');
  return viewOf(deps, row);
};

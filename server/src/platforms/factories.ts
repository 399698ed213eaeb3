import type { PlatformKind } from '../db/schema/index.ts';
import type { AccountConnector, AdapterFactory } from './registry.ts';
import { createSandboxAdapter } from './sandbox/sandbox-adapter.ts';
import { createTelegramAdapter } from './telegram/telegram-adapter.ts';
import { connectTelegramAccount } from './telegram/telegram-connection.ts';
import { createWecomAdapter } from './wecom/wecom-adapter.ts';

/** Every platform Orchard can talk to. The sandbox, WeCom and Telegram adapters register here. */
export const adapterFactories: Partial<Record<PlatformKind, AdapterFactory>> = {
  sandbox: createSandboxAdapter,
  telegram: createTelegramAdapter,
  wecom: createWecomAdapter,
};

/** Platforms whose accounts are checked with the platform before they are stored. */
export const accountConnectors: Partial<Record<PlatformKind, AccountConnector>> = {
  telegram: connectTelegramAccount,
};

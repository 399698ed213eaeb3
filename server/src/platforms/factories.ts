import type { PlatformKind } from '../db/schema/index.ts';
import type { AdapterFactory } from './registry.ts';
import { createSandboxAdapter } from './sandbox/sandbox-adapter.ts';
import { createWecomAdapter } from './wecom/wecom-adapter.ts';

/** Every platform Orchard can talk to. The sandbox, WeCom and Telegram adapters register here. */
export const adapterFactories: Partial<Record<PlatformKind, AdapterFactory>> = {
  sandbox: createSandboxAdapter,
  wecom: createWecomAdapter,
};

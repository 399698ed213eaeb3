import type { AppDeps } from '../app/deps.ts';
import { AppError } from '../errors.ts';
import { type PlatformAdapter, PlatformError } from '../platforms/platform.ts';

/** An adapter that can open groups: the capability says so and the method exists. */
export const canOpenGroups = (
  adapter: PlatformAdapter,
): adapter is PlatformAdapter & { createGroup: NonNullable<PlatformAdapter['createGroup']> } =>
  adapter.capabilities.canCreateGroup && adapter.createGroup !== undefined;

/**
 * Open a group on the platform (never inside a transaction: it is a network call). A refusal becomes
 * an AppError for API callers; the rollover job handles PlatformError itself.
 */
export const openGroupForCaller = async (
  deps: AppDeps,
  adapter: PlatformAdapter,
  input: { name: string; capacity: number },
): Promise<string> => {
  if (!canOpenGroups(adapter)) throw new AppError('bad_request', 'This platform cannot create groups');
  try {
    return (await adapter.createGroup(input)).externalId;
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    deps.logger.warn({ code: error.code, message: error.message }, 'communities: platform refused a group');
    throw new AppError(
      error.isTemporary ? 'platform_unavailable' : 'bad_request',
      `The platform did not create the group: ${error.message}`,
    );
  }
};

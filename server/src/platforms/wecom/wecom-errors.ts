import { PlatformError } from '../platform.ts';

/**
 * WeCom answers every call with `errcode` (0 = ok). Orchard decides on the code, never on `errmsg`,
 * which is free text that changes with the platform's wording.
 */
export const wecomErrcodes = {
  busy: -1,
  invalidToken: 40014,
  tokenExpired: 42001,
  frequencyLimit: 45009,
  concurrencyLimit: 45033,
  welcomeCodeInvalid: 41050,
  chatAlreadyStarted: 41051,
  groupDismissed: 49008,
  /**
   * An id WeCom does not know (`invalid parameter`): what it answers for a join way's unknown config_id, and for
   * a group welcome template that is not (or no longer) there, whose template_id is the call's only parameter.
   */
  invalidParameter: 40058,
} as const;

/** Codes after which a fresh access token may make the same call succeed. */
export const isTokenErrcode = (errcode: number): boolean =>
  errcode === wecomErrcodes.invalidToken || errcode === wecomErrcodes.tokenExpired;

/** A breach of WeCom's per-API frequency limit blocks that API for 60 s. */
export const FREQUENCY_BLOCK_MS = 60_000;

const temporaryWaits: Record<number, { code: 'rate_limited' | 'unavailable'; waitMs: number; name: string }> =
  {
    [wecomErrcodes.busy]: { code: 'unavailable', waitMs: 2_000, name: 'system_busy' },
    [wecomErrcodes.frequencyLimit]: {
      code: 'rate_limited',
      waitMs: FREQUENCY_BLOCK_MS,
      name: 'frequency_limit',
    },
    [wecomErrcodes.concurrencyLimit]: { code: 'rate_limited', waitMs: 1_000, name: 'concurrency_limit' },
    [wecomErrcodes.invalidToken]: { code: 'unavailable', waitMs: 1_000, name: 'invalid_token' },
    [wecomErrcodes.tokenExpired]: { code: 'unavailable', waitMs: 1_000, name: 'token_expired' },
  };

/** Named permanent refusals: the outbox keeps the name as the reason and never retries them. */
const permanentNames: Record<number, string> = {
  [wecomErrcodes.welcomeCodeInvalid]: 'welcome_code_invalid: the WelcomeCode expired (20 s) or was used',
  [wecomErrcodes.chatAlreadyStarted]: 'chat_already_started: the staff member already talked to the customer',
  [wecomErrcodes.groupDismissed]: 'group_dismissed',
  40001: 'invalid_credential: check the app secret',
  40013: 'invalid_corpid',
  48002: 'api_forbidden: the app lacks this permission',
  60011: 'no_privilege: the app cannot see this staff member or customer',
  84061: 'not_external_contact: the customer is not a contact of this staff member',
};

/** The PlatformError for a non-zero errcode of `api` (a path such as externalcontact/send_welcome_msg). */
export const toPlatformError = (api: string, errcode: number): PlatformError => {
  const wait = temporaryWaits[errcode];
  if (wait) {
    return new PlatformError(wait.code, `WeCom ${api}: ${errcode} ${wait.name}`, {
      temporary: true,
      retryAfterMs: wait.waitMs,
      platformCode: errcode,
    });
  }
  const name = permanentNames[errcode] ?? 'refused';
  return new PlatformError('rejected', `WeCom ${api}: ${errcode} ${name}`, {
    temporary: false,
    platformCode: errcode,
  });
};

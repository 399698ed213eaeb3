import { type Capabilities, type PlatformAdapter, PlatformError } from '../platform.ts';
import type { ConnectionCheck } from '../platform-operations.ts';
import type { AdapterContext } from '../registry.ts';
import { type ApiLimiter, sharedApiLimiter } from './wecom-api-limiter.ts';
import { createWecomClient, type WecomClient } from './wecom-client.ts';
import { MAX_ATTACHMENTS } from './wecom-content.ts';
import {
  createWecomTags,
  fetchWecomContact,
  fetchWecomGroup,
  listWecomContacts,
  listWecomGroups,
  listWecomStaff,
  listWecomTags,
  markWecomTags,
} from './wecom-directory.ts';
import {
  createWecomEntryLink,
  createWecomMassTask,
  deleteWecomGroupWelcome,
  fetchWecomMassReport,
  fetchWecomMomentResult,
  MAX_STATE_LENGTH,
  postWecomMoment,
  sendWecomTask,
  sendWecomWelcome,
  setWecomGroupWelcome,
} from './wecom-messaging.ts';
import {
  massPerMonthOf,
  massQuotaRuleOf,
  type WecomSettings,
  wecomSecretsSchema,
  wecomSettingsSchema,
} from './wecom-settings.ts';
import { handleWecomWebhook } from './wecom-webhook.ts';

/** What a WeCom self-built app can do for Orchard; features read this, never the platform's name. */
export const wecomCapabilities = (settings: WecomSettings): Capabilities => {
  const massQuota = massQuotaRuleOf(settings);
  return {
    // A customer or group is reached only through a mass-send task a staff member confirms.
    canSendDirect: false,
    welcome: { mode: 'token', deadlineMs: 20_000, maxAttachments: MAX_ATTACHMENTS },
    groupWelcome: 'template',
    // By URL only: mini-programs and files need a media upload (not built); coupons go as member-page links.
    attachments: ['image', 'link'],
    entryLinks: { contact: true, group: true, autoCreateGroup: true, maxStateLength: MAX_STATE_LENGTH },
    moderation: { delete: false, mute: false, remove: false, ban: false },
    canCreateGroup: false,
    canReadGroupMessages: false,
    canSendDice: false,
    tags: 'platform',
    moments: true,
    joinRequests: false,
    groupCapacity: 500,
    // 10,000 calls a minute per API per company, kept under with room for the other APIs.
    rateLimits: { perSecond: 150, perChatPerMinute: 60, massPerMemberPerMonth: massPerMonthOf(massQuota) },
    massQuota,
  };
};

export type WecomAdapterOptions = { limiter?: ApiLimiter; fetch?: typeof fetch };

/** Builds the adapter of one WeCom account; closes over its settings, its sealed secrets and one API client. */
export const createWecomAdapterFactory =
  (options: WecomAdapterOptions = {}) =>
  (context: AdapterContext): PlatformAdapter => {
    const settings = wecomSettingsSchema.parse(context.account.settings);
    const secrets = wecomSecretsSchema.safeParse(context.secrets);
    const keys = secrets.success
      ? {
          token: secrets.data.callbackToken,
          encodingAesKey: secrets.data.encodingAesKey,
          receiveId: settings.corpId,
        }
      : null;
    const noSecret = async (): Promise<never> => {
      throw new PlatformError('rejected', 'This WeCom account has no valid app secret', { temporary: false });
    };
    const client: WecomClient = secrets.success
      ? createWecomClient({
          baseUrl: settings.apiBaseUrl,
          corpId: settings.corpId,
          secret: secrets.data.secret,
          now: context.now,
          limiter: options.limiter ?? sharedApiLimiter,
          fetch: options.fetch,
        })
      : { call: noSecret, accessToken: noSecret };

    return {
      platform: 'wecom',
      capabilities: wecomCapabilities(settings),
      handleWebhook: async (request) =>
        handleWecomWebhook(keys, request, {
          now: context.now(),
          replayWindowMs: settings.replayWindowSeconds * 1000,
        }),
      send: (target, content) => sendWecomTask(client, target, content),
      sendWelcome: (input) => sendWecomWelcome(client, input),
      createEntryLink: (spec) => createWecomEntryLink(client, spec),
      sendMass: (input) => createWecomMassTask(client, input),
      fetchMassSendReport: (input) => fetchWecomMassReport(client, input),
      setGroupWelcome: (content) => setWecomGroupWelcome(client, content),
      deleteGroupWelcome: (templateId) => deleteWecomGroupWelcome(client, templateId),
      postMoment: (input) => postWecomMoment(client, input),
      fetchMomentResult: (jobid) => fetchWecomMomentResult(client, jobid),
      fetchGroup: (chatId) => fetchWecomGroup(client, chatId),
      listGroups: (cursor) => listWecomGroups(client, cursor),
      listStaffExternalIds: () => listWecomStaff(client),
      listContacts: (input) => listWecomContacts(client, input),
      fetchContact: (externalId) => fetchWecomContact(client, externalId),
      listPlatformTags: () => listWecomTags(client),
      createPlatformTags: (input) => createWecomTags(client, input),
      markPlatformTags: (input) => markWecomTags(client, input),
      checkConnection: () => checkWecomConnection(client, keys !== null),
    };
  };

export const createWecomAdapter = createWecomAdapterFactory();

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The connection check: credentials (gettoken), the customer-contact permission (a cheap read), callback keys. */
export const checkWecomConnection = async (
  client: WecomClient,
  hasCallbackKeys: boolean,
): Promise<ConnectionCheck[]> => {
  const checks: ConnectionCheck[] = [];
  try {
    await client.accessToken();
    checks.push({ name: 'credentials', isOk: true, detail: 'gettoken accepted the corp id and secret' });
  } catch (error) {
    checks.push({ name: 'credentials', isOk: false, detail: describe(error) });
    return checks;
  }
  try {
    const staff = await listWecomStaff(client);
    checks.push({
      name: 'customer_contact',
      isOk: true,
      detail: `${staff.length} staff member(s) with customer contact are visible to the app`,
    });
  } catch (error) {
    checks.push({ name: 'customer_contact', isOk: false, detail: describe(error) });
  }
  checks.push({
    name: 'callback',
    isOk: hasCallbackKeys,
    detail: hasCallbackKeys
      ? 'callback token and EncodingAESKey are set; WeCom verifies the URL when you save it'
      : 'callback token or EncodingAESKey missing',
  });
  return checks;
};

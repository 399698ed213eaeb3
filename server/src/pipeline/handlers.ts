import { trackCommunities } from '../communities/communities.handler.ts';
import { answerJoinRequests } from '../join-requests/join-requests.handler.ts';
import { keywordAssistant } from '../keywords/keyword-assistant.ts';
import { recordStaffContacts } from '../members/record-staff-contacts.ts';
import { moderateGroupMessages } from '../moderation/moderate-group-message.ts';
import { requestPlatformSyncs } from '../platform-sync/platform-sync.handler.ts';
import type { Middleware } from './middleware.ts';

/**
 * The feature handlers every inbound event runs through, in order, after the built-in resolve step.
 * Features append their middleware here (acquisition, fission, loyalty…); each one looks at
 * `ctx.event.type` and calls `next()`.
 */
export const featureHandlers: Middleware[] = [
  // Membership first: counts, timeline and churn alerts must not depend on what later handlers decide.
  trackCommunities,
  recordStaffContacts,
  requestPlatformSyncs,
  // Moderation first: a message it acts on gets no keyword reply.
  moderateGroupMessages,
  keywordAssistant,
  answerJoinRequests,
];

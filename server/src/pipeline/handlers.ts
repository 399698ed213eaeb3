import { trackArrivals } from '../acquisition/acquisition.handler.ts';
import { recordGroupActivity } from '../analytics/record-group-activity.ts';
import { trackCommunities } from '../communities/communities.handler.ts';
import { recordInvites } from '../fission/fission.handler.ts';
import { answerJoinRequests } from '../join-requests/join-requests.handler.ts';
import { keywordAssistant } from '../keywords/keyword-assistant.ts';
import { dailyCheckIn } from '../loyalty/checkin/checkin.handler.ts';
import { earnOrderPoints } from '../loyalty/points/order-points.handler.ts';
import { moderateGroupMessages } from '../moderation/moderate-group-message.ts';
import { recordPlatformOrders } from '../orders/platform-orders.handler.ts';
import { requestPlatformSyncs } from '../platform-sync/platform-sync.handler.ts';
import { recordMessageActivity } from '../timeline/record-message-activity.ts';
import { retireDismissedGroupWelcomes, sendWelcomes } from '../welcome/welcome.handler.ts';
import type { Middleware } from './middleware.ts';

/**
 * The feature handlers every inbound event runs through, in order, after the built-in resolve step.
 * Features append their middleware here (acquisition, fission, loyalty…); each one looks at
 * `ctx.event.type` and calls `next()`.
 */
export const featureHandlers: Middleware[] = [
  // Membership first: counts, timeline and churn alerts must not depend on what later handlers decide.
  trackCommunities,
  // A dismissed group's welcome templates are deleted on the platform (after tracking marked it dismissed).
  retireDismissedGroupWelcomes,
  requestPlatformSyncs,
  // Arrivals after membership (it says whether a join is new); sets ctx.arrival for what follows.
  trackArrivals,
  // Fission reads ctx.arrival: an arrival through a member's invite code is an invite; a leave voids one.
  recordInvites,
  sendWelcomes,
  recordMessageActivity,
  recordGroupActivity,
  // Moderation first: a message it acts on gets no keyword reply.
  moderateGroupMessages,
  // Loyalty: orders earn points; a check-in keyword is a command the keyword assistant does not answer.
  earnOrderPoints,
  // Orders: the analytics record of a platform-reported order (revenue, attribution).
  recordPlatformOrders,
  dailyCheckIn,
  keywordAssistant,
  answerJoinRequests,
];

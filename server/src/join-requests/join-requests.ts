/**
 * Pure rule for a request to join a group (Telegram links that need approval): Orchard answers what it can
 * decide and leaves the rest to staff.
 */

export type JoinRequestFacts = {
  /** The request came through a link Orchard created (the platform reported its attribution state). */
  isOrchardLink: boolean;
  /** Moderation banned the member from this account's groups before. */
  isBanned: boolean;
  /** The platform lets Orchard approve or decline (capabilities.joinRequests). */
  canAnswer: boolean;
};

export type JoinRequestDecision = 'approve' | 'decline' | 'staff';

/** A ban outweighs the link; a request from elsewhere (another admin's link) is for staff to judge. */
export const decideJoinRequest = (facts: JoinRequestFacts): JoinRequestDecision => {
  if (!facts.canAnswer) return 'staff';
  if (facts.isBanned) return 'decline';
  return facts.isOrchardLink ? 'approve' : 'staff';
};

import type { MassRecipientStatus } from '../db/schema/index.ts';
import type { Capabilities } from '../platforms/platform.ts';
import type { MassDeliveryStatus, MassQuotaRule, MassSendReport } from '../platforms/platform-operations.ts';

/**
 * Mass sends, pure rules: the platform's per-recipient quota as a time window, which recipients fit it,
 * and what a platform's report means for each recipient. No database, no platform calls.
 */

/** The rule of an account: the adapter's exact rule, else its monthly figure, else none (no cap). */
export const massQuotaRuleOf = (capabilities: Capabilities): MassQuotaRule | null => {
  if (capabilities.massQuota) return capabilities.massQuota;
  const perMonth = capabilities.rateLimits.massPerMemberPerMonth;
  return perMonth ? { period: 'month', limit: perMonth, utcOffsetMinutes: 0 } : null;
};

export type QuotaWindow = { start: Date; end: Date; limit: number };

const DAY_MS = 86_400_000;

/** The period containing `at`, counted in the platform's time zone, and how many sends it allows. */
export const quotaWindowOf = (rule: MassQuotaRule, at: Date): QuotaWindow => {
  const offsetMs = rule.utcOffsetMinutes * 60_000;
  // Shift into the platform's zone and read the calendar with UTC getters.
  const local = new Date(at.getTime() + offsetMs);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  let startLocal: number;
  let endLocal: number;
  if (rule.period === 'day') {
    startLocal = midnight;
    endLocal = midnight + DAY_MS;
  } else if (rule.period === 'week') {
    // Weeks start on Monday.
    startLocal = midnight - ((local.getUTCDay() + 6) % 7) * DAY_MS;
    endLocal = startLocal + 7 * DAY_MS;
  } else {
    startLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1);
    endLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1);
  }
  const limit = rule.limit === 'days_in_month' ? Math.round((endLocal - startLocal) / DAY_MS) : rule.limit;
  return { start: new Date(startLocal - offsetMs), end: new Date(endLocal - offsetMs), limit };
};

/** Recipients that may still receive one in this window, in order, and those that may not. */
export const splitByQuota = (
  recipientIds: string[],
  used: ReadonlyMap<string, number>,
  limit: number,
): { allowed: string[]; overQuota: string[] } => {
  const allowed: string[] = [];
  const overQuota: string[] = [];
  for (const id of new Set(recipientIds)) ((used.get(id) ?? 0) < limit ? allowed : overQuota).push(id);
  return { allowed, overQuota };
};

const statusOfDelivery: Record<MassDeliveryStatus, MassRecipientStatus> = {
  pending: 'pending',
  sent: 'sent',
  not_contact: 'not_contact',
  over_quota: 'over_quota',
};

export type RecipientOutcome = { externalId: string; status: MassRecipientStatus; sentAt?: Date };

/**
 * What a platform report means for each tracked recipient. Once the sender confirmed, a recipient the
 * report does not list was refused when the task was created (WeCom's fail_list): not a contact.
 */
export const settleRecipients = (
  tracked: string[],
  report: MassSendReport,
): { outcomes: RecipientOutcome[]; isComplete: boolean } => {
  const byId = new Map(report.recipients.map((r) => [r.externalId, r]));
  const outcomes = tracked.map((externalId): RecipientOutcome => {
    const found = byId.get(externalId);
    if (!found) return { externalId, status: report.isConfirmed ? 'not_contact' : 'pending' };
    return { externalId, status: statusOfDelivery[found.status], sentAt: found.sentAt };
  });
  const isComplete = report.isConfirmed && outcomes.every((o) => o.status !== 'pending');
  return { outcomes, isComplete };
};

/** A task nobody confirmed for this long is given up, and its recipients' quota released. */
export const MASS_SEND_EXPIRY_MS = 7 * DAY_MS;

/** Poll often while a confirmation is likely soon, then less and less. */
export const nextCheckDelayMs = (ageMs: number): number => {
  if (ageMs < 3_600_000) return 5 * 60_000;
  if (ageMs < DAY_MS) return 30 * 60_000;
  return 2 * 3_600_000;
};

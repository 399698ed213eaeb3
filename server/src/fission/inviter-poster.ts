import { renderPosterPng, renderPosterSvg } from '../acquisition/code-images.ts';
import type { AppDeps } from '../app/deps.ts';
import { notFound } from '../errors.ts';
import { inviterLinkOf } from './enroll-inviter.ts';
import { findInviter, findMemberName, loadCampaign } from './fission.store.ts';

/**
 * An inviter's personal poster: the campaign's headline, the QR of their own invite link and their name,
 * drawn by acquisition's poster code (PNG with the bitmap font, or SVG with real text for any script).
 */
export const renderInviterPoster = async (
  deps: AppDeps,
  input: { tenantId: string; campaignId: string; memberId: string; format: 'png' | 'svg' },
): Promise<{ body: Uint8Array<ArrayBuffer> | string; contentType: string }> => {
  const record = await loadCampaign(deps.db, input.tenantId, input.campaignId);
  if (!record) throw notFound('Fission campaign');
  const inviter = await findInviter(deps.db, input.tenantId, input.campaignId, input.memberId);
  const link = inviter ? await inviterLinkOf(deps, input.tenantId, inviter) : null;
  if (!link) throw notFound('Inviter');
  const name = (await findMemberName(deps.db, input.tenantId, input.memberId)) ?? '';
  const poster = { headline: record.config.headline, caption: `Invited by ${name}`, link };
  return input.format === 'svg'
    ? { body: renderPosterSvg(poster), contentType: 'image/svg+xml' }
    : { body: new Uint8Array(renderPosterPng(poster)), contentType: 'image/png' };
};

import { apiKeysRouter } from '../access/api-keys.routes.ts';
import { authRouter } from '../access/auth.routes.ts';
import { channelCodesRouter } from '../acquisition/channel-codes.routes.ts';
import { partnersRouter } from '../acquisition/partners.routes.ts';
import { publicLinkRouter } from '../acquisition/public-link.routes.ts';
import { analyticsRouter } from '../analytics/analytics.routes.ts';
import { analyticsReportsRouter } from '../analytics/reports.routes.ts';
import type { AppDeps } from '../app/deps.ts';
import { auditMutations } from '../audit/audit.middleware.ts';
import { auditRouter } from '../audit/audit.routes.ts';
import { communitiesRouter } from '../communities/communities.routes.ts';
import { fissionRouter } from '../fission/fission.routes.ts';
import { meFissionRouter } from '../fission/me-fission.routes.ts';
import { keywordsRouter } from '../keywords/keywords.routes.ts';
import { couponsRouter } from '../loyalty/coupons/coupons.routes.ts';
import { levelsRouter } from '../loyalty/levels/levels.routes.ts';
import { mallRouter } from '../loyalty/mall/mall.routes.ts';
import { meRouter } from '../loyalty/me/me.routes.ts';
import { meCheckinRouter } from '../loyalty/me/me-checkin.routes.ts';
import { memberLinkScheme } from '../loyalty/me/require-member.ts';
import { pointsRouter } from '../loyalty/points/points.routes.ts';
import { loyaltySettingsRouter } from '../loyalty/settings/settings.routes.ts';
import { massSendsRouter } from '../mass-sends/mass-sends.routes.ts';
import { membersRouter } from '../members/members.routes.ts';
import { membersCsvRouter } from '../members/members-csv.routes.ts';
import { moderationRouter } from '../moderation/moderation.routes.ts';
import { operationsRouter } from '../operations/operations.routes.ts';
import { ordersRouter, ordersWebhookRouter } from '../orders/orders.routes.ts';
import { orgRouter } from '../org/org.routes.ts';
import { staffRouter } from '../org/staff.routes.ts';
import { platformSyncRouter } from '../platform-sync/platform-sync.routes.ts';
import { platformAccountsRouter } from '../platforms/platform-accounts.routes.ts';
import { platformConnectionRouter } from '../platforms/platform-connection.routes.ts';
import { simulatorRouter } from '../platforms/sandbox/simulator.routes.ts';
import { staffAccountsRouter } from '../platforms/staff-accounts.routes.ts';
import { webhookRouter } from '../platforms/webhook.routes.ts';
import { tagsRouter } from '../tags/tags.routes.ts';
import { welcomeRouter } from '../welcome/welcome.routes.ts';
import { createHttpApp } from './app.ts';
import { mountDocs } from './docs.ts';

/** The whole HTTP surface: each feature mounts its router here. */
export const buildHttpApp = (deps: AppDeps) => {
  const app = createHttpApp(deps);
  app.get('/healthz', async (c) => {
    await deps.database.executeSql('select 1', []);
    return c.json({ status: 'ok', database: deps.database.kind });
  });
  // Audits every successful mutation under /api/v1; registered before any router so it wraps them all.
  app.use('/api/v1/*', auditMutations(app));
  // Feature routers (each a createRouter() from http/app.ts) are mounted below.
  // The auth router goes first: a router that applies requireAuth with use('*') must not shadow login.
  app.route('/api/v1', authRouter);
  app.route('/api/v1', orgRouter);
  app.route('/api/v1', staffRouter);
  app.route('/api/v1', apiKeysRouter);
  app.route('/api/v1', auditRouter);
  // Before membersRouter: /members/export and /members/tags must not be taken for /members/{id}.
  app.route('/api/v1', membersCsvRouter);
  app.route('/api/v1', tagsRouter);
  app.route('/api/v1', membersRouter);
  app.route('/api/v1', platformAccountsRouter);
  app.route('/api/v1', platformConnectionRouter);
  app.route('/api/v1', staffAccountsRouter);
  app.route('/api/v1', platformSyncRouter);
  app.route('/api/v1', massSendsRouter);
  app.route('/api/v1', simulatorRouter);
  app.route('/api/v1', operationsRouter);
  app.route('/api/v1', communitiesRouter);
  app.route('/api/v1', keywordsRouter);
  app.route('/api/v1', moderationRouter);
  app.route('/api/v1', channelCodesRouter);
  app.route('/api/v1', partnersRouter);
  app.route('/api/v1', welcomeRouter);
  app.route('/api/v1', loyaltySettingsRouter);
  app.route('/api/v1', levelsRouter);
  app.route('/api/v1', pointsRouter);
  app.route('/api/v1', couponsRouter);
  app.route('/api/v1', mallRouter);
  app.route('/api/v1', fissionRouter);
  app.route('/api/v1', ordersRouter);
  app.route('/api/v1', analyticsRouter);
  app.route('/api/v1', analyticsReportsRouter);
  // Member pages: authenticated by a signed member link, not by staff credentials.
  app.openAPIRegistry.registerComponent('securitySchemes', 'memberLink', memberLinkScheme);
  app.route('/api/v1', meRouter);
  app.route('/api/v1', meCheckinRouter);
  app.route('/api/v1', meFissionRouter);
  // Platforms deliver here without a bearer token; the adapter's signature check authenticates them.
  app.route('/', ordersWebhookRouter);
  app.route('/', webhookRouter);
  // A code's public link (what its QR encodes): customers open it without signing in.
  app.route('/', publicLinkRouter);
  mountDocs(app);
  return app;
};

export type HttpApp = ReturnType<typeof buildHttpApp>;

/** The pipeline's public face for feature code: write a Middleware, append it to featureHandlers. */
export { featureHandlers } from './handlers.ts';
export { ingestEvents, receiveEvents } from './ingest.ts';
export type {
  EnqueueRequest,
  EventContext,
  Middleware,
  ResolvedIdentity,
  ResolvedMember,
  ResolvedStaffAccount,
} from './middleware.ts';
export { compose } from './middleware.ts';
export { processPendingEvents, retryFailedEvent } from './process-events.ts';

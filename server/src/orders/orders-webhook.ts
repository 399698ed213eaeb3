import type { AppDeps } from '../app/deps.ts';
import { AppError } from '../errors.ts';
import { checkSandboxSignature, signSandboxBody } from '../platforms/sandbox/sandbox-signature.ts';
import { orderWebhookSchema } from './orders.schemas.ts';
import { recordOrder } from './record-order.ts';
import { refundOrder } from './refund-order.ts';

export const ORDER_SIGNATURE_HEADER = 'x-orchard-signature';
export const ORDER_TIMESTAMP_HEADER = 'x-orchard-timestamp';

/** The brand's webhook secret, derived from the server secret (nothing to store; the same for every request). */
export const orderWebhookSecretOf = (deps: Pick<AppDeps, 'secretBox'>, tenantId: string): string =>
  deps.secretBox.mac('orders-webhook', tenantId);

/** What a POS signs: HMAC-SHA256 hex of `${timestampMs}.${body}` (the same scheme as the sandbox platform). */
export const signOrderWebhook = signSandboxBody;

/**
 * A signed delivery from a POS or shop: verified (signature, 5-minute replay window) before the body is read as
 * JSON; an order is recorded once per external id and a refund once per refund id, so a redelivery changes nothing.
 */
export const receiveOrderWebhook = async (
  deps: AppDeps,
  input: { tenantId: string; body: string; signature: string | null; timestamp: string | null },
) => {
  const check = checkSandboxSignature({
    secret: orderWebhookSecretOf(deps, input.tenantId),
    body: input.body,
    signature: input.signature,
    timestamp: input.timestamp,
    now: deps.now(),
  });
  if (check !== 'ok') throw new AppError('unauthenticated', `Webhook signature ${check}`);
  let json: unknown;
  try {
    json = JSON.parse(input.body);
  } catch {
    throw new AppError('bad_request', 'The body is not JSON');
  }
  const parsed = orderWebhookSchema.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError(
      'validation_failed',
      `Invalid delivery: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
      details,
    );
  }
  const scope = { kind: 'brand' } as const;
  const event = parsed.data;
  if (event.type === 'order.created') {
    const result = await recordOrder(deps.db, {
      tenantId: input.tenantId,
      scope,
      order: event.order,
      source: 'webhook',
    });
    return { orderId: result.order.id, isNew: result.isNew };
  }
  const result = await refundOrder(deps.db, {
    tenantId: input.tenantId,
    scope,
    orderExternalId: event.orderExternalId,
    refund: event.refund,
  });
  return { orderId: result.order.id, isNew: result.isNew };
};

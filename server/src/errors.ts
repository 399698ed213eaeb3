/** One error type for the domain; its code decides the HTTP status in exactly one place. */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'platform_unavailable'
  | 'internal'
  // Loyalty: rewards and redemptions refused for a reason the caller can act on.
  | 'insufficient_points'
  | 'out_of_stock'
  | 'limit_reached'
  | 'not_eligible'
  | 'already_checked_in'
  | 'coupon_already_redeemed'
  | 'coupon_expired'
  | 'coupon_voided'
  | 'coupon_not_applicable';

export const httpStatusOf: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 422 | 429 | 500 | 502> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  platform_unavailable: 502,
  internal: 500,
  insufficient_points: 409,
  out_of_stock: 409,
  limit_reached: 409,
  not_eligible: 403,
  already_checked_in: 409,
  coupon_already_redeemed: 409,
  coupon_expired: 409,
  coupon_voided: 409,
  coupon_not_applicable: 422,
};

export type ErrorDetail = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);

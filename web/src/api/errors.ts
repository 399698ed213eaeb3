/** A field problem as the server reports it: `path` is dotted (`scope.id`, `roles.0.storeId`, `row 3.phone`). */
export type ErrorDetail = { path: string; message: string };

type ErrorBody = { error?: { code?: string; message?: string; details?: ErrorDetail[] } };

/** The server's `{ error: { code, message, details? } }` as an exception the console can show. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];

  constructor(status: number, code: string, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  static from(status: number, body: unknown): ApiError {
    const error = (body as ErrorBody | undefined)?.error;
    return new ApiError(
      status,
      error?.code ?? 'http_error',
      error?.message ?? `HTTP ${status}`,
      Array.isArray(error?.details) ? error.details : [],
    );
  }
}

/** A form field name for a server path: `roles.0.storeId` → ['roles', 0, 'storeId']. */
export const fieldNameOf = (path: string): (string | number)[] =>
  path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/**
 * Splits the server's details into those that name a field of the form and the rest, so the form can show
 * each message under its field and the rest above the form.
 */
export const splitDetails = (details: ErrorDetail[], isField: (name: (string | number)[]) => boolean) => {
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  const other: ErrorDetail[] = [];
  for (const detail of details) {
    const name = fieldNameOf(detail.path);
    if (isField(name)) {
      const existing = fields.find((f) => f.name.join('.') === name.join('.'));
      if (existing) existing.errors.push(detail.message);
      else fields.push({ name, errors: [detail.message] });
    } else other.push(detail);
  }
  return { fields, other };
};

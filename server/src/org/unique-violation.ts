/** Postgres reports a unique-constraint violation as SQLSTATE 23505; Drizzle wraps the driver error as `cause`. */
export const isUniqueViolation = (error: unknown): boolean => {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    if (typeof current !== 'object') return false;
    if ('code' in current && current.code === '23505') return true;
    current = 'cause' in current ? current.cause : undefined;
  }
  return false;
};

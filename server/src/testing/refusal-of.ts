import { expect } from 'vitest';
import { PlatformError } from '../platforms/platform.ts';

/** The PlatformError a platform call was refused with (the test fails if it resolved or threw anything else). */
export const refusalOf = async (promise: Promise<unknown>): Promise<PlatformError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
};

import { AppError } from '../src/domain/errors.js';

/** The AppError `fn` throws; fails the test when it throws nothing or something else. */
export function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

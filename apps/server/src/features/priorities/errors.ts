import { AppError } from '../../lib/errors';

/** A 400 that names the field, as the validation errors do. */
export function invalid(path: string, message: string): AppError {
  return new AppError('validation', `Invalid ${path}: ${message}`, [{ path, message }]);
}

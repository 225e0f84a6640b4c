// The Result envelope on the host side: handlers return these, never throw across IPC.
import type { ApiError, Result } from '../../shared/ipc/api';

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(error: ApiError | string): Result<never> {
  return { ok: false, error: typeof error === 'string' ? { message: error } : error };
}

/** An error that already carries what the user should see (message, file, line, code). */
export class UserError extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
  }
}

/** Turn anything thrown into a one-line ApiError (no stack traces reach the user). */
export function toApiError(err: unknown, file?: string): ApiError {
  if (err instanceof UserError) return err.apiError;
  const e = err as NodeJS.ErrnoException | undefined;
  const message = firstLine(e?.message ?? String(err));
  // System errors (ENOENT, EACCES…) are about a file; Node's own ERR_* codes are not.
  if (e && typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) {
    return { message: describeErrno(e.code, e.path ?? file, message), file: e.path ?? file, code: 'io' };
  }
  return { message, ...(file ? { file } : {}), code: 'internal' };
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0].trim() || 'unknown error';
}

function describeErrno(code: string, file: string | undefined, fallback: string): string {
  const where = file ?? 'file';
  switch (code) {
    case 'ENOENT':
      return `${where}: no such file or folder`;
    case 'EACCES':
    case 'EPERM':
      return `${where}: permission denied`;
    case 'EISDIR':
      return `${where}: is a folder, not a file`;
    case 'ENOSPC':
      return `${where}: no space left on the disk`;
    default:
      return fallback;
  }
}

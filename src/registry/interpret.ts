/**
 * Translates storage errors into API errors once, at the registry boundary (upstream's
 * storage.Interpret*Error): storage speaks keys, clients expect resources and names.
 */
import { ApiError, alreadyExists, badRequest, conflict, internalError, notFound, optimisticLockMessage } from '../apis/meta/errors.js';
import type { GroupResource } from '../apis/meta/types.js';
import { StorageError } from '../storage/storage.js';

/** expiredMessage: what a 410 says in this context (lists, continue tokens and watches differ). */
export function interpretStorageError(err: unknown, gr: GroupResource, name: string, expiredMessage?: string): unknown {
  if (!(err instanceof StorageError)) return err;
  switch (err.code) {
    case 'KeyNotFound':
      return notFound(gr, name);
    case 'KeyExists':
      return alreadyExists(gr, name);
    case 'Conflict':
      return conflict(gr, name, err.message.startsWith('Precondition failed') ? err.message : optimisticLockMessage);
    case 'Expired':
      return new ApiError(410, 'Expired', expiredMessage ?? err.message, undefined, err.continueToken ? { continue: err.continueToken } : undefined);
    case 'TooLarge':
      // storage.NewTooLargeResourceVersionError: a 504 that clients retry.
      return new ApiError(504, 'Timeout', `Timeout: ${err.message}`,
        { causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }], retryAfterSeconds: 1 });
    case 'InvalidObj':
      return badRequest(err.message);
    case 'Unavailable':
      return new ApiError(503, 'ServiceUnavailable', `storage is unavailable: ${err.message}`);
    default:
      return internalError(err);
  }
}

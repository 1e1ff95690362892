/** An error answered in the service's shape: `{"__type": type, "Message": message}` with `httpStatus`. */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';

  constructor(
    /** The `__type`, e.g. `ResourceNotFoundException`. */
    readonly type: string,
    message: string,
    readonly httpStatus: number = 400,
  ) {
    super(message);
  }
}

export const resourceNotFound = (message: string): ServiceError => new ServiceError('ResourceNotFoundException', message);
export const invalidParameters = (message: string): ServiceError => new ServiceError('InvalidParametersException', message);
export const serializationError = (message: string): ServiceError => new ServiceError('SerializationException', message);

export const CONCURRENT_SHARE_MESSAGE = 'Cannot process more than one portfolio share action at the same time. Try again later.';
export const invalidState = (): ServiceError => new ServiceError('InvalidStateException', CONCURRENT_SHARE_MESSAGE);

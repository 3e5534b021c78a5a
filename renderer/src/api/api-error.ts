import type { DalelApi, ErrorInfo, RequestChannel, RequestOf, ResponseOf } from '../../../main/contract/index.ts';

/** An error result from a service, carried as an exception inside the interface so async code can use try/catch. */
export class ApiError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
  }
}

/** Calls a channel and returns its value, throwing ApiError for an error result. */
export async function call<C extends RequestChannel>(api: DalelApi, channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await api.invoke(channel, payload);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

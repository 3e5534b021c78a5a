/** A failure of the web bridge itself (HTTP status other than 200), as opposed to an error result from a service. */
export class BridgeError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

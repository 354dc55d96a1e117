/** A refusal from the hub, with the protocol's error code (rate_limited, muted, validation_failed, ...). */
export class BroadcartHubError extends Error {
  constructor(readonly code: string, message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'BroadcartHubError';
  }

  /** The hub sends "code: sentence"; SignalR puts its own words before "HubException: ". */
  static from(error: unknown): BroadcartHubError {
    const raw = error instanceof Error ? error.message : String(error);
    const marker = raw.indexOf('HubException: ');
    const text = marker >= 0 ? raw.slice(marker + 'HubException: '.length) : raw;
    const match = /^([a-z_]+): (.*)$/s.exec(text);
    return match ? new BroadcartHubError(match[1], match[2], error) : new BroadcartHubError('', text, error);
  }
}

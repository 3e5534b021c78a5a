import { requestChannels, type RequestChannel, type Role } from '../../../main/contract/index.ts';

/**
 * Whether a role may call a channel, read from the contract's access rules so that the interface hides exactly what
 * the dispatcher would refuse (the dispatcher still enforces it).
 */
export function mayUse(role: Role, channel: RequestChannel): boolean {
  const access = requestChannels[channel].access;
  return access === 'public' || access === 'session' || (access as readonly string[]).includes(role);
}

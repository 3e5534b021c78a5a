import { requestChannels } from '../../../main/contract/index.ts';

const accountShape = requestChannels['users.add'].request.shape;

/**
 * Field checks taken from the contract's own schemas, so the form refuses exactly what the services would refuse;
 * each returns the translation key of the problem, or null when the value is acceptable.
 */
export const fieldRules = {
  username: (value: string) => (accountShape.username.safeParse(value).success ? null : 'validation.username'),
  displayName: (value: string) => (accountShape.displayName.safeParse(value).success ? null : 'validation.displayName'),
  newPassword: (value: string) => (accountShape.password.safeParse(value).success ? null : 'validation.passwordLength'),
  required: (value: string) => (value.trim() === '' ? 'validation.required' : null),
} as const;


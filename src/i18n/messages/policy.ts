/** Every message of the policy rules and of `kinko check`, as one table for the catalogue. */
import type { MessageTable } from '../catalog.js';
import { POLICY_CHECK_MESSAGES } from './policy-check.js';
import { POLICY_PLATFORM_MESSAGES } from './policy-platform.js';
import { POLICY_POD_MESSAGES } from './policy-pod.js';
import { POLICY_RELIABILITY_MESSAGES } from './policy-reliability.js';

export const POLICY_MESSAGES: MessageTable = {
  ...POLICY_POD_MESSAGES,
  ...POLICY_PLATFORM_MESSAGES,
  ...POLICY_RELIABILITY_MESSAGES,
  ...POLICY_CHECK_MESSAGES,
};

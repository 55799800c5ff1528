import { AsyncLocalStorage } from 'node:async_hooks';

/** What the policies of one list call need: where raw page bodies go and the service named in reports. */
export interface AzureCallContext {
  /** Service of the step, for rate-limit reports. */
  service: string;
  /** Raw JSON bodies of the successful GETs of this page call, in order. */
  bodies: unknown[];
  /** ARM's error (`{ error: { code, message } }`) of the last failed response, which some SDK errors drop. */
  armError?: { code?: string; message: string };
}

/** The call context of the SDK request under way (set around each page fetch). */
export const azureCallContext = new AsyncLocalStorage<AzureCallContext>();

import { AsyncLocalStorage } from 'node:async_hooks';
import type { InventoryLogger } from '@cloud-inventory/core';

/** What an SDK call made by the driver runs with: its abort signal, where it goes, who logs. */
export interface OracleCallContext {
  /** Aborts the HTTP request (the SDK's methods take no signal). */
  signal: AbortSignal;
  /** Service of the listing step. */
  service: string;
  /** Region of the call. */
  region: string;
  /** The cloud's logger: receives what the SDK would print to the console. */
  logger: InventoryLogger;
}

const storage = new AsyncLocalStorage<OracleCallContext>();

/** The context of the SDK call under way, if the driver made it. */
export function currentOracleCall(): OracleCallContext | undefined {
  return storage.getStore();
}

/** Run one SDK call with its context, so the HTTP layer sees its signal and region. */
export function withOracleCall<Result>(
  context: OracleCallContext,
  call: () => Promise<Result>,
): Promise<Result> {
  quietSdkConsole();
  return storage.run(context, call);
}

// The SDK's retrier prints every failed call with console.warn (oci-common lib/retrier.js),
// whatever the retry configuration, and offers no switch for it.
const sdkMessage =
  /^(Request cannot be retried|All retry attempts have exhausted|Request failed with Exception)/;
const installedKey = Symbol.for('cloud-inventory.driver-oracle.quiet-console');

/**
 * Route the SDK's per-call console warnings to the cloud's logger (debug) while the driver's calls
 * run; every other console.warn, and the SDK's warnings for anyone else's calls, pass unchanged.
 */
export function quietSdkConsole(): void {
  const holder = console as unknown as Record<symbol, boolean>;
  if (holder[installedKey]) return;
  holder[installedKey] = true;
  const original = console.warn.bind(console);
  console.warn = (...parts: unknown[]) => {
    const call = storage.getStore();
    if (call && typeof parts[0] === 'string' && sdkMessage.test(parts[0])) {
      call.logger.debug('oci sdk', {
        service: call.service,
        region: call.region,
        message: parts[0].split('\n')[0],
      });
      return;
    }
    original(...parts);
  };
}

import { type AzureCallContext, azureCallContext } from './azure-call-context.ts';

/** The raw ARM object of a list page (`value[*]`): the payload as ARM sent it. */
export interface ArmObject {
  /** Full ARM resource id. */
  id?: string;
  /** Resource name. */
  name?: string;
  /** ARM type (`Microsoft.Compute/virtualMachines`). */
  type?: string;
  /** Location (`eastus`; some providers send `East US`). */
  location?: string;
  /** Tags. */
  tags?: Record<string, string>;
  /** Resource-specific properties. */
  properties?: Record<string, unknown>;
  [field: string]: unknown;
}

/** What every `@azure/arm-*` list operation returns (both SDK generations). */
export interface AzurePager {
  /** Page-by-page iteration; each `next()` sends one request (the SDK follows `nextLink`). */
  byPage(): AsyncIterator<unknown>;
}

/** Limit on pages of one list call, so a server that keeps answering `nextLink` cannot loop forever. */
export const azureMaximumPages = 10_000;

/**
 * Every raw item of an SDK list call: the SDK sends the requests (auth, retries, `nextLink`), and
 * the raw-body policy hands back each page as ARM sent it, whose `value` is yielded.
 */
export async function* listArmObjects(
  pager: AzurePager,
  service: string,
): AsyncGenerator<ArmObject> {
  const pages = pager.byPage();
  for (let page = 0; page < azureMaximumPages; page++) {
    const context: AzureCallContext = { service, bodies: [] };
    const result = await runInContext(context, () => pages.next());
    if (result.done) return;
    const body = context.bodies.at(-1) as { value?: unknown } | null | undefined;
    const items = Array.isArray(body?.value) ? (body.value as ArmObject[]) : [];
    yield* items;
  }
  throw new Error(`More than ${azureMaximumPages} pages in one Azure list call; stopped.`);
}

/** The raw ARM object of one SDK get call (the payload as ARM sent it, not the SDK's model). */
export async function readArmObject(
  call: () => Promise<unknown>,
  service: string,
): Promise<ArmObject | undefined> {
  const context: AzureCallContext = { service, bodies: [] };
  await runInContext(context, call);
  const body = context.bodies.at(-1);
  return body && typeof body === 'object' ? (body as ArmObject) : undefined;
}

/** The ARM error message a failed call carried, when the SDK's error left it out. */
export interface AzureErrorWithArmMessage {
  /** `{ code, message }` of ARM's error body. */
  armError?: { code?: string; message: string };
}

// Some SDK errors (the modular clients' paging) drop ARM's message, which names the missing
// permission or provider; keep it on the error.
async function runInContext<Result>(
  context: AzureCallContext,
  call: () => Promise<Result>,
): Promise<Result> {
  try {
    return await azureCallContext.run(context, call);
  } catch (error) {
    if (context.armError && error instanceof Error) {
      (error as Error & AzureErrorWithArmMessage).armError = context.armError;
    }
    throw error;
  }
}

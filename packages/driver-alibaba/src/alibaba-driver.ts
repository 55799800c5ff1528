import {
  BaseCloudDriver,
  type CloudDriverOptions,
  type CloudResource,
  ConfigurationError,
  type DriverCatalog,
  type ListOptions,
  type RuntimeContext,
} from '@cloud-inventory/core';
import {
  filterRegions,
  filterServices,
  type ListStep,
  resolveEndpoint,
  runSteps,
} from '@cloud-inventory/driver-kit';
import { callerAccountId } from './alibaba-account.ts';
import { AlibabaApi } from './alibaba-api.ts';
import { alibabaCatalog } from './alibaba-catalog.ts';
import { resolveAlibabaCredentials } from './alibaba-credentials.ts';
import {
  alibabaCredentialError,
  classifyAlibabaError,
  isAlibabaCredentialError,
} from './alibaba-errors.ts';
import {
  type AlibabaCredentials,
  type AlibabaDriverConfig,
  alibabaDefaultPageSize,
  alibabaDefaultRegion,
} from './alibaba-options.ts';
import { OssClients } from './alibaba-oss.ts';
import { offeredRegions, regionLimitedProducts } from './alibaba-product-regions.ts';
import { listAlibabaRegions } from './alibaba-regions.ts';
import { alibabaSteps, selectedDefinitions } from './alibaba-steps.ts';

/** Lists an Alibaba Cloud account with @alicloud/pop-core (RPC and ROA APIs) and ali-oss. */
export class AlibabaDriver extends BaseCloudDriver<AlibabaCredentials, AlibabaDriverConfig> {
  #api: AlibabaApi | undefined;
  #oss: OssClients | undefined;
  #callerAccountId: string | undefined;
  // Clients are built once; rate-limit reports go to the runtime of the sync under way.
  #runtime: RuntimeContext | undefined;

  override get catalog(): DriverCatalog {
    return alibabaCatalog;
  }

  /** `config.accountId`, else the account UID of the credentials (known after the first listing). */
  override get accountId(): string | undefined {
    return super.accountId ?? this.#callerAccountId;
  }

  /** Resolve the credentials and build the clients; no request is sent. */
  override async initialize(): Promise<void> {
    const endpoint = this.config.endpoint
      ? resolveEndpoint({
          value: this.config.endpoint,
          defaultUrl: 'https://ecs.aliyuncs.com',
          cloud: this.id,
        })
      : undefined;
    const pageSize = this.config.pageSize;
    if (pageSize !== undefined && (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100)) {
      throw new ConfigurationError({
        issues: [
          {
            path: 'config.pageSize',
            expected: 'an integer from 1 to 100',
            received: JSON.stringify(pageSize),
          },
        ],
      });
    }
    const credentials = resolveAlibabaCredentials(this.credentials);
    const timeoutMs = this.config.timeoutMs ?? 60_000;
    this.#api = new AlibabaApi({
      credentials,
      endpoint,
      retry: this.config.retry,
      timeoutMs,
      logger: this.logger,
      onRateLimit: (report) => this.#runtime?.emitRateLimit(report),
    });
    this.#oss = new OssClients({ credentials, endpoint, timeoutMs });
  }

  /** Close the clients' keep-alive connections. */
  override async destroy(): Promise<void> {
    this.#api?.close();
    this.#api = undefined;
    this.#oss = undefined;
  }

  override async *listResources(options: ListOptions): AsyncGenerator<CloudResource> {
    options.signal?.throwIfAborted();
    if (!this.#api) await this.initialize();
    this.#runtime = options.runtime;
    const filters = { include: options.include, exclude: options.exclude };
    const services = filterServices({
      all: this.catalog,
      services: this.config.services,
      ...filters,
    });
    if (services.length === 0) return;
    const controller = new AbortController();
    const stop = () => controller.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', stop, { once: true });
    try {
      const steps = await this.#plan({ services, filters, signal: controller.signal });
      yield* runSteps({
        steps,
        runtime: options.runtime,
        concurrency: options.concurrency,
        signal: controller.signal,
        logger: this.logger,
        classifyError: classifyAlibabaError,
        // A refused key (or an expired STS token) stops the run, whichever call meets it first.
        abortOnAuthError: isAlibabaCredentialError,
      });
    } catch (error) {
      if (isAlibabaCredentialError(error)) throw alibabaCredentialError(error, 'listing');
      throw error;
    } finally {
      options.signal?.removeEventListener('abort', stop);
      controller.abort(new Error('alibaba: listing finished'));
    }
  }

  // The account, the regions (and where ALB/NLB are offered), then one step per call and region.
  async #plan(options: {
    services: string[];
    filters: { include?: readonly string[] | undefined; exclude?: readonly string[] | undefined };
    signal: AbortSignal;
  }): Promise<ListStep[]> {
    const { services, filters, signal } = options;
    const api = this.#api!;
    const defaultRegion = this.config.defaultRegion ?? alibabaDefaultRegion;
    const context = { api, defaultRegion, signal, logger: this.logger };
    if (!this.config.accountId) this.#callerAccountId ??= await callerAccountId(context);
    // RAM, CDN and Alidns are account-wide: a run of only those needs no region list.
    const regional = services.some(
      (name) =>
        name === 'oss' || !this.catalog.services.find((service) => service.name === name)?.global,
    );
    let regions: string[] = [];
    if (regional) {
      const all = await listAlibabaRegions({ ...context, configured: this.config.regions });
      regions = filterRegions({
        all: all.regions,
        regions: this.config.regions,
        ...filters,
        strict: all.strict,
      });
    }
    const products = selectedDefinitions({ catalog: this.catalog, services, ...filters })
      .map((definition) => definition.product)
      .filter((product) => regionLimitedProducts.includes(product));
    const offered = await offeredRegions({ ...context, products: [...new Set(products)] });
    return alibabaSteps({
      catalog: this.catalog,
      services,
      regions,
      defaultRegion,
      ...filters,
      settings: {
        api,
        accountId: this.accountId ?? 'alibaba',
        pageSize: this.config.pageSize ?? alibabaDefaultPageSize,
        logger: this.logger,
      },
      oss: this.#oss!,
      offered,
    });
  }
}

/** Build an AlibabaDriver (the registry accepts this factory or the class). */
export function createAlibabaDriver(
  options: CloudDriverOptions<AlibabaCredentials, AlibabaDriverConfig>,
): AlibabaDriver {
  return new AlibabaDriver(options);
}

export type { AlibabaCredentials, AlibabaDriverConfig } from './alibaba-options.ts';

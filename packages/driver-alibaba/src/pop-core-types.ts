// The parts of @alicloud/pop-core the driver uses (its own typings cover only a part of RPCClient).

/** Request and response of one pop-core call (verbose RPC mode, and on RPC errors). */
export interface PopEntry {
  /** Status and headers of the answer. */
  response?: { statusCode?: number; headers?: Record<string, unknown> };
}

/** Credentials and endpoint of a pop-core client. */
export interface PopClientConfig {
  /** `https://ecs.cn-hangzhou.aliyuncs.com`. */
  endpoint: string;
  /** `2014-05-26`. */
  apiVersion: string;
  /** AccessKey ID. */
  accessKeyId: string;
  /** AccessKey secret. */
  accessKeySecret: string;
  /** STS token. */
  securityToken?: string;
}

/** pop-core's RPC client. */
export interface RpcClient {
  /** The client's own keep-alive agent. */
  keepAliveAgent?: { destroy(): void };
  /** Send an action; in verbose mode resolves `[body, entry]`. */
  request(
    action: string,
    params: Record<string, unknown>,
    options?: Record<string, unknown>,
  ): Promise<unknown>;
}

/** Constructor of pop-core's RPC client. */
export type RpcClientConstructor = new (config: PopClientConfig, verbose?: boolean) => RpcClient;

/** pop-core's ROA client. */
export interface RoaClient {
  /** The client's own keep-alive agent. */
  keepAliveAgent?: { destroy(): void };
  /** Send a request; resolves the parsed JSON body (or the raw text of a non-JSON answer). */
  request(
    method: string,
    path: string,
    query: Record<string, string>,
    body: string,
    headers: Record<string, string>,
    options: Record<string, unknown>,
  ): Promise<unknown>;
}

/** Constructor of pop-core's ROA client. */
export type RoaClientConstructor = new (config: PopClientConfig) => RoaClient;

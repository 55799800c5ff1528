/** The Alibaba Cloud APIs the driver calls: endpoint host and API version of each product. */
export const alibabaProducts = {
  ecs: { host: 'ecs.{region}.aliyuncs.com', version: '2014-05-26' },
  vpc: { host: 'vpc.{region}.aliyuncs.com', version: '2016-04-28' },
  rds: { host: 'rds.aliyuncs.com', version: '2014-08-15' },
  kvstore: { host: 'r-kvstore.aliyuncs.com', version: '2015-01-01' },
  slb: { host: 'slb.{region}.aliyuncs.com', version: '2014-05-15' },
  alb: { host: 'alb.{region}.aliyuncs.com', version: '2020-06-16' },
  nlb: { host: 'nlb.{region}.aliyuncs.com', version: '2022-04-30' },
  cs: { host: 'cs.{region}.aliyuncs.com', version: '2015-12-15' },
  cdn: { host: 'cdn.aliyuncs.com', version: '2018-05-10' },
  alidns: { host: 'alidns.aliyuncs.com', version: '2015-01-09' },
  ram: { host: 'ram.aliyuncs.com', version: '2015-05-01' },
  kms: { host: 'kms.{region}.aliyuncs.com', version: '2016-01-20' },
  sts: { host: 'sts.aliyuncs.com', version: '2015-04-01' },
} as const;

/** A product key of `alibabaProducts`. */
export type AlibabaProduct = keyof typeof alibabaProducts;

/** The base URL of a product in a region: `config.endpoint` when set (every product), else the public one. */
export function productEndpoint(
  product: AlibabaProduct,
  region: string,
  override: string | undefined,
): string {
  if (override) return override;
  return `https://${alibabaProducts[product].host.replace('{region}', region)}`;
}

/** The OSS endpoint of a region (`oss-cn-hangzhou.aliyuncs.com`), or `config.endpoint` when set. */
export function ossEndpoint(region: string, override: string | undefined): string {
  return override ?? `https://oss-${region}.aliyuncs.com`;
}

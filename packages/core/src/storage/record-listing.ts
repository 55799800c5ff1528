/**
 * Ids of the records of an s3db.js resource whose id starts with `idPrefix`, read from the
 * bucket's key listing (1,000 keys a request), without reading any record.
 */
export async function listRecordIds(
  client: any,
  resource: any,
  idPrefix: string,
): Promise<string[]> {
  const keyPrefix = `${resource.getResourceKey('x').replace(/x$/, '')}${idPrefix}`;
  const ids: string[] = [];
  let token: string | undefined;
  for (;;) {
    const response = await client.listObjects({
      prefix: keyPrefix,
      maxKeys: 1000,
      ...(token ? { continuationToken: token } : {}),
    });
    for (const item of response?.Contents ?? []) {
      const key = String(item.Key);
      ids.push(key.slice(key.indexOf('/data/id=') + '/data/id='.length));
    }
    if (!response?.IsTruncated || !response?.NextContinuationToken) return ids;
    token = response.NextContinuationToken;
  }
}

/**
 * Maps an encoded record (every `json` attribute already a JSON text) to s3db.js's stored form.
 *
 * NOTE: s3db.js's `toJSON` hook parses a JSON text it is handed, only to check it, then stores the
 * text as it is: for a configuration that parse was the largest single cost of the mapper and a
 * whole parsed tree of garbage per record. So the mapper gets the record without its JSON texts,
 * and they are put back under the keys the schema maps them to, in the record's own order. The
 * first record of every schema is also mapped the plain way and compared; any difference (another
 * s3db.js version mapping JSON differently) turns the shortcut off for that schema.
 */
export function createRecordMapper(): (
  schema: any,
  encoded: Record<string, unknown>,
  jsonNames: ReadonlySet<string>,
) => Promise<Record<string, unknown>> {
  const shortcutAgrees = new WeakMap<object, boolean>();
  return async (schema, encoded, jsonNames) => {
    const agrees = shortcutAgrees.get(schema);
    if (agrees === false || jsonNames.size === 0) return schema.mapper(encoded);
    const mapped = await mapAroundJsonTexts(schema, encoded, jsonNames);
    if (agrees === undefined) {
      const expected = await schema.mapper(encoded);
      const same = JSON.stringify(expected) === JSON.stringify(mapped);
      shortcutAgrees.set(schema, same);
      if (!same) return expected;
    }
    return mapped;
  };
}

async function mapAroundJsonTexts(
  schema: any,
  encoded: Record<string, unknown>,
  jsonNames: ReadonlySet<string>,
): Promise<Record<string, unknown>> {
  const plain: Record<string, unknown> = {};
  for (const name in encoded) if (!jsonNames.has(name)) plain[name] = encoded[name];
  const partial = await schema.mapper(plain);
  const mapped: Record<string, unknown> = { _v: partial._v };
  for (const name in encoded) {
    const key = schema.pluginMap?.[name] || schema.map?.[name] || name;
    mapped[key] = jsonNames.has(name) ? encoded[name] : partial[key];
  }
  return mapped;
}

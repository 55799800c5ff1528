import { createHash } from 'node:crypto';

// s3db.js refuses `/`, `%`, `=` and `\` in record ids; `~` is our escape character.
const safeCharacter = /[A-Za-z0-9._:@,+!*'()$;| #?&[\]{}<>^`"-]/;
// NOTE: s3db.js's file client names temporary files `id=<id>.meta.json.tmp.<time>.<random>`, and a
// file name may not exceed 255 bytes; 180 leaves room for that suffix and for `:v<n>` / `:c<n>`.
const maximumEncodedLength = 180;

/** Encode one id part reversibly into characters s3db.js accepts (`/` -> `~2F`, `~` -> `~7E`). */
export function encodeIdPart(value: string): string {
  let output = '';
  for (const character of value) {
    if (safeCharacter.test(character)) output += character;
    else
      for (const byte of Buffer.from(character, 'utf8'))
        output += `~${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return output;
}

/** Reverse `encodeIdPart`. */
export function decodeIdPart(value: string): string {
  const bytes: number[] = [];
  let output = '';
  const flush = () => {
    if (bytes.length > 0) output += Buffer.from(bytes).toString('utf8');
    bytes.length = 0;
  };
  for (let index = 0; index < value.length; index += 1) {
    if (value[index] === '~' && /^[0-9A-F]{2}$/.test(value.slice(index + 1, index + 3))) {
      bytes.push(Number.parseInt(value.slice(index + 1, index + 3), 16));
      index += 2;
    } else {
      flush();
      output += value[index];
    }
  }
  flush();
  return output;
}

/** Snapshot record id `cloudId:resourceType:resourceId`, with the resource id encoded when needed. */
export function snapshotRecordId(
  cloudId: string,
  resourceType: string,
  resourceId: string,
): string {
  const encoded = `${encodeIdPart(cloudId)}:${encodeIdPart(resourceType)}:${encodeIdPart(resourceId)}`;
  if (encoded.length <= maximumEncodedLength) return encoded;
  // Very long ids keep a readable prefix and a digest; resourceId itself stays in the record.
  const digest = createHash('sha256').update(resourceId).digest('hex').slice(0, 32);
  return `${encoded.slice(0, maximumEncodedLength - 34).replace(/~[0-9A-F]?$/, '')}~h${digest}`;
}

/** Version record id: the snapshot id plus `:v<n>`. */
export function versionRecordId(snapshotId: string, version: number): string {
  return `${snapshotId}:v${version}`;
}

/** Change record id: the snapshot id plus `:c<n>` (the n-th change of that resource). */
export function changeRecordId(snapshotId: string, sequence: number): string {
  return `${snapshotId}:c${sequence}`;
}

/** Index key of a resource inside one cloud. */
export function resourceKey(resourceType: string, resourceId: string): string {
  return `${resourceType}\u0000${resourceId}`;
}

/** Split an index key back into type and id. */
export function splitResourceKey(key: string): { resourceType: string; resourceId: string } {
  const separator = key.indexOf('\u0000');
  return { resourceType: key.slice(0, separator), resourceId: key.slice(separator + 1) };
}

/** A sortable, unique run id: `20261126T130501123Z-a1b2c3`. */
export function createRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `${stamp}-${Math.random().toString(16).slice(2, 8)}`;
}

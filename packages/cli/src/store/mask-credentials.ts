// NOTE: `/` is allowed in the masked part: secrets with an unencoded `/` must not leak either.
/**
 * Hide credentials in connection strings and URLs anywhere in a text: the userinfo
 * (`s3://KEY:SECRET@bucket` -> `s3://***@bucket`) and secret query parameters.
 */
export function maskCredentials(text: string): string {
  return text
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^@\s'"`]+@/gi, '$1***@')
    .replace(
      /([?&](?:sessionToken|secretAccessKey|accessKeyId|token|password)=)[^&\s'"`]+/gi,
      '$1***',
    );
}

// Stand-in: s3db.js's CLI imports this package; the library entry points used here never call it.
export function parseArgs() {
  throw new Error('cli-args-parser is a stub in this workspace (s3db.js CLI is not supported)');
}
export default { parseArgs };

/** Fields that identify an account, in the order they are tried for default cloud ids. */
const accountHints = [
  'accountId',
  'projectId',
  'subscriptionId',
  'organizationId',
  'tenancyId',
  'tenancy',
  'tenantId',
  'account',
];

/** `<driver>-<account>` from config or credential hints, else `<driver>`. */
export function defaultCloudId(
  driverName: string,
  config: Record<string, unknown> | undefined,
  credentials: unknown,
): string {
  const sources = [
    config ?? {},
    (credentials && typeof credentials === 'object' ? credentials : {}) as Record<string, unknown>,
  ];
  for (const hint of accountHints) {
    for (const source of sources) {
      const value = source[hint];
      if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') {
        return sanitizeCloudId(`${driverName}-${value}`);
      }
    }
  }
  return sanitizeCloudId(driverName);
}

/** Keep only characters allowed in cloud ids. */
export function sanitizeCloudId(value: string): string {
  return (
    value
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 120) || 'cloud'
  );
}

/** Give duplicate ids numeric suffixes (`aws-1`, `aws-1-2`); returns the renamed ones. */
export function deduplicateCloudIds(ids: string[]): {
  ids: string[];
  renamed: Array<{ from: string; to: string }>;
} {
  const used = new Set<string>();
  const renamed: Array<{ from: string; to: string }> = [];
  const output = ids.map((id) => {
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
    let suffix = 2;
    while (used.has(`${id}-${suffix}`)) suffix += 1;
    const next = `${id}-${suffix}`;
    used.add(next);
    renamed.push({ from: id, to: next });
    return next;
  });
  return { ids: output, renamed };
}

/** A compiled path pattern: `/v2/droplets/:id`, `/buckets/*`, or a RegExp (named groups become params). */
export interface PathMatcher {
  /** The pattern as written. */
  source: string;
  /** Params when the path matches, else undefined. */
  match(path: string): Record<string, string> | undefined;
}

/** Compile `/v2/droplets/:id` (`:name` matches one segment, `*` the rest) or a RegExp. */
export function compilePathPattern(pattern: string | RegExp): PathMatcher {
  if (pattern instanceof RegExp) {
    return {
      source: pattern.source,
      match(path) {
        const result = pattern.exec(path);
        return result ? { ...result.groups } : undefined;
      },
    };
  }
  const names: string[] = [];
  const source = pattern
    .split('/')
    .map((segment) => {
      if (segment === '*') {
        names.push('*');
        return '(.*)';
      }
      return segment.replace(
        /:([A-Za-z_][A-Za-z0-9_]*)|([.+?^${}()|[\]\\*])/g,
        (_, name, special) => {
          if (name) {
            names.push(name);
            return '([^/]+)';
          }
          return special === '*' ? '.*' : `\\${special}`;
        },
      );
    })
    .join('/');
  const expression = new RegExp(`^${source}/?$`);
  return {
    source: pattern,
    match(path) {
      const result = expression.exec(path);
      if (!result) return undefined;
      const params: Record<string, string> = {};
      names.forEach((name, index) => {
        params[name] = decodeURIComponent(result[index + 1] ?? '');
      });
      return params;
    },
  };
}

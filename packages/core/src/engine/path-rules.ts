import type { DriverCatalog } from '../types.ts';
import type { PathPattern } from '../versioning/path-pattern.ts';
import { compilePatterns, defaultSecretPatterns } from '../versioning/redaction.ts';
import type { ResourcePathRules } from './prepare-resource.ts';

/** Build per-type secret and volatile rules from the driver catalog and the user's options. */
export function createPathRules(options: {
  catalog: DriverCatalog | undefined;
  ignorePaths: Record<string, string[]>;
  redact: Record<string, string[]>;
}): ResourcePathRules {
  const declaredVolatile = new Map<string, string[]>();
  const declaredSecret = new Map<string, string[]>();
  for (const service of options.catalog?.services ?? []) {
    for (const descriptor of service.resourceTypes) {
      declaredVolatile.set(descriptor.type, descriptor.volatilePaths ?? []);
      declaredSecret.set(descriptor.type, descriptor.secretPaths ?? []);
    }
  }
  const volatileCache = new Map<string, PathPattern[]>();
  const secretCache = new Map<string, PathPattern[]>();
  return {
    volatilePatterns(resourceType) {
      let patterns = volatileCache.get(resourceType);
      if (!patterns) {
        patterns = compilePatterns([
          ...(declaredVolatile.get(resourceType) ?? []),
          ...(options.ignorePaths['*'] ?? []),
          ...(options.ignorePaths[resourceType] ?? []),
        ]);
        volatileCache.set(resourceType, patterns);
      }
      return patterns;
    },
    secretPatterns(resourceType) {
      let patterns = secretCache.get(resourceType);
      if (!patterns) {
        patterns = compilePatterns([
          ...defaultSecretPatterns,
          ...(declaredSecret.get(resourceType) ?? []),
          ...(options.redact['*'] ?? []),
          ...(options.redact[resourceType] ?? []),
        ]);
        secretCache.set(resourceType, patterns);
      }
      return patterns;
    },
  };
}

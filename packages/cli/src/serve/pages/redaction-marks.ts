import { redactionPrefix } from '@cloud-inventory/core';
import { escapeHtml, type SafeHtml, trustedHtml } from '../html-escape.ts';

const redactedPattern = new RegExp(
  `${redactionPrefix.replace(/[[\]\\^$.|?*+(){}]/g, '\\$&')}[^\\]"&<]*\\]`,
  'g',
);

/** Text, escaped, with redacted values (`[redacted:<hash>]`) marked as such. */
export function markRedacted(text: string): SafeHtml {
  // The text is escaped before the marks are added, and the pattern cannot match markup.
  return trustedHtml(
    escapeHtml(text).replace(
      redactedPattern,
      (match) =>
        `<span class="redacted" title="secret value replaced by a keyed hash">${match}</span>`,
    ),
  );
}

// Every value that reaches a page goes through `html`: resource names, tags and configurations come
// from cloud accounts and are attacker-controlled, so nothing is concatenated into markup unescaped.

const replacements: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Text made safe for an HTML text node or a quoted attribute value. */
export function escapeHtml(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return text.replace(/[&<>"'`]/g, (character) => replacements[character] as string);
}

/** Markup that is already escaped (built by `html`); inserted as is by `html`. */
export class SafeHtml {
  /** The markup. */
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  /** The markup, for responses. */
  toString(): string {
    return this.text;
  }
}

/** What `html` accepts in a `${...}` slot: text (escaped), markup, or a list of either. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

/** Tagged template: the literal parts are markup, every interpolated value is escaped unless it is `SafeHtml`. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let output = strings[0] ?? '';
  for (let index = 0; index < values.length; index += 1)
    output += render(values[index] as HtmlValue) + (strings[index + 1] ?? '');
  return new SafeHtml(output);
}

/** Markup written by this program (never data), trusted as is. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

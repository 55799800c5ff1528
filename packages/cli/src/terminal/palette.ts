/** ANSI styles; every function returns its input unchanged when colours are off. */
export interface Palette {
  /** Whether the styles emit escape codes. */
  readonly enabled: boolean;
  /** Bold text. */
  bold(text: string): string;
  /** Dimmed text. */
  dim(text: string): string;
  /** Red text (removals, failures). */
  red(text: string): string;
  /** Green text (additions, success). */
  green(text: string): string;
  /** Yellow text (updates, warnings). */
  yellow(text: string): string;
  /** Cyan text (names, ids). */
  cyan(text: string): string;
}

const style = (enabled: boolean, open: number, close: number) => (text: string) =>
  enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;

/** A palette that colours when `enabled`. */
export function createPalette(enabled: boolean): Palette {
  return {
    enabled,
    bold: style(enabled, 1, 22),
    dim: style(enabled, 2, 22),
    red: style(enabled, 31, 39),
    green: style(enabled, 32, 39),
    yellow: style(enabled, 33, 39),
    cyan: style(enabled, 36, 39),
  };
}

/** Remove ANSI escape codes (for width computations). */
export function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape codes is the point
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}

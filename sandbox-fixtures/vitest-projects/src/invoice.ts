import { parseAmount } from './amount';

/** The total of an invoice's lines, in cents. */
export function invoiceTotal(lines: string[]): number {
  return lines.reduce((sum, line) => sum + parseAmount(line), 0);
}

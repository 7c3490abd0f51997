import { formatCents } from '@/lib/money';
import { vatCents } from '@/lib/tax';

/** The closing lines of a receipt: net, VAT and gross. */
export function receiptTotals(netCents: number, country: string): string[] {
  const vat = vatCents(netCents, country);
  return [`Net ${formatCents(netCents)}`, `VAT ${formatCents(vat)}`, `Total ${formatCents(netCents + vat)}`];
}

export interface Line {
  item: string;
  quantity: number;
  unitCents: number;
}

export interface Order extends Line {
  customer: string;
}

const euros = (cents: number) => `${(cents / 100).toFixed(2)} EUR`;

/** A plain-text invoice: one row per line, then the total. */
export function formatInvoice(customer: string, lines: Line[]): string {
  const rows = lines.map((line) => `${line.quantity} × ${line.item}: ${euros(line.quantity * line.unitCents)}`);
  const total = lines.reduce((sum, line) => sum + line.quantity * line.unitCents, 0);
  return [`Invoice for ${customer.trim()}`, ...rows, `Total: ${euros(total)}`].join('\n');
}

/** One invoice per customer, in the order customers first appear. */
export function invoices(orders: Order[]): string[] {
  const customers = [...new Set(orders.map((order) => order.customer))];
  return customers.map((customer) => formatInvoice(customer, orders.filter((order) => order.customer === customer)));
}

/** Counts per item, for the monthly report. */
export function itemCounts(lines: Line[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of lines) {
    counts[line.item] = (counts[line.item] ?? 0) + line.quantity;
  }
  return counts;
}

/** Test data shared by two test files: a test helper outside `mutate`. */
export interface Order {
  unitPrice: number;
  quantity: number;
  stock: number;
}

export function order(overrides: Partial<Order> = {}): Order {
  return { unitPrice: 2.5, quantity: 4, stock: 10, ...overrides };
}

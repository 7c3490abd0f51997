import { beforeEach, describe, expect, it, vi } from 'vitest';
import { convert, convertAll } from '../src/converter';
import { logger } from '../src/logger';
import { fetchRate } from '../src/rates';

vi.mock('../src/rates', () => ({ fetchRate: vi.fn() }));

beforeEach(() => {
  vi.mocked(fetchRate).mockReset();
  vi.restoreAllMocks();
});

describe('convert', () => {
  it('multiplies by the fetched rate and rounds to cents', async () => {
    vi.mocked(fetchRate).mockResolvedValue(1.0837);
    expect(await convert(10, 'EUR', 'USD')).toBe(10.84);
    expect(fetchRate).toHaveBeenCalledWith('EUR', 'USD');
  });

  it('does not ask for a rate between equal currencies', async () => {
    expect(await convert(10, 'EUR', 'EUR')).toBe(10);
    expect(fetchRate).not.toHaveBeenCalled();
  });

  it('warns about and refuses negative amounts', async () => {
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => {});
    expect(await convert(-5, 'EUR', 'USD')).toBe(0);
    expect(warn).toHaveBeenCalledWith('refusing negative amount -5');
  });

  it('converts zero without a warning', async () => {
    const warn = vi.spyOn(logger, 'warn');
    vi.mocked(fetchRate).mockResolvedValue(2);
    expect(await convert(0, 'EUR', 'USD')).toBe(0);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('convertAll', () => {
  it('converts every amount in order', async () => {
    const double = vi.fn(async (amount: number) => amount * 2);
    expect(await convertAll([1, 2, 3], double)).toEqual([2, 4, 6]);
    expect(double).toHaveBeenCalledTimes(3);
  });
});

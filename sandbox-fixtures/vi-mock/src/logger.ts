/** A minimal logger; tests spy on it with vi.spyOn. */
export const logger = {
  warn(message: string): void {
    console.warn(`[converter] ${message}`);
  },
};

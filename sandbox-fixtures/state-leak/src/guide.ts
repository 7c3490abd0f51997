/** Display settings shared by every call, as a command-line prompt library keeps them. */
export const settings = { guide: true, width: 80 };

/** Changes the settings given; the others stay as they are. */
export function updateSettings(updates: { guide?: boolean; width?: number }): void {
  if (updates.guide !== undefined) {
    settings.guide = updates.guide !== false;
  }
  if (updates.width !== undefined) {
    settings.width = updates.width;
  }
}

/** A line of text, after a guide bar while the guide is on. */
export function line(text: string): string {
  return settings.guide ? `│ ${text}` : text;
}

import { describe, expect, it } from 'vitest';
import { cardKeyAction } from './cardKeyAction.ts';

const press = (
  key: string,
  mods: Partial<Record<'shift' | 'alt' | 'ctrl' | 'meta', boolean>> = {},
) =>
  cardKeyAction({
    key,
    shiftKey: mods.shift ?? false,
    altKey: mods.alt ?? false,
    ctrlKey: mods.ctrl ?? false,
    metaKey: mods.meta ?? false,
  });

describe('cardKeyAction', () => {
  it('opens the panel on Enter and the move dialog on Shift+M, nothing with Ctrl or Cmd', () => {
    expect(press('Enter')).toBe('edit');
    expect(press('M', { shift: true })).toBe('move');
    expect(press('m', { shift: true, alt: true })).toBe('move');
    expect(press('Enter', { shift: true })).toBeNull();
    expect(press('Enter', { alt: true })).toBeNull();
    expect(press('Enter', { ctrl: true })).toBeNull();
    expect(press('M', { shift: true, meta: true })).toBeNull();
    expect(press('m')).toBeNull();
  });
});

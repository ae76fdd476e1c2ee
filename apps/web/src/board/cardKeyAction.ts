/** The canvas's own keys on a selected card: Enter opens its panel, Shift+M its move dialog. */
export function cardKeyAction(key: {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}): 'edit' | 'move' | null {
  if (key.ctrlKey || key.metaKey) return null;
  if (key.key === 'Enter' && !key.shiftKey && !key.altKey) return 'edit';
  if (key.key.toLowerCase() === 'm' && key.shiftKey) return 'move';
  return null;
}

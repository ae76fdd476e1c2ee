import { isOrderKey } from '../fractionalIndex.ts';
import { invalid } from './expect.ts';

export function expectOrderKey(value: unknown, path: string): string {
  if (!isOrderKey(value)) {
    invalid(
      path,
      "clé d'ordre invalide (base 62, sans « 0 » final).",
      'invalid order key (base 62, no trailing "0").',
    );
  }
  return value;
}

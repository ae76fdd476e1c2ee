import type { prng } from './prng.ts';

/**
 * One random mutation of a valid Yjs update: a bit flip, a byte set, inserted or deleted bytes,
 * a truncation, a duplicated slice, or a varint blown up to its longest form. Most results are
 * garbage; some decode and apply, which is fine: the point is that none hurts the server.
 */
export function mutateUpdate(update: Uint8Array, random: ReturnType<typeof prng>): Uint8Array {
  const bytes = Array.from(update);
  const at = () => random.int(0, Math.max(0, bytes.length - 1));
  const rounds = random.int(1, 3);
  for (let r = 0; r < rounds; r++) {
    switch (random.int(0, 6)) {
      case 0: {
        const i = at();
        bytes[i] = (bytes[i] ?? 0) ^ (1 << random.int(0, 7));
        break;
      }
      case 1:
        bytes[at()] = random.pick([0, 1, 0x7f, 0x80, 0xff, random.int(0, 255)]);
        break;
      case 2:
        bytes.splice(
          at(),
          0,
          ...Array.from({ length: random.int(1, 4) }, () => random.int(0, 255)),
        );
        break;
      case 3:
        bytes.splice(at(), random.int(1, 4));
        break;
      case 4:
        bytes.length = at();
        break;
      case 5: {
        const start = at();
        bytes.splice(at(), 0, ...bytes.slice(start, start + random.int(1, 16)));
        break;
      }
      default:
        bytes.splice(at(), 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f);
    }
  }
  return Uint8Array.from(bytes);
}

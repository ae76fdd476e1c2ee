/** Who this browser is on boards: shown to peers next to the cursor and in the people list. */
export interface Identity {
  id: string;
  name: string;
  /** `#rrggbb`, dark enough for white initials (WCAG AA). */
  color: string;
}

/** Cursor and avatar colours; each keeps white text at 4.5:1 or more. */
export const IDENTITY_COLOURS = [
  '#1f4e79',
  '#6a3d9a',
  '#00695c',
  '#b3261e',
  '#a14a00',
  '#2e7d32',
  '#ad1457',
  '#455a64',
  '#0b57d0',
  '#7b5800',
] as const;

const KEY = 'fdr.identity';
const NAME_MAX = 60;

/**
 * This browser's identity on boards. Signed in (`accountName`), the name is the account's, as
 * the server stamps it on presence: no number, the same in every browser. Otherwise the stored
 * identity, or a new one (random id and colour, `defaultName` plus a number to tell guests apart).
 * The id and colour are kept per browser either way.
 */
export function loadIdentity(
  defaultName: string,
  storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
  random: () => number = Math.random,
  accountName: string | null = null,
): Identity {
  const account = accountName === null ? '' : cleanName(accountName);
  const stored = readIdentity(defaultName, storage);
  if (account !== '') {
    const identity = stored ? { ...stored, name: account } : newIdentity(account, random);
    if (!stored) saveIdentity(identity, storage);
    return identity;
  }
  if (stored) return stored;
  const identity = newIdentity(`${defaultName} ${100 + Math.floor(random() * 900)}`, random);
  saveIdentity(identity, storage);
  return identity;
}

function newIdentity(name: string, random: () => number): Identity {
  return {
    id: globalThis.crypto.randomUUID(),
    name,
    color: IDENTITY_COLOURS[Math.floor(random() * IDENTITY_COLOURS.length)] ?? IDENTITY_COLOURS[0],
  };
}

function readIdentity(defaultName: string, storage: Pick<Storage, 'getItem'>): Identity | null {
  try {
    const raw = storage.getItem(KEY);
    if (raw) {
      const parsed = JSON.parse(raw) as Partial<Identity>;
      if (
        typeof parsed.id === 'string' &&
        parsed.id !== '' &&
        typeof parsed.name === 'string' &&
        typeof parsed.color === 'string' &&
        /^#[0-9a-f]{6}$/i.test(parsed.color)
      ) {
        return { id: parsed.id, name: cleanName(parsed.name) || defaultName, color: parsed.color };
      }
    }
  } catch {
    // Unreadable: make a new one.
  }
  return null;
}

export function saveIdentity(
  identity: Identity,
  storage: Pick<Storage, 'setItem'> = localStorage,
): void {
  try {
    storage.setItem(KEY, JSON.stringify(identity));
  } catch {
    // Private browsing with storage disabled: the identity lasts for this page only.
  }
}

/** Names travel to every peer: one line, bounded. */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, NAME_MAX);
}

import type { SqlExecutor } from './SqlExecutor.ts';

/**
 * How a key (an email, an address) is throttled: after `threshold` attempts it is locked for
 * `baseMs`, doubling with each further attempt up to `maxMs`. With `windowMs`, the count starts
 * again once the window since its first attempt has passed (0: it never decays).
 */
export interface AttemptRule {
  threshold: number;
  baseMs: number;
  maxMs: number;
  windowMs: number;
}

export type Reservation =
  | { admitted: true; attempts: number }
  | { admitted: false; lockedUntil: number };

/** Doublings past which the lock is at its maximum anyway (keeps the shift in 64 bits). */
const MAX_DOUBLINGS = 30;

function whole(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return String(value);
}

/**
 * Sign-in attempts per key and the addresses each account signed in from, in the account
 * database. An attempt is counted before its password is checked, by one atomic statement: of
 * any number of concurrent attempts, only as many as the rule allows are admitted.
 */
export class SignInAttempts {
  private readonly sql: SqlExecutor;

  constructor(sql: SqlExecutor) {
    this.sql = sql;
  }

  /**
   * Counts one attempt on `key` unless it is locked. The attempt that reaches the threshold
   * sets the lock in the same statement, so no attempt slips in while earlier ones are checked.
   */
  async reserve(key: string, rule: AttemptRule, now = Date.now()): Promise<Reservation> {
    const min = this.sql.dialect === 'sqlite' ? 'MIN' : 'LEAST';
    // Everything but the key is a number from the configuration, written inline so the same
    // statement reads alike on both databases (PostgreSQL would need a cast per parameter).
    const t = whole(now);
    const stale = rule.windowMs > 0 ? whole(now - rule.windowMs) : '-1';
    const count = `(CASE WHEN login_failures.window_start <= ${stale} THEN 1 ELSE login_failures.failures + 1 END)`;
    const lockAfter = (n: string) =>
      `CASE WHEN ${n} >= ${whole(rule.threshold)} THEN ${t} + ${min}(${whole(rule.maxMs)}, CAST(${whole(rule.baseMs)} AS BIGINT) << ${min}(${n} - ${whole(rule.threshold)}, ${MAX_DOUBLINGS})) ELSE 0 END`;
    const rows = await this.sql.all(
      `INSERT INTO login_failures (key, failures, locked_until, window_start) VALUES (?, 1, ${lockAfter('1')}, ${t})
       ON CONFLICT (key) DO UPDATE SET
         failures = ${count},
         locked_until = ${lockAfter(count)},
         window_start = CASE WHEN login_failures.window_start <= ${stale} THEN ${t} ELSE login_failures.window_start END
       WHERE login_failures.locked_until <= ${t}
       RETURNING failures`,
      [key],
    );
    const row = rows[0];
    if (row) return { admitted: true, attempts: Number(row.failures) };
    const [locked] = await this.sql.all('SELECT locked_until FROM login_failures WHERE key = ?', [
      key,
    ]);
    return { admitted: false, lockedUntil: Number(locked?.locked_until ?? now) };
  }

  /**
   * Gives back one admitted attempt (it turned out to be the right password), and the lock that
   * attempt set if it was the one that reached the threshold.
   */
  async refund(key: string, rule: AttemptRule): Promise<void> {
    await this.sql.run(
      `UPDATE login_failures SET failures = failures - 1,
         locked_until = CASE WHEN failures - 1 < ${whole(rule.threshold)} THEN 0 ELSE locked_until END
       WHERE key = ? AND failures > 0`,
      [key],
    );
  }

  async clear(key: string): Promise<void> {
    await this.sql.run('DELETE FROM login_failures WHERE key = ?', [key]);
  }

  /** Whether this account has signed in from this address before. */
  async known(email: string, address: string): Promise<boolean> {
    const rows = await this.sql.all(
      'SELECT 1 AS known FROM known_addresses WHERE email = ? AND address = ?',
      [email, address],
    );
    return rows.length > 0;
  }

  async remember(email: string, address: string, now = Date.now()): Promise<void> {
    await this.sql.run(
      `INSERT INTO known_addresses (email, address, last_at) VALUES (?, ?, ?)
       ON CONFLICT (email, address) DO UPDATE SET last_at = excluded.last_at`,
      [email, address, now],
    );
  }
}

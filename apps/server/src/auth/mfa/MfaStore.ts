import type { SqlExecutor } from '../SqlExecutor.ts';

/** The account store's migration that adds second factors (same numbering as its others). */
export function mfaMigration(dialect: 'sqlite' | 'postgres'): string[] {
  const t = dialect === 'sqlite' ? 'INTEGER' : 'BIGINT';
  return [
    // `secret` is sealed (secretBox.ts); `last_step` is the last time step accepted, so a code
    // cannot serve twice. `confirmed_at` is null while enrolment waits for its first code.
    `CREATE TABLE IF NOT EXISTS mfa_factors (
      user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE, secret TEXT NOT NULL,
      created_at ${t} NOT NULL, confirmed_at ${t}, last_step ${t} NOT NULL DEFAULT 0)`,
    `CREATE TABLE IF NOT EXISTS mfa_recovery_codes (
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, code_hash TEXT NOT NULL,
      used_at ${t}, PRIMARY KEY (user_id, code_hash))`,
    `CREATE TABLE IF NOT EXISTS mfa_pending (
      token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      step TEXT NOT NULL, address TEXT NOT NULL, counted_on_address INTEGER NOT NULL,
      expires_at ${t} NOT NULL, used_at ${t})`,
  ];
}

export interface Factor {
  userId: string;
  sealedSecret: string;
  confirmedAt: number | null;
  lastStep: number;
}

/** A sign-in that passed its password and waits for a code ('code') or an enrolment ('enrol'). */
export interface PendingSignIn {
  userId: string;
  step: 'code' | 'enrol';
  address: string;
  countedOnAddress: boolean;
  expiresAt: number;
}

/** The SQL of second factors. Every "use once" is one conditional UPDATE, so two uses race safely. */
export class MfaStore {
  private readonly sql: SqlExecutor;

  constructor(sql: SqlExecutor) {
    this.sql = sql;
  }

  async factor(userId: string): Promise<Factor | null> {
    const [row] = await this.sql.all('SELECT * FROM mfa_factors WHERE user_id = ?', [userId]);
    if (!row) return null;
    return {
      userId,
      sealedSecret: String(row.secret),
      confirmedAt: row.confirmed_at == null ? null : Number(row.confirmed_at),
      lastStep: Number(row.last_step),
    };
  }

  /** Starts (or restarts) an enrolment; refused (false) when a confirmed factor exists. */
  async startEnrolment(userId: string, sealedSecret: string): Promise<boolean> {
    const changed = await this.sql.run(
      `INSERT INTO mfa_factors (user_id, secret, created_at, confirmed_at, last_step) VALUES (?, ?, ?, NULL, 0)
       ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at,
         last_step = 0 WHERE mfa_factors.confirmed_at IS NULL`,
      [userId, sealedSecret, Date.now()],
    );
    return changed === 1;
  }

  /**
   * Records `step` as used if it is later than the last one used: true for exactly one of two
   * concurrent uses of the same code.
   */
  async useStep(userId: string, step: number): Promise<boolean> {
    return (
      (await this.sql.run(
        'UPDATE mfa_factors SET last_step = ? WHERE user_id = ? AND last_step < ?',
        [step, userId, step],
      )) === 1
    );
  }

  async confirm(userId: string, now = Date.now()): Promise<void> {
    await this.sql.run(
      'UPDATE mfa_factors SET confirmed_at = ? WHERE user_id = ? AND confirmed_at IS NULL',
      [now, userId],
    );
  }

  /** Removes the factor and its recovery codes; true when there was one. */
  async remove(userId: string): Promise<boolean> {
    await this.sql.run('DELETE FROM mfa_recovery_codes WHERE user_id = ?', [userId]);
    return (await this.sql.run('DELETE FROM mfa_factors WHERE user_id = ?', [userId])) > 0;
  }

  async replaceRecoveryCodes(userId: string, codeHashes: string[]): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.run('DELETE FROM mfa_recovery_codes WHERE user_id = ?', [userId]);
      for (const hash of codeHashes)
        await tx.run('INSERT INTO mfa_recovery_codes (user_id, code_hash) VALUES (?, ?)', [
          userId,
          hash,
        ]);
    });
  }

  async useRecoveryCode(userId: string, codeHash: string, now = Date.now()): Promise<boolean> {
    return (
      (await this.sql.run(
        'UPDATE mfa_recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL',
        [now, userId, codeHash],
      )) === 1
    );
  }

  async recoveryCodesLeft(userId: string): Promise<number> {
    const [row] = await this.sql.all(
      'SELECT CAST(COUNT(*) AS INTEGER) AS n FROM mfa_recovery_codes WHERE user_id = ? AND used_at IS NULL',
      [userId],
    );
    return Number(row?.n ?? 0);
  }

  async createPending(tokenHash: string, pending: PendingSignIn): Promise<void> {
    // Old, expired ones go as new ones come: the table stays small without a timer.
    await this.sql.run('DELETE FROM mfa_pending WHERE expires_at <= ?', [Date.now()]);
    await this.sql.run(
      `INSERT INTO mfa_pending (token_hash, user_id, step, address, counted_on_address, expires_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [
        tokenHash,
        pending.userId,
        pending.step,
        pending.address,
        pending.countedOnAddress ? 1 : 0,
        pending.expiresAt,
      ],
    );
  }

  /** A live (unused, unexpired) pending sign-in. */
  async pending(tokenHash: string, now = Date.now()): Promise<PendingSignIn | null> {
    const [row] = await this.sql.all(
      'SELECT * FROM mfa_pending WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
      [tokenHash, now],
    );
    if (!row) return null;
    return {
      userId: String(row.user_id),
      step: row.step === 'enrol' ? 'enrol' : 'code',
      address: String(row.address),
      countedOnAddress: Number(row.counted_on_address) === 1,
      expiresAt: Number(row.expires_at),
    };
  }

  /** Marks a pending sign-in used: true for exactly one caller. */
  async usePending(tokenHash: string, now = Date.now()): Promise<boolean> {
    return (
      (await this.sql.run(
        'UPDATE mfa_pending SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
        [now, tokenHash, now],
      )) === 1
    );
  }
}

/** Parsers of environment variables: each returns the typed value or throws naming the variable. */

export function int(min: number, max: number) {
  return (raw: string, env: string): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`${env} must be an integer between ${min} and ${max}, got "${raw}"`);
    }
    return value;
  };
}

export function oneOf<T extends string>(values: readonly T[]) {
  return (raw: string, env: string): T => {
    const upper = raw.toUpperCase() as T;
    if (!values.includes(upper)) throw new Error(`${env} must be one of ${values.join(', ')}`);
    return upper;
  };
}

export const text = (raw: string) => raw;
export const list = (raw: string) =>
  raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

import { AuthError } from './AuthError.ts';
import { passwordProblem } from './password.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The fields of a new account, checked and trimmed; a 400 naming the first bad one. */
export function checkNewAccount(input: { email?: unknown; name?: unknown; password?: unknown }): {
  email: string;
  name: string;
  password: string;
} {
  if (
    typeof input.email !== 'string' ||
    !EMAIL.test(input.email.trim()) ||
    input.email.length > 254
  ) {
    throw new AuthError(400, 'invalid-email', {
      en: 'Enter a valid email address.',
      fr: 'Entrez une adresse courriel valide.',
    });
  }
  if (typeof input.name !== 'string' || input.name.trim() === '' || input.name.length > 200) {
    throw new AuthError(400, 'invalid-name', {
      en: 'Enter your name (200 characters at most).',
      fr: 'Entrez votre nom (200 caractères au plus).',
    });
  }
  const problem = passwordProblem(input.password);
  if (problem) throw new AuthError(400, 'weak-password', problem);
  return { email: input.email.trim(), name: input.name.trim(), password: input.password as string };
}

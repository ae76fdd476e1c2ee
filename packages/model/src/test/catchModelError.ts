import { expect } from 'vitest';
import { ModelError } from '../ModelError.ts';

/** Runs `action`, asserts it threw a ModelError, and returns it for further checks. */
export function catchModelError(action: () => unknown): ModelError {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ModelError);
  const error = caught as ModelError;
  // Every error speaks both languages.
  expect(error.messages.fr.length).toBeGreaterThan(0);
  expect(error.messages.en.length).toBeGreaterThan(0);
  expect(error.messages.fr).not.toBe(error.messages.en);
  return error;
}

import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** A new random secret, URL-safe, with an optional readable prefix (e.g. `tdm_` for API tokens). */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** SHA-256 of a high-entropy secret: what the database stores for sessions, tokens and invitations. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

// argon2id (Algorithm.Argon2id = 2) with the library's defaults: ~13 ms per hash here.
export const hashPassword = (password: string) => hash(password, { algorithm: 2 });

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the account does not exist (same timing). */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  return (dummyHash ??= hashPassword(newSecret()));
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import type { Queryable } from '../db/client';
import { sessions } from '../tables';
import { SESSION_COOKIE, SESSION_DAYS } from './authenticate';
import { newSecret, secretHash } from './secrets';

/** Starts a session for userId and sets the httpOnly, SameSite=Lax cookie. */
export async function startSession(db: Queryable, config: Config, req: FastifyRequest, reply: FastifyReply, userId: string) {
  const token = newSecret();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  const [row] = await db
    .insert(sessions)
    .values({ userId, tokenHash: secretHash(token), expiresAt, ip: req.ip, userAgent: req.headers['user-agent']?.slice(0, 300) ?? null })
    .returning({ id: sessions.id });
  setSessionCookie(reply, config, token, expiresAt);
  return row!.id;
}

/** The session cookie: httpOnly, SameSite=Lax, Secure when Tandem is served over https. */
export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expires: Date) {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: config.baseUrl.startsWith('https://'), path: '/', expires });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

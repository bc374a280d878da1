import type { Db } from '../platform/db/client';
import type { Client, TestApp } from './harness';

/** The lowest caller a route admits, for the authorisation matrix (server/platform/auth/matrix.test.ts). */
export type Level = 'public' | 'user' | 'viewer' | 'member' | 'admin' | 'owner';

/** What the matrix's fixtures get to make the things a route's parameters point at. */
export interface FixtureContext {
  app: TestApp;
  /** The test database, for fixtures no route can make (e.g. a notification to the caller). */
  db: Db;
  owner: Client;
  /** The calling client (null when anonymous). */
  caller: Client | null;
  /** `/api/v1/workspaces/<slug>` of the matrix workspace. */
  base: string;
  /** The parameters made so far (ws, goalId, initiativeId, …): add yours. */
  params: Record<string, string>;
}

/** An area's part of the matrix: its routes and the fixtures their parameters need. */
export interface AreaAccess {
  routes: Record<string, Level>;
  /** Called for every route × caller; make what `url`'s parameters need (e.g. :commentId). */
  fixtures?(url: string, ctx: FixtureContext): Promise<void>;
}

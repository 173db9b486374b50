/**
 * The bus's two tables (pg-bus.ts), next to the hub's stores in the same database. Made by
 * whichever hub starts first; an advisory lock keeps two hubs starting at once from racing
 * on CREATE TABLE (IF NOT EXISTS is not safe against a concurrent create in PostgreSQL).
 */
import type pg from 'pg';
import { MEDIA_DDL } from './media.js';

/** The lock's key: any constant no other part of the hub uses ("loa-cluster"). */
const LOCK = 0x10ac1;

const DDL = `
CREATE TABLE IF NOT EXISTS cluster_hubs (
  id text PRIMARY KEY,
  started timestamptz NOT NULL DEFAULT now(),
  seen timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS cluster_sessions (
  station text PRIMARY KEY,
  hub text NOT NULL,
  since bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS cluster_sessions_hub ON cluster_sessions (hub);
`;

export async function ensureClusterSchema(pool: pg.Pool): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
    await c.query(DDL);
    await c.query(MEDIA_DDL);
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}

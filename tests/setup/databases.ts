/**
 * One test body, both databases (ENGINEERING.md rule 7): `describeEachDatabase` runs a suite on a
 * fresh, migrated SQLite database and, when TEST_DATABASE_URL is set, on a fresh PostgreSQL copy of
 * the run's template. Real databases, never mocks.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/connection';
import type { DatabaseDialect } from '../../src/lib/server/db/database';
import { migrateToLatest } from '../../src/lib/server/db/migrations/index';
import type { Clock } from '../../src/lib/server/shared/clock';
import type { ServiceContext } from '../../src/lib/server/shared/context';
import { withDatabase } from './global-database';

export const DIALECTS: DatabaseDialect[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase extends DatabaseHandle {
	/** Drops the database (PostgreSQL) or closes it (SQLite, in memory). */
	dispose(): Promise<void>;
}

export async function createTestDatabase(dialect: DatabaseDialect): Promise<TestDatabase> {
	if (dialect === 'sqlite') {
		const handle = await openDatabase(':memory:');
		await migrateToLatest(handle.db);
		return { ...handle, dispose: () => handle.close() };
	}
	const url = process.env.TEST_DATABASE_URL!;
	const template = inject('postgresTemplate');
	if (!template) throw new Error('TEST_DATABASE_URL is set but the global setup made no template');
	const name = `dari_test_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
	const handle = await openDatabase(withDatabase(url, name));
	return {
		...handle,
		async dispose() {
			await handle.close();
			await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await admin.end();
		}
	};
}

/** A clock the test moves by hand. */
export function manualClock(start = '2026-11-28T09:00:00.000Z'): Clock & { advance(ms: number): void; set(iso: string): void } {
	let now = new Date(start).getTime();
	const clock = (() => new Date(now)) as Clock & { advance(ms: number): void; set(iso: string): void };
	clock.advance = (ms) => (now += ms);
	clock.set = (iso) => (now = new Date(iso).getTime());
	return clock;
}

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';

/**
 * Runs `body` once per dialect with a fresh database. `setup.context` and `setup.database` are
 * filled before the suite's own hooks run.
 */
export function describeEachDatabase(
	name: string,
	body: (setup: { readonly context: ServiceContext & { clock: ReturnType<typeof manualClock> }; readonly database: TestDatabase; dialect: DatabaseDialect }) => void
) {
	for (const dialect of DIALECTS) {
		describe(`${name} [${dialect}]`, () => {
			const setup = { dialect } as {
				context: ServiceContext & { clock: ReturnType<typeof manualClock> };
				database: TestDatabase;
				dialect: DatabaseDialect;
			};
			beforeAll(async () => {
				setup.database = await createTestDatabase(dialect);
				setup.context = { db: setup.database.db, secret: TEST_SECRET, clock: manualClock() };
			});
			afterAll(async () => {
				await setup.database?.dispose();
			});
			body(setup);
		});
	}
}

/**
 * Vitest global setup: when TEST_DATABASE_URL points at PostgreSQL, migrate one template database
 * for the whole run; each test file then gets a fresh copy of it (CREATE DATABASE … TEMPLATE, as
 * Immich's medium tests do) and drops it afterwards. Nothing depends on what the server held before.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/lib/server/db/connection';
import { migrateToLatest } from '../../src/lib/server/db/migrations/index';

declare module 'vitest' {
	export interface ProvidedContext {
		postgresTemplate: string | null;
	}
}

export function withDatabase(url: string, database: string): string {
	const parsed = new URL(url);
	parsed.pathname = `/${database}`;
	return parsed.toString();
}

export default async function setup(project: TestProject) {
	const url = process.env.TEST_DATABASE_URL;
	if (!url) {
		project.provide('postgresTemplate', null);
		return;
	}
	const template = `dari_template_${randomBytes(4).toString('hex')}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${template}`);
	const handle = await openDatabase(withDatabase(url, template));
	await migrateToLatest(handle.db);
	await handle.close();
	project.provide('postgresTemplate', template);
	return async () => {
		await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
		await admin.end();
	};
}

/**
 * The administrator command line, run as the operator runs it: the real `dari` script in a child
 * process (tsx), a temporary DATA_DIR, real SQLite files, and PostgreSQL when TEST_DATABASE_URL is
 * set. Tests are independent (each has its own data directory) and run concurrently: every one
 * waits on child processes.
 */
import SQLite from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withDatabase } from '../../tests/setup/global-database';
import { openDatabase } from '../lib/server/db/connection';
import { MIGRATION_NAMES, migrateToLatest } from '../lib/server/db/migrations/index';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/**
 * `npm run dari` is `tsx src/cli/dari.ts`, and tsx's own command only starts a second Node with
 * its loader: the tests start that Node directly (`node --import tsx`), the same code loaded the
 * same way at two thirds of the CPU time. One test goes the whole way through `npm run -s dari`.
 */
const NODE_WITH_TSX = [process.execPath, '--import', 'tsx'] as const;

const COMMANDS = ['migrate', 'demo-data', 'create-admin', 'backup', 'restore'];

interface Outcome {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs a command from the project's directory, with the server's variables set for one data directory. */
function runProcess(command: string, args: string[], options: { dataDirectory: string; env?: Record<string, string>; input?: string }) {
	return new Promise<Outcome>((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: ROOT,
			env: {
				...process.env,
				// The server's variables, as an operator's shell would have them for this data directory.
				DATA_DIR: options.dataDirectory,
				DATABASE_URL: '',
				SMTP_URL: '',
				DARI_SECRET: '',
				DARI_DEBUG: '',
				...options.env
			},
			stdio: ['pipe', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
		child.stdin.end(options.input ?? '');
	});
}

/** `npm run -s dari -- …args`, less npm. */
function dari(args: string[], options: { dataDirectory: string; env?: Record<string, string>; input?: string }) {
	return runProcess(NODE_WITH_TSX[0], [...NODE_WITH_TSX.slice(1), 'src/cli/dari.ts', ...args], options);
}

const temporaryDirectories: string[] = [];
function newDataDirectory(): string {
	const directory = mkdtempSync(join(tmpdir(), 'dari-cli-'));
	temporaryDirectories.push(directory);
	return directory;
}
afterAll(() => {
	for (const directory of temporaryDirectories) rmSync(directory, { recursive: true, force: true });
});

/** A migrated database with one administrator, made in this process (faster than a child). */
async function prepareDatabase(dataDirectory: string): Promise<string> {
	const path = join(dataDirectory, 'dari.sqlite');
	const handle = await openDatabase(path);
	await migrateToLatest(handle.db);
	await handle.close();
	insertAccount(path, 'first@example.org');
	return path;
}

function insertAccount(path: string, email: string): void {
	const connection = new SQLite(path);
	connection.pragma('busy_timeout = 5000');
	connection
		.prepare(
			`insert into user_account (id, email, name, preferred_language, password_hash, is_administrator, person_id, created_at, email_verified_at)
			 values (?, ?, '', 'fr', null, 0, null, '2026-11-28T09:00:00.000Z', null)`
		)
		.run(randomBytes(8).toString('hex'), email);
	connection.close();
}

function readRows<T>(path: string, query: string): T[] {
	const connection = new SQLite(path, { readonly: true, fileMustExist: true });
	try {
		return connection.prepare(query).all() as T[];
	} finally {
		connection.close();
	}
}

const emailsOf = (path: string) => readRows<{ email: string }>(path, 'select email from user_account order by email').map((row) => row.email);

/** One line on stderr, saying what is wrong, and no stack trace. */
function expectOneLineError(outcome: Outcome, pattern: RegExp) {
	const lines = outcome.stderr.trimEnd().split('\n');
	expect(lines[0]).toMatch(pattern);
	expect(outcome.stderr).not.toMatch(/^\s+at /m);
	return lines;
}

/**
 * Each test waits on several child processes; a busy machine (a build running beside) can stretch
 * them well past the project's 30 s default, which is meant for tests that run in-process.
 */
const CHILD_PROCESS_TIMEOUT = 120_000;

describe.concurrent('dari command line [sqlite]', { timeout: CHILD_PROCESS_TIMEOUT }, () => {
	test('--help and no command list every command, one line each; an unknown command is a usage error', async () => {
		const dataDirectory = newDataDirectory();
		const [help, bare, unknown] = await Promise.all([
			dari(['--help'], { dataDirectory }),
			dari([], { dataDirectory }),
			dari(['frobnicate'], { dataDirectory })
		]);
		expect(help.code).toBe(0);
		expect(help.stderr).toBe('');
		for (const command of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b.* {3,}\\S`, 'm'));
		expect(bare).toEqual(help);

		expect(unknown.code).toBe(2);
		expect(unknown.stdout).toBe('');
		expect(expectOneLineError(unknown, /^dari: unknown command "frobnicate"$/)[1]).toMatch(/--help/);

		// --help is only about the command line: it created nothing.
		expect(readdirSync(dataDirectory)).toEqual([]);
	});

	test('migrate (through `npm run -s`: nothing but its own lines on stdout), then demo-data loads once', async () => {
		const dataDirectory = newDataDirectory();
		const database = join(dataDirectory, 'dari.sqlite');

		const migrated = await runProcess('npm', ['run', '-s', 'dari', '--', 'migrate'], { dataDirectory });
		expect(migrated).toEqual({ code: 0, stderr: '', stdout: `${MIGRATION_NAMES.map((name) => `Applied migration ${name}\n`).join('')}Up to date: ${database}\n` });
		// Both find nothing to migrate; demo-data then fills the empty database.
		const [again, loaded] = await Promise.all([dari(['migrate'], { dataDirectory }), dari(['demo-data'], { dataDirectory })]);
		expect(again).toMatchObject({ code: 0, stderr: '', stdout: `Already up to date: ${database}\n` });

		expect(loaded.code).toBe(0);
		expect(loaded.stdout).toMatch(/^Demo data loaded: /);
		expect(loaded.stdout).toContain('admin@demo.dari.test');
		expect(emailsOf(database)).toContain('admin@demo.dari.test');
		const groups = readRows<{ slug: string }>(database, 'select slug from country_group order by slug');
		expect(groups.map((group) => group.slug)).toEqual(['coree', 'japon']);

		const second = await dari(['demo-data'], { dataDirectory });
		expect(second).toMatchObject({ code: 0, stdout: `Database not empty, nothing loaded: ${database}\n` });
		expect(readRows(database, 'select id from country_group')).toHaveLength(2);
	});

	test('create-admin creates an account, promotes an existing one, and refuses a bad e-mail or a short password', async () => {
		const dataDirectory = newDataDirectory();
		const database = join(dataDirectory, 'dari.sqlite');

		// On a new database: migrates first, then creates.
		const created = await dari(['create-admin', '  Alice@Example.ORG ', '--name', 'Alice Martin'], { dataDirectory });
		expect(created.code).toBe(0);
		expect(created.stdout).toContain('Created administrator alice@example.org');
		// No SMTP: the operator is told that a magic link alone cannot reach the first administrator.
		expect(created.stderr).toMatch(/SMTP_URL is not set/);
		type Account = { email: string; name: string; is_administrator: number; password_hash: string | null };
		const accounts = () => readRows<Account>(database, 'select email, name, is_administrator, password_hash from user_account');
		expect(accounts()).toEqual([{ email: 'alice@example.org', name: 'Alice Martin', is_administrator: 1, password_hash: null }]);

		const [promoted, badEmail, shortPassword] = await Promise.all([
			dari(['create-admin', 'alice@example.org', '--password-stdin'], { dataDirectory, input: 'correct horse battery\n' }),
			dari(['create-admin', 'not-an-address'], { dataDirectory }),
			dari(['create-admin', 'bob@example.org', '--password-stdin'], { dataDirectory, input: 'short\n' })
		]);
		expect(promoted.code).toBe(0);
		expect(promoted.stdout).toMatch(/^alice@example.org already had an account: it is now an administrator, with the password given\.$/m);
		expect(promoted.stderr).toBe('');
		expect(accounts()).toHaveLength(1);
		expect(accounts()[0].password_hash).toMatch(/^scrypt\$/);

		expect(badEmail.code).toBe(2);
		expect(badEmail.stdout).toBe('');
		expectOneLineError(badEmail, /^dari create-admin: "not-an-address" is not a valid e-mail address/);
		expect(shortPassword.code).toBe(2);
		expectOneLineError(shortPassword, /shorter than 12 characters/);
		expect(accounts().map((account) => account.email)).toEqual(['alice@example.org']);
	});

	test('backup makes a consistent, checked copy while a writer keeps writing, and never overwrites without --force', async () => {
		const dataDirectory = newDataDirectory();
		const database = await prepareDatabase(dataDirectory);
		const backupFile = join(dataDirectory, 'backup.sqlite');

		// A writer on its own connection, as the server would be: each transaction adds a numbered row
		// and moves a counter to that number. A consistent snapshot has counter = number of rows.
		const writer = new SQLite(database);
		// As the server's connection (db/connection.ts).
		writer.pragma('journal_mode = WAL');
		writer.pragma('busy_timeout = 5000');
		writer.pragma('synchronous = NORMAL');
		const padding = 'x'.repeat(400);
		const PADDING_ROWS = 5_000;
		const insertRow = writer.prepare(`insert into rate_limit (bucket, window_start, hits) values (?, ?, ?)`);
		// ~2 MB of rows, so that the copy is more than an instant.
		writer.transaction(() => {
			for (let index = 0; index < PADDING_ROWS; index++) insertRow.run(`padding-${index}-${padding}`, '-', 0);
			insertRow.run('counter', '-', 0);
		})();
		const write = writer.transaction((number: number) => {
			insertRow.run('writer', String(number).padStart(8, '0'), number);
			writer.prepare(`update rate_limit set hits = ? where bucket = 'counter'`).run(number);
		});
		let written = 0;
		const timer = setInterval(() => write(++written), 2);
		try {
			const writtenBefore = written;
			const outcome = await dari(['backup', backupFile], { dataDirectory });
			const writtenDuring = written - writtenBefore;
			expect(outcome.stderr).toBe('');
			expect(outcome.code).toBe(0);
			expect(outcome.stdout).toMatch(new RegExp(`^Backed up ${database} to ${backupFile} \\(\\d+(\\.\\d)? [KM]iB, integrity ok\\)\\.\\n$`));
			expect(writtenDuring).toBeGreaterThan(5);
		} finally {
			clearInterval(timer);
		}
		writer.close();

		// One self-contained file: no -wal beside it, rollback-journal mode, sound.
		expect(existsSync(backupFile + '-wal')).toBe(false);
		const backup = new SQLite(backupFile, { readonly: true, fileMustExist: true });
		try {
			expect(backup.pragma('journal_mode', { simple: true })).toBe('delete');
			expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
			const counter = backup.prepare(`select hits from rate_limit where bucket = 'counter'`).pluck().get() as number;
			const rows = backup.prepare(`select hits from rate_limit where bucket = 'writer' order by hits`).pluck().all() as number[];
			expect(rows).toEqual(Array.from({ length: counter }, (_, index) => index + 1));
			expect(counter).toBeGreaterThan(0);
			expect(counter).toBeLessThanOrEqual(written);
			expect(backup.prepare(`select count(*) from rate_limit where bucket like 'padding-%'`).pluck().get()).toBe(PADDING_ROWS);
		} finally {
			backup.close();
		}
		// The rows the writer did not touch are the same as in the source.
		expect(emailsOf(backupFile)).toEqual(emailsOf(database));
		expect(readRows(backupFile, 'select * from user_account')).toEqual(readRows(database, 'select * from user_account'));

		const refused = await dari(['backup', backupFile], { dataDirectory });
		expect(refused.code).toBe(1);
		expect(refused.stdout).toBe('');
		expectOneLineError(refused, /^dari backup: .*backup\.sqlite already exists: .*--force/);

		insertAccount(database, 'later@example.org');
		const forced = await dari(['backup', backupFile, '--force'], { dataDirectory });
		expect(forced.code).toBe(0);
		expect(emailsOf(backupFile)).toContain('later@example.org');
		// Only the backup and the database: no temporary file left behind.
		expect(readdirSync(dataDirectory).sort()).toEqual(['backup.sqlite', 'dari.sqlite']);
	});

	test('restore brings back the earlier state, keeps the replaced database, and waits for the server to stop', async () => {
		const dataDirectory = newDataDirectory();
		const database = await prepareDatabase(dataDirectory);
		const backupFile = join(dataDirectory, 'before.sqlite');
		expect((await dari(['backup', backupFile], { dataDirectory })).code).toBe(0);
		insertAccount(database, 'after-backup@example.org');

		// A connection that has read the database, as the running server's has: restore refuses.
		const server = new SQLite(database);
		server.pragma('journal_mode = WAL');
		server.prepare('select count(*) from user_account').get();
		const refused = await dari(['restore', backupFile], { dataDirectory });
		server.close();
		expect(refused.code).toBe(1);
		expectOneLineError(refused, /^dari restore: .*dari\.sqlite is open in another process \(is the Dari server running\?\)/);
		expect(emailsOf(database)).toContain('after-backup@example.org');

		const restored = await dari(['restore', backupFile], { dataDirectory });
		expect(restored.stderr).toBe('');
		expect(restored.code).toBe(0);
		const kept = /^The replaced database is kept as (.+)$/m.exec(restored.stdout)?.[1];
		expect(restored.stdout).toMatch(new RegExp(`^Restored ${backupFile} into ${database}\\.$`, 'm'));
		expect(kept).toMatch(/dari\.sqlite\.before-restore-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
		// No log of the replaced database left to be applied to the restored one, no temporary file
		// (looked at before the reads below, whose read-only connections leave -wal and -shm files).
		expect(readdirSync(dataDirectory).sort()).toEqual(['before.sqlite', 'dari.sqlite', kept!.split('/').pop()].sort());

		expect(emailsOf(database)).toEqual(['first@example.org']);
		expect(emailsOf(kept!)).toEqual(['after-backup@example.org', 'first@example.org']);
		expect(readRows(database, 'pragma integrity_check')).toEqual([{ integrity_check: 'ok' }]);
	});

	test('restore refuses what is not a Dari SQLite database and leaves the current one alone', async () => {
		const dataDirectory = newDataDirectory();
		const database = await prepareDatabase(dataDirectory);
		const text = join(dataDirectory, 'notes.txt');
		writeFileSync(text, 'this is not a database\n');
		const foreign = join(dataDirectory, 'other-app.sqlite');
		const other = new SQLite(foreign);
		other.exec('create table things (id integer primary key)');
		other.close();

		const [notSqlite, notDari] = await Promise.all([
			dari(['restore', text], { dataDirectory }),
			dari(['restore', foreign], { dataDirectory })
		]);
		expect(notSqlite.code).toBe(1);
		expectOneLineError(notSqlite, /^dari restore: .*notes\.txt is not a SQLite database: nothing restored$/);
		expect(notDari.code).toBe(1);
		expectOneLineError(notDari, /^dari restore: .*other-app\.sqlite is not a Dari database \(no kysely_migration or user_account table\)/);

		expect(emailsOf(database)).toEqual(['first@example.org']);
		expect(readdirSync(dataDirectory).filter((name) => name.includes('before-restore') || name.endsWith('.tmp'))).toEqual([]);
	});

	test('a corrupt database file or an unreachable server gives one clear line, no stack trace; restore replaces the corrupt file', async () => {
		const dataDirectory = newDataDirectory();
		writeFileSync(join(dataDirectory, 'dari.sqlite'), randomBytes(8192));
		const [migrate, backup, unreachable] = await Promise.all([
			dari(['migrate'], { dataDirectory }),
			dari(['backup', join(dataDirectory, 'copy.sqlite')], { dataDirectory }),
			// Port 1: nothing listens there; the password must not appear in the message.
			dari(['migrate'], { dataDirectory, env: { DATABASE_URL: 'postgres://dari:hunter2@127.0.0.1:1/dari' } })
		]);
		for (const outcome of [migrate, backup]) {
			expect(outcome.code).toBe(1);
			expect(outcome.stdout).toBe('');
			expect(expectOneLineError(outcome, /dari\.sqlite: file is not a database$/)).toHaveLength(1);
		}
		expect(unreachable.code).toBe(1);
		expect(expectOneLineError(unreachable, /^dari migrate: Cannot use the database at postgres:\/\/dari:\*\*\*@127\.0\.0\.1:1\/dari: .*ECONNREFUSED/)).toHaveLength(1);
		expect(unreachable.stderr).not.toContain('hunter2');
		expect(existsSync(join(dataDirectory, 'copy.sqlite'))).toBe(false);

		// The way out: restore a good backup over the damaged file, which is kept aside.
		const goodBackup = await prepareDatabase(newDataDirectory());
		const restored = await dari(['restore', goodBackup], { dataDirectory });
		expect(restored.stderr).toBe('');
		expect(restored.code).toBe(0);
		expect(emailsOf(join(dataDirectory, 'dari.sqlite'))).toEqual(['first@example.org']);
		expect(readdirSync(dataDirectory).filter((name) => name.startsWith('dari.sqlite.before-restore-'))).toHaveLength(1);
	});
});

const postgresUrl = process.env.TEST_DATABASE_URL;

describe.runIf(postgresUrl)('dari command line [postgres]', { concurrent: true, timeout: CHILD_PROCESS_TIMEOUT }, () => {
	const name = `dari_cli_${randomBytes(6).toString('hex')}`;
	let admin: pg.Client;
	let databaseUrl: string;

	beforeAll(async () => {
		admin = new pg.Client({ connectionString: postgresUrl });
		await admin.connect();
		await admin.query(`CREATE DATABASE ${name}`);
		const withPassword = new URL(withDatabase(postgresUrl!, name));
		// A password the server does not need (trust authentication here), to check it is never printed.
		withPassword.password = 'not-to-be-printed';
		databaseUrl = withPassword.toString();
	});
	afterAll(async () => {
		await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await admin?.end();
	});

	test('migrate and create-admin work on a fresh PostgreSQL database', async () => {
		const dataDirectory = newDataDirectory();
		const env = { DATABASE_URL: databaseUrl };
		const migrated = await dari(['migrate'], { dataDirectory, env });
		expect(migrated.stderr).toBe('');
		expect(migrated.code).toBe(0);
		expect(migrated.stdout).toContain(`Applied migration ${MIGRATION_NAMES.at(-1)}`);
		expect(migrated.stdout).not.toContain('not-to-be-printed');

		const created = await dari(['create-admin', 'root@example.org', '--name', 'Root'], { dataDirectory, env });
		expect(created.code).toBe(0);
		expect(created.stdout).toContain('Created administrator root@example.org');
		const client = new pg.Client({ connectionString: withDatabase(postgresUrl!, name) });
		await client.connect();
		try {
			const { rows } = await client.query('select email, name, is_administrator from user_account');
			expect(rows).toEqual([{ email: 'root@example.org', name: 'Root', is_administrator: 1 }]);
		} finally {
			await client.end();
		}
	});

	test('backup and restore give the pg_dump / pg_restore command instead, exit 1, password left out', async () => {
		const dataDirectory = newDataDirectory();
		const env = { DATABASE_URL: databaseUrl };
		const [backup, restore] = await Promise.all([
			dari(['backup', join(dataDirectory, 'dari.dump')], { dataDirectory, env }),
			dari(['restore', join(dataDirectory, 'dari.dump')], { dataDirectory, env })
		]);
		const printable = withDatabase(postgresUrl!, name);
		expect(backup.code).toBe(1);
		expect(backup.stdout).toBe('');
		expect(backup.stderr).toContain(`pg_dump --format=custom --file=${join(dataDirectory, 'dari.dump')} ${printable}`);
		expect(backup.stderr).toMatch(/^dari backup: no backup made/m);
		expect(restore.code).toBe(1);
		expect(restore.stderr).toContain(`pg_restore --clean --if-exists --no-owner --single-transaction --dbname=${printable}`);
		for (const outcome of [backup, restore]) {
			expect(outcome.stderr).not.toContain('not-to-be-printed');
			expect(outcome.stderr).toContain('PGPASSWORD');
		}
		expect(existsSync(join(dataDirectory, 'dari.dump'))).toBe(false);
	});
});

describe.concurrent('dari import-minutes [sqlite]', { timeout: CHILD_PROCESS_TIMEOUT }, () => {
	const reference = join(ROOT, 'tests/fixtures/minutes/compte-rendu-groupe-pays-coree-2024-02-27.txt');
	const meetingsOf = (path: string) => readRows<{ id: string; title_fr: string; status: string }>(path, 'select id, title_fr, status from meeting order by created_at');

	test('--json --dry-run prints one object of issue 4 §9 on the reference and writes nothing; then the import creates the meeting once', async () => {
		const dataDirectory = newDataDirectory();
		const database = join(dataDirectory, 'dari.sqlite');
		expect((await dari(['demo-data'], { dataDirectory })).code).toBe(0);
		const before = meetingsOf(database);
		const dry = await dari(['import-minutes', reference, '--group', 'coree', '--dry-run', '--json'], { dataDirectory });
		expect(dry.code).toBe(0);
		const json = JSON.parse(dry.stdout);
		expect(Object.keys(json)).toEqual(['title', 'startsAt', 'endsAt', 'timezone', 'format', 'agenda', 'participants', 'excused', 'unrecognised', 'actions']);
		expect(json).toMatchObject({ title: 'Réunion du groupe-pays Corée', startsAt: '2024-02-27T08:00:00.000Z', endsAt: '2024-02-27T09:00:00.000Z', timezone: 'Europe/Paris', format: 'video', excused: [], unrecognised: [] });
		expect(json.agenda.map((item: { interventions: { speaker: string | null }[] }) => item.interventions.map((intervention) => intervention.speaker))).toEqual([
			['Caroline Millan'],
			['Virginie Rouquette', 'Caroline Millan', 'Christina Dabrowski', 'Hong Joon Ho'],
			['Kim Hyoung Jin', null]
		]);
		expect(json.agenda[2].decisions).toHaveLength(2);
		expect(json.participants).toHaveLength(15);
		expect(json.participants[2]).toEqual({ organisation: 'GAROK', givenName: 'Joon Ho', familyName: 'HONG' });
		expect(meetingsOf(database)).toEqual(before);

		const imported = await dari(['import-minutes', reference, '--group', 'coree'], { dataDirectory });
		expect(imported.code).toBe(0);
		const id = /Created meeting ([0-9a-f-]{36}) \(draft\)/.exec(imported.stdout)?.[1];
		expect(meetingsOf(database).filter((meeting) => meeting.id === id)).toEqual([{ id, title_fr: 'Réunion du groupe-pays Corée', status: 'draft' }]);
		const again = await dari(['import-minutes', reference, '--group', 'coree', '--json'], { dataDirectory });
		expect(again.code).toBe(1);
		expect(again.stdout).toBe('');
		expectOneLineError(again, /^dari import-minutes: .* was already imported into coree \(meeting [0-9a-f-]{36}\); --force imports it again$/);
	});

	test('refuses a PDF, an unknown group, a missing --group', async () => {
		const dataDirectory = newDataDirectory();
		const pdf = join(dataDirectory, 'minutes.pdf');
		writeFileSync(pdf, '%PDF-1.7\n1 0 obj\n');
		expect((await dari(['demo-data'], { dataDirectory })).code).toBe(0);
		const [refused, unknown, usage] = await Promise.all([
			dari(['import-minutes', pdf, '--group', 'coree', '--dry-run'], { dataDirectory }),
			dari(['import-minutes', reference, '--group', 'nowhere', '--dry-run'], { dataDirectory }),
			dari(['import-minutes', reference], { dataDirectory })
		]);
		expect(refused.code).toBe(1);
		expectOneLineError(refused, /^dari import-minutes: .*minutes\.pdf: this is a PDF/);
		expect(unknown.code).toBe(1);
		expectOneLineError(unknown, /no group with the slug "nowhere"/);
		expect(usage.code).toBe(2);
		expectOneLineError(usage, /missing --group <slug>/);
	});
	test('--dry-run on a new, unmigrated database says so in one line, exit 1, and creates no table', async () => {
		const dataDirectory = newDataDirectory();
		const dry = await dari(['import-minutes', reference, '--group', 'coree', '--dry-run', '--json'], { dataDirectory });
		expect(dry.code).toBe(1);
		expect(dry.stdout).toBe('');
		expect(expectOneLineError(dry, /^dari import-minutes: .*dari\.sqlite is not migrated \(\d+ migrations pending\): run `npm run -s dari -- migrate` first \(a dry run writes nothing\)$/)).toHaveLength(1);
		expect(readRows<{ name: string }>(join(dataDirectory, 'dari.sqlite'), "select name from sqlite_master where type = 'table'")).toEqual([]);
	});
});

import SQLite from 'better-sqlite3';
import { chmodSync, chownSync, copyFileSync, existsSync, linkSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { CommandFailure, oneLine, parseCommandArguments, resolveFileArgument, type CommandOutput } from '../command-line';
import { locateDatabase } from '../database-location';
import { restoreAdvice } from '../postgres-advice';
import {
	checkExclusiveAccess,
	findIntegrityProblems,
	hasSqliteHeader,
	hasTable,
	removeDatabaseFiles,
	syncToDisk,
	temporaryPathBeside,
	WAL_SUFFIXES
} from '../sqlite-file';

/** Tables every Dari database has: Kysely's record of migrations, and the accounts. */
const DARI_TABLES = ['kysely_migration', 'user_account'];

export async function restoreDatabase(args: string[], output: CommandOutput): Promise<void> {
	const { positionals } = parseCommandArguments(args, {}, { required: ['<file>'] });
	const source = resolveFileArgument(positionals[0]);
	const { location: database, kind } = locateDatabase();
	if (kind === 'postgres') {
		for (const line of restoreAdvice(database, source)) output.warn(line);
		throw new CommandFailure('nothing restored: use pg_restore for a PostgreSQL database');
	}
	if (database === ':memory:') throw new CommandFailure('the database is in memory: there is no file to restore into');
	if (!existsSync(source) || !statSync(source).isFile()) throw new CommandFailure(`there is no file ${source}`);
	if (!hasSqliteHeader(source)) throw new CommandFailure(`${source} is not a SQLite database: nothing restored`);
	if (existsSync(database) && realpathSync(database) === realpathSync(source)) {
		throw new CommandFailure(`${source} is the database itself: nothing to restore`);
	}

	// Asked first so that the operator hears it at once; asked again just before the swap.
	refuseIfInUse(database);

	// Prepared beside the database so that the final rename is atomic (same file system).
	const prepared = temporaryPathBeside(database, 'restore');
	try {
		await copyDatabase(source, prepared);
		checkDariDatabase(source, prepared);
		const applied = await bringUpToDate(source, prepared);

		const access = refuseIfInUse(database);
		if (access !== 'missing') takeOwnershipOf(database, prepared);
		const kept = access === 'missing' ? null : keepReplacedDatabase(database, access === 'free');
		syncToDisk(prepared);
		renameSync(prepared, database);
		syncToDisk(database);

		output.out(`Restored ${source} into ${database}.`);
		for (const name of applied) output.out(`Applied migration ${name} to the restored database`);
		if (kept) output.out(`The replaced database is kept as ${kept}`);
	} finally {
		removeDatabaseFiles(prepared);
	}
}

/**
 * Restoring under a running server would lose data without a word: the server keeps writing into
 * the replaced file through the connection it holds. Returns the state of the current database.
 */
function refuseIfInUse(database: string): 'free' | 'unreadable' | 'missing' {
	if (!existsSync(database)) return 'missing';
	const access = checkExclusiveAccess(database);
	if (access === 'in-use') {
		throw new CommandFailure(`${database} is open in another process (is the Dari server running?): stop it, then restore again`);
	}
	return access;
}

/**
 * Copies with SQLite's backup rather than the file system: a -wal file beside <file> is included.
 * Read-only, so <file> itself is never changed; the -wal and -shm files SQLite may create beside
 * it to read a WAL-mode file are removed afterwards (read-only, it writes nothing into them).
 */
async function copyDatabase(source: string, destination: string): Promise<void> {
	const companionsBefore = WAL_SUFFIXES.filter((suffix) => existsSync(source + suffix));
	let connection: SQLite.Database | undefined;
	try {
		connection = new SQLite(source, { fileMustExist: true, readonly: true });
		await connection.backup(destination);
	} catch (error) {
		throw new CommandFailure(`${source} cannot be read as a SQLite database (${oneLine((error as Error).message)}): nothing restored`);
	} finally {
		connection?.close();
		for (const suffix of WAL_SUFFIXES) if (!companionsBefore.includes(suffix)) rmSync(source + suffix, { force: true });
	}
}

function checkDariDatabase(source: string, prepared: string): void {
	const connection = new SQLite(prepared, { fileMustExist: true });
	try {
		const problems = findIntegrityProblems(connection);
		if (problems.length > 0) throw new CommandFailure(`${source} is damaged (integrity_check: ${problems[0]}): nothing restored`);
		const missing = DARI_TABLES.filter((table) => !hasTable(connection, table));
		if (missing.length > 0) {
			throw new CommandFailure(`${source} is not a Dari database (no ${missing.join(' or ')} table): nothing restored`);
		}
	} catch (error) {
		if (error instanceof CommandFailure) throw error;
		throw new CommandFailure(`${source} cannot be read as a SQLite database (${oneLine((error as Error).message)}): nothing restored`);
	} finally {
		connection.close();
	}
}

/**
 * Applies this version's migrations to the copy before it replaces anything: a backup from an
 * older Dari is upgraded as the server would at start, and one from a newer Dari (migrations this
 * version does not know) is refused while the current database is still in place.
 */
async function bringUpToDate(source: string, prepared: string): Promise<string[]> {
	// Loaded here only: the checks before answer without the database drivers.
	const { openOrExplain } = await import('../configured-database');
	const { migrateToLatest } = await import('../../lib/server/db/migrations/index');
	const handle = await openOrExplain(prepared);
	try {
		const result = await migrateToLatest(handle.db);
		return (result.results ?? []).filter((migration) => migration.status === 'Success').map((migration) => migration.migrationName);
	} catch (error) {
		throw new CommandFailure(
			`${source} does not fit this version of Dari (${oneLine(String((error as Error)?.message ?? error))}): nothing restored`
		);
	} finally {
		await handle.close();
	}
}

/**
 * The restored file takes the place of the old one with its owner and permissions: restored by
 * root for a server running as its own user, a root-owned file would leave the server read-only.
 */
function takeOwnershipOf(database: string, prepared: string): void {
	const { mode, uid, gid } = statSync(database);
	chmodSync(prepared, mode & 0o777);
	try {
		chownSync(prepared, uid, gid);
	} catch {
		// Only root may give a file away; anyone else restores as the owner already.
	}
}

/**
 * Keeps the database about to be replaced as <database>.before-restore-<time>: a second name for
 * the same file (a hard link, so nothing is copied), or a copy where links are not possible.
 * `sealed` says the exclusive-access check folded the write-ahead log into the file; otherwise
 * (a damaged database) the -wal file is kept beside the copy, under the name SQLite looks for.
 */
function keepReplacedDatabase(database: string, sealed: boolean): string {
	const stamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
	let kept = `${database}.before-restore-${stamp}`;
	for (let counter = 2; existsSync(kept); counter++) kept = `${database}.before-restore-${stamp}-${counter}`;
	try {
		linkSync(database, kept);
	} catch {
		copyFileSync(database, kept);
	}
	if (!sealed && existsSync(database + '-wal')) renameSync(database + '-wal', kept + '-wal');
	// Whatever log is left belongs to the replaced database: left there, SQLite would apply it to the restored one.
	for (const suffix of WAL_SUFFIXES) rmSync(database + suffix, { force: true });
	return kept;
}

import SQLite from 'better-sqlite3';
import { existsSync, realpathSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { CommandFailure, oneLine, parseCommandArguments, resolveFileArgument, type CommandOutput } from '../command-line';
import { locateDatabase } from '../database-location';
import { backupAdvice } from '../postgres-advice';
import {
	describeSize,
	findIntegrityProblems,
	removeDatabaseFiles,
	syncToDisk,
	temporaryPathBeside,
	WAL_SUFFIXES
} from '../sqlite-file';

/**
 * Pages per step of SQLite's online backup: all of them. The backup then reads the database in one
 * read transaction, a consistent snapshot that the server's writes (WAL mode) neither block nor
 * restart; with small steps, every write between two steps restarts the copy, and a busy server
 * could keep it from ever finishing (https://sqlite.org/c3ref/backup_finish.html).
 */
const ALL_PAGES = 0x7fffffff;

export async function backupDatabase(args: string[], output: CommandOutput): Promise<void> {
	const { values, positionals } = parseCommandArguments(args, { force: { type: 'boolean' } }, { required: ['<file>'] });
	const target = resolveFileArgument(positionals[0]);
	const { location, kind } = locateDatabase();
	if (kind === 'postgres') {
		for (const line of backupAdvice(location, target)) output.warn(line);
		throw new CommandFailure('no backup made: use pg_dump for a PostgreSQL database');
	}
	if (location === ':memory:') throw new CommandFailure('the database is in memory: there is no file to back up');
	if (!existsSync(location)) throw new CommandFailure(`there is no database at ${location} (check DATA_DIR or DATABASE_URL)`);
	if ([location, ...WAL_SUFFIXES.map((suffix) => location + suffix)].some((file) => sameFile(file, target))) {
		throw new CommandFailure(`${target} is the database itself: name another file for the backup`);
	}
	if (existsSync(target) && !values.force) {
		throw new CommandFailure(`${target} already exists: choose another file, or add --force to replace it`);
	}
	if (existsSync(target) && statSync(target).isDirectory()) throw new CommandFailure(`${target} is a directory; name a file`);
	if (!existsSync(dirname(target))) throw new CommandFailure(`the directory ${dirname(target)} does not exist`);

	// Written under a temporary name, then renamed: <file> is either the previous one or a whole backup.
	const temporary = temporaryPathBeside(target, 'backup');
	try {
		await copyDatabase(location, temporary);
		const problems = checkAndSeal(temporary);
		if (problems.length > 0) {
			throw new CommandFailure(`the copy of ${location} fails integrity_check (${problems[0]}): the database itself may be damaged`);
		}
		syncToDisk(temporary);
		renameSync(temporary, target);
		syncToDisk(target);
	} finally {
		removeDatabaseFiles(temporary);
	}
	output.out(`Backed up ${location} to ${target} (${describeSize(statSync(target).size)}, integrity ok).`);
}

/** Whether two paths name the same file, through links and `..` (false when either is missing). */
function sameFile(first: string, second: string): boolean {
	return first === second || (existsSync(first) && existsSync(second) && realpathSync(first) === realpathSync(second));
}

async function copyDatabase(source: string, destination: string): Promise<void> {
	let connection: SQLite.Database;
	try {
		connection = new SQLite(source, { fileMustExist: true });
		// The server's writes hold the lock for milliseconds; wait for them as the server does.
		connection.pragma('busy_timeout = 5000');
	} catch (error) {
		throw new CommandFailure(`cannot open the database ${source}: ${oneLine((error as Error).message)}`);
	}
	try {
		await connection.backup(destination, { progress: () => ALL_PAGES });
	} catch (error) {
		throw new CommandFailure(`cannot back up ${source}: ${oneLine((error as Error).message)}`);
	} finally {
		connection.close();
	}
}

/**
 * Checks the copy and turns it into a single file: the backup carries the server's WAL mode in
 * its header, and a WAL database is only whole together with its -wal file. In rollback-journal
 * mode the copy can be moved, archived or restored as one file.
 */
function checkAndSeal(path: string): string[] {
	const connection = new SQLite(path, { fileMustExist: true });
	try {
		const problems = findIntegrityProblems(connection);
		if (problems.length === 0) connection.pragma('journal_mode = DELETE');
		return problems;
	} finally {
		connection.close();
	}
}

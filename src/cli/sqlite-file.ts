/**
 * Handling SQLite database files from outside the server: recognising one, checking it, knowing
 * whether someone else has it open, and writing files so that a crash never leaves half of one.
 */
import SQLite from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The first 16 bytes of every SQLite 3 database file (https://sqlite.org/fileformat.html#magic_header_string). */
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** The companions of a database in WAL mode: its write-ahead log and the log's shared index. */
export const WAL_SUFFIXES = ['-wal', '-shm'] as const;

export function hasSqliteHeader(path: string): boolean {
	const header = Buffer.alloc(SQLITE_MAGIC.length);
	const descriptor = openSync(path, 'r');
	try {
		return readSync(descriptor, header, 0, header.length, 0) === header.length && header.equals(SQLITE_MAGIC);
	} finally {
		closeSync(descriptor);
	}
}

/** The problems `PRAGMA integrity_check` finds; empty when the database is sound. */
export function findIntegrityProblems(connection: SQLite.Database): string[] {
	const rows = connection.pragma('integrity_check') as { integrity_check: string }[];
	return rows.map((row) => row.integrity_check).filter((message) => message !== 'ok');
}

export function hasTable(connection: SQLite.Database, table: string): boolean {
	return connection.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(table) !== undefined;
}

/**
 * Whether another connection (the server, a `sqlite3` shell…) has the database open, asked of
 * SQLite itself: in WAL mode every open connection holds a shared lock on the log index, so an
 * exclusive lock with no waiting is refused while any other is open, whatever process or user
 * holds it. When free, closing our connection folds the write-ahead log into the main file, so
 * the file alone then holds the whole database.
 * 'unreadable' means SQLite could not use the file (damaged, not a database, no permission).
 */
export function checkExclusiveAccess(path: string): 'free' | 'in-use' | 'unreadable' {
	let connection: SQLite.Database | undefined;
	try {
		connection = new SQLite(path, { fileMustExist: true });
		connection.pragma('busy_timeout = 0');
		connection.pragma('locking_mode = EXCLUSIVE');
		connection.exec('BEGIN EXCLUSIVE');
		connection.prepare('select count(*) from sqlite_master').get();
		connection.exec('COMMIT');
		return 'free';
	} catch (error) {
		const code = (error as { code?: string }).code ?? '';
		return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') ? 'in-use' : 'unreadable';
	} finally {
		try {
			connection?.close();
		} catch {
			// Closing a connection that failed to open its file: nothing to release.
		}
	}
}

/** A fresh name in the same directory as `target`, so that renaming it onto `target` is atomic. */
export function temporaryPathBeside(target: string, purpose: string): string {
	return join(dirname(target), `.${basename(target)}.${purpose}-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** Removes a database file and its WAL companions, if they exist. */
export function removeDatabaseFiles(path: string): void {
	for (const file of [path, ...WAL_SUFFIXES.map((suffix) => path + suffix)]) rmSync(file, { force: true });
}

/** Flushes a file, then the directory entry that names it, to the disk: a backup must survive a power cut. */
export function syncToDisk(path: string): void {
	for (const target of [path, dirname(path)]) {
		const descriptor = openSync(target, 'r');
		try {
			fsyncSync(descriptor);
		} catch {
			// Some file systems refuse fsync on a directory; the file itself was flushed.
		} finally {
			closeSync(descriptor);
		}
	}
}

/** A file size for a person: "840 KiB", "12.5 MiB". */
export function describeSize(bytes: number): string {
	return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KiB` : `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * Backups of a PostgreSQL database are PostgreSQL's job (pg_dump, pg_restore, or the host's
 * snapshots): Dari only says how, with the connection it uses.
 */

/**
 * The connection URL without its password, quoted for a POSIX shell. Left out rather than masked:
 * the command then works as printed, the tools asking for the password or reading PGPASSWORD or
 * ~/.pgpass, and no password lands in a terminal's scroll-back or a shell history.
 */
export function shellQuotedUrlWithoutPassword(url: string): { quoted: string; hadPassword: boolean } {
	let hadPassword = false;
	let printable: string;
	try {
		const parsed = new URL(url);
		hadPassword = parsed.password !== '';
		parsed.password = '';
		printable = parsed.toString();
	} catch {
		printable = 'postgres://…';
	}
	return { quoted: shellQuote(printable), hadPassword };
}

export function shellQuote(text: string): string {
	return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

export function backupAdvice(url: string, file: string): string[] {
	const { quoted, hadPassword } = shellQuotedUrlWithoutPassword(url);
	return [
		'The database is PostgreSQL: back it up with pg_dump (no backup was made). While Dari runs:',
		`  pg_dump --format=custom --file=${shellQuote(file)} ${quoted}`,
		...passwordNote(hadPassword)
	];
}

export function restoreAdvice(url: string, file: string): string[] {
	const { quoted, hadPassword } = shellQuotedUrlWithoutPassword(url);
	return [
		'The database is PostgreSQL: restore it with pg_restore (nothing was restored). Stop Dari first, then:',
		`  pg_restore --clean --if-exists --no-owner --single-transaction --dbname=${quoted} ${shellQuote(file)}`,
		'(for a plain SQL dump: psql --single-transaction --file=<dump.sql> <url>)',
		...passwordNote(hadPassword)
	];
}

function passwordNote(hadPassword: boolean): string[] {
	return hadPassword ? ['(the password of DATABASE_URL is left out: the tool asks for it, or set PGPASSWORD or ~/.pgpass)'] : [];
}

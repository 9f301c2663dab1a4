/**
 * `npm run -s dari -- <command>`: administering Dari from the server's console, with the
 * server's own environment (DATA_DIR, DATABASE_URL). Standard output holds only the command's
 * result; errors are one line on standard error, never a stack trace (DARI_DEBUG=1 adds it).
 * Exit status: 0 done, 1 could not be done, 2 wrong command line.
 */
import { CommandFailure, oneLine, UsageError, type Command, type CommandOutput } from './command-line';

/** Every command, in the order `--help` lists them; each one's code loads only when it runs. */
const COMMANDS: Command[] = [
	{
		name: 'migrate',
		synopsis: '',
		summary: 'apply the database migrations that are not applied yet',
		details: [
			'Prints each migration it applies, or "Already up to date". The server also migrates when it',
			'starts; run this before starting a new version to see the migrations apart from the start-up.'
		],
		load: async () => (await import('./commands/migrate')).migrate
	},
	{
		name: 'demo-data',
		synopsis: '',
		summary: 'migrate, then load the demo data into an empty database',
		details: [
			'Loads the Korea country group of the reference minutes and one account per role, only when',
			'the database holds no group and no account: it never mixes demo rows with real ones.',
			'Not loading into a database that is not empty is not an error (exit status 0).'
		],
		load: async () => (await import('./commands/demo-data')).loadDemo
	},
	{
		name: 'create-admin',
		synopsis: '<email> [--name <name>] [--password-stdin]',
		summary: 'create an administrator account, or make an existing account one',
		details: [
			'--name <name>       the name shown in Dari (for a new account; at most 120 characters)',
			'--password-stdin    read a password (12 to 200 characters, one line) from standard input,',
			"                    e.g. printf '%s' \"$PASSWORD\" | npm run -s dari -- create-admin … --password-stdin;",
			'                    without it the administrator signs in with a magic link sent by e-mail.',
			'Migrates the database first. For an existing account, also replaces its password when one is given.'
		],
		load: async () => (await import('./commands/create-admin')).createAdmin
	},
	{
		name: 'backup',
		synopsis: '<file> [--force]',
		summary: 'copy the SQLite database into <file>, consistently, while Dari keeps running',
		details: [
			'--force    replace <file> if it exists (otherwise an existing file is never overwritten)',
			"Uses SQLite's online backup: the server may keep running and writing. The copy is checked",
			'(integrity_check) and is a single, self-contained file. With PostgreSQL, prints the pg_dump',
			'command to use instead, on standard error, and exits with status 1: no backup was made.'
		],
		load: async () => (await import('./commands/backup')).backupDatabase
	},
	{
		name: 'restore',
		synopsis: '<file>',
		summary: 'replace the SQLite database by a backup (stop Dari first)',
		details: [
			'Checks that <file> is a sound SQLite database of Dari (integrity_check, its tables), brings it',
			"to this version's schema, then puts it in place in one atomic rename. The replaced database is",
			'kept beside it as <database>.before-restore-<time>. Refused while another process (the server)',
			'has the database open. With PostgreSQL, prints the pg_restore command to use instead, on',
			'standard error, and exits with status 1: nothing was restored.'
		],
		load: async () => (await import('./commands/restore')).restoreDatabase
	},
	{
		name: 'export-minutes',
		synopsis: '<meeting-id> --format docx|pdf|md [--lang fr|ko|both] --out <file> [--all-participants]',
		summary: "write a meeting's minutes as Word, PDF or Markdown",
		details: [
			'--format docx|pdf|md   Word laid out like the reference minutes, PDF (fonts embedded), or Markdown',
			"--lang fr|ko|both      French, Korean, or each paragraph in both (default: the minutes' own language)",
			'--out <file>           the file to write (replaced if it exists)',
			'--all-participants     list everyone present, also people who did not agree to be listed',
			'Drafts are exported too, marked as such. Exit status 1 when there is no such meeting.'
		],
		load: async () => (await import('./commands/export-minutes')).exportMinutesCommand
	},
	{
		name: 'import-minutes',
		synopsis: '<file> --group <slug> [--dry-run] [--json] [--force]',
		summary: 'import existing minutes (.txt or .docx) as a draft meeting of a group',
		details: [
			'--group <slug>   the country group the meeting belongs to (e.g. coree)',
			'--dry-run        read and match only: nothing is written (not even migrations)',
			'--json           print one JSON object: title, startsAt, endsAt (UTC), timezone, format,',
			'                 agenda, participants, excused, unrecognised (and meetingId once created)',
			'--force          import a document that was already imported into the group',
			'Speakers and participants are matched to the group directory as the web preview proposes;',
			'the platform itself is the author (administrator rights). A document without a recognisable',
			'date is refused here: import it from the web page, which asks for one.'
		],
		load: async () => (await import('./commands/import-minutes')).importMinutes
	},
	{
		name: 'holidays',
		synopsis: '<year> --country KR|FR [--alsace-moselle] [--json]',
		summary: "print a country's public holidays of a year, one line per day",
		details: [
			'--country KR|FR     Korea (official gazette list 2018–2027, computed up to 2050) or France',
			'--alsace-moselle    France: add Good Friday and 26 December (kind "regional")',
			'--json              print a JSON array of { date, name: { fr, ko, en }, kind, provisional }',
			'Kinds: public, substitute (Korean 대체공휴일), temporary (임시공휴일), election, regional.',
			'A three-day Seollal or Chuseok is three entries. For Korean years after the official list,',
			'the lunar days and substitutes are computed and provisional (marked * in the table).',
			'Reads no database.'
		],
		load: async () => (await import('./commands/holidays')).printHolidays
	},
	{
		name: 'assign',
		synopsis: '<instance.json>',
		summary: 'assign delegates to field visits from their ranked preferences, optimally',
		details: [
			'Reads { "visits": [{ "id", "slot", "capacity" }], "delegates": [{ "id", "organisation",',
			'"preferences": [visit ids, best first] }], "locked": [{ "delegate", "visit" }] } ("locked" optional;',
			'"-" reads standard input) and prints { "assignments": [{ "delegate", "visit", "rank" }],',
			'"unassigned": [{ "delegate", "slot", "reason" }], "filled", "rankSum" }: at most one visit per',
			'delegate and slot, among the visits they ranked, within capacities, locks kept; first as many',
			'places filled as possible, then the smallest sum of ranks. A lock on a visit the delegate did',
			'not rank has rank null. An unreadable file or an invalid instance (unknown visit, negative',
			'capacity, duplicate id, more locks than places…) is named on standard error, exit status 2.',
			'Reads no database.'
		],
		load: async () => (await import('./commands/assign')).assignCommand
	}
];

const INVOCATION = 'npm run -s dari --';

const output: CommandOutput = {
	out: (line) => process.stdout.write(line + '\n'),
	warn: (line) => process.stderr.write(line + '\n')
};

function usage(): string {
	const width = Math.max(...COMMANDS.map((command) => `${command.name} ${command.synopsis}`.trimEnd().length));
	return [
		`Usage: ${INVOCATION} <command> [arguments]`,
		'',
		'Administers Dari with the same environment as the server (DATA_DIR, default "data"; DATABASE_URL).',
		'',
		'Commands:',
		...COMMANDS.map((command) => `  ${`${command.name} ${command.synopsis}`.trimEnd().padEnd(width)}   ${command.summary}`),
		'',
		`"${INVOCATION} <command> --help" describes a command.`,
		'Exit status: 0 done, 1 could not be done, 2 wrong command line.'
	].join('\n');
}

function commandUsage(command: Command): string {
	return [`Usage: ${INVOCATION} ${command.name} ${command.synopsis}`.trimEnd(), '', `${command.summary[0].toUpperCase()}${command.summary.slice(1)}.`, '', ...command.details].join('\n');
}

function isHelp(argument: string | undefined): boolean {
	return argument === '--help' || argument === '-h' || argument === 'help';
}

async function main(args: string[]): Promise<number> {
	const [name, ...rest] = args;
	if (name === undefined || isHelp(name)) {
		const topic = COMMANDS.find((command) => command.name === rest[0]);
		output.out(topic ? commandUsage(topic) : usage());
		return 0;
	}
	const command = COMMANDS.find((candidate) => candidate.name === name);
	if (!command) {
		output.warn(`dari: unknown command ${JSON.stringify(name)}`);
		output.warn(`Run "${INVOCATION} --help" for the list of commands.`);
		return 2;
	}
	const options = rest.slice(0, rest.includes('--') ? rest.indexOf('--') : undefined);
	if (options.includes('--help') || options.includes('-h')) {
		output.out(commandUsage(command));
		return 0;
	}
	try {
		const run = await command.load();
		await run(rest, output);
		return 0;
	} catch (error) {
		output.warn(`dari ${command.name}: ${describeError(error)}`);
		if (process.env.DARI_DEBUG === '1' && error instanceof Error && error.stack) output.warn(error.stack);
		if (error instanceof UsageError) {
			output.warn(`Run "${INVOCATION} ${command.name} --help" for its usage.`);
			return 2;
		}
		return 1;
	}
}

function describeError(error: unknown): string {
	// Commands turn the refusals they expect (bad configuration, unusable database) into these.
	if (error instanceof UsageError || error instanceof CommandFailure) return oneLine(error.message);
	const message = oneLine(String((error as Error)?.message || error));
	// A file-system refusal (ENOTDIR, EACCES, ENOSPC…) names the call and the path: clear as it is.
	if (typeof (error as NodeJS.ErrnoException)?.syscall === 'string') return message;
	return `unexpected error: ${message || (error as Error)?.constructor?.name || 'unknown'} (DARI_DEBUG=1 shows where)`;
}

// Anything that escapes a command (an error in a driver's callback…) still ends as one line.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
	process.on(event, (error: unknown) => {
		process.stderr.write(`dari: unexpected error: ${oneLine(String((error as Error)?.message ?? error))}\n`);
		if (process.env.DARI_DEBUG === '1' && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n');
		process.exit(1);
	});
}

process.exitCode = await main(process.argv.slice(2));

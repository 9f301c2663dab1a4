/**
 * `npm run -s dari -- <command>`: administering Dari from the server's console, with the
 * server's own environment (DATA_DIR, DATABASE_URL). Standard output holds only the command's
 * result; errors are one line on standard error, never a stack trace (DARI_DEBUG=1 adds it).
 * Exit status: 0 done, 1 could not be done, 2 wrong command line.
 */
import { ConfigurationError } from '../lib/server/config/config';
import { DatabaseUnavailableError } from '../lib/server/db/connection';
import { CommandFailure, oneLine, UsageError, type Command, type CommandOutput } from './command-line';
import { backupCommand } from './commands/backup';
import { createAdminCommand } from './commands/create-admin';
import { demoDataCommand } from './commands/demo-data';
import { migrateCommand } from './commands/migrate';
import { restoreCommand } from './commands/restore';

const COMMANDS: Command[] = [migrateCommand, demoDataCommand, createAdminCommand, backupCommand, restoreCommand];

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
		await command.run(rest, output);
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
	if (error instanceof UsageError || error instanceof CommandFailure) return oneLine(error.message);
	// Both already say what is wrong and where ("Cannot use the database at …: file is not a database").
	if (error instanceof DatabaseUnavailableError || error instanceof ConfigurationError) return oneLine(error.message);
	const message = oneLine(String((error as Error)?.message || error));
	return `unexpected error: ${message || (error as Error)?.constructor?.name || 'unknown'} (DARI_DEBUG=1 shows where)`;
}

process.exitCode = await main(process.argv.slice(2));

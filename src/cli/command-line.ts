/**
 * What the commands of `dari` share: how a command describes itself, how it writes, how it reads
 * its arguments, and the two ways it can fail. Exit status: 0 done, 1 could not be done (the
 * database is unreachable, a file is in the way…), 2 the command line itself was wrong.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface CommandOutput {
	/** A line of the command's result, on standard output (the only thing there). */
	out(line: string): void;
	/** A warning or advice, on standard error. */
	warn(line: string): void;
}

export type CommandRunner = (args: string[], output: CommandOutput) => Promise<void>;

export interface Command {
	name: string;
	/** What follows the name in the usage line, e.g. `<file> [--force]`. */
	synopsis: string;
	/** One line for the list of commands. */
	summary: string;
	/** The rest of `dari <command> --help`: options and what the command does, a line each. */
	details: string[];
	/**
	 * Imported only when the command runs: the database drivers take a second or two to load,
	 * which `--help` and a mistyped command should not wait for.
	 */
	load(): Promise<CommandRunner>;
}

/** The command line is wrong (unknown command, missing argument, invalid e-mail): exit 2. */
export class UsageError extends Error {}

/** The command was understood but could not be done: exit 1. */
export class CommandFailure extends Error {}

type OptionKinds = Record<string, { type: 'string' | 'boolean' }>;

/**
 * Reads `args` against the command's options and the number of positional arguments it takes.
 * Unknown options and missing or extra arguments are usage errors, never silently ignored.
 */
export function parseCommandArguments<Options extends OptionKinds>(
	args: string[],
	options: Options,
	positionals: { required: string[] }
): {
	values: { [Key in keyof Options]?: Options[Key]['type'] extends 'string' ? string : boolean };
	positionals: string[];
} {
	let parsed: ReturnType<typeof parseArgs>;
	try {
		parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
	} catch (error) {
		// parseArgs explains itself ("Unknown option '--forse'…"); keep its first sentence.
		throw new UsageError(String((error as Error).message).split('. ')[0]);
	}
	const missing = positionals.required.slice(parsed.positionals.length);
	if (missing.length > 0) throw new UsageError(`missing ${missing.join(' ')}`);
	const extra = parsed.positionals.slice(positionals.required.length);
	if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
	return parsed as never;
}

/**
 * A file named on the command line, as an absolute path. `npm run` starts scripts in the
 * package's directory and keeps the caller's in INIT_CWD: `backup ../copy.sqlite` means next to
 * where the operator typed it, not next to package.json.
 */
export function resolveFileArgument(file: string): string {
	return resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

/** Messages from libraries may span lines; the operator gets one. */
export function oneLine(text: string): string {
	return text.replace(/\s*\n\s*/g, ' ').trim();
}

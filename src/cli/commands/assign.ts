import { readFileSync } from 'node:fs';
import { describeShapeProblems, instanceSchema } from '../../lib/server/assignment/assignment.schema';
import { assignVisits } from '../../lib/server/assignment/visit-assignment';
import { parseCommandArguments, resolveFileArgument, UsageError, type CommandOutput } from '../command-line';

const READ_FAILURES: Record<string, string> = { ENOENT: 'no such file', EISDIR: 'it is a directory', EACCES: 'permission denied' };

/** Problems named in the one error line; the rest are counted. */
const PROBLEMS_SHOWN = 5;

/**
 * `assign <instance.json>` (issue 6 §7): reads a visit-assignment instance (or standard input for
 * `-`), prints the optimal assignment as JSON: `{ assignments: [{ delegate, visit, rank }],
 * unassigned: [{ delegate, slot, reason }], filled, rankSum }`. Needs no database. A file that
 * cannot be read, is not JSON, or holds an invalid instance is refused with the problems named
 * (exit status 2: the input is what is wrong, like a wrong argument).
 */
export async function assignCommand(args: string[], output: CommandOutput): Promise<void> {
	const { positionals } = parseCommandArguments(args, {}, { required: ['<instance.json>'] });
	const file = positionals[0];
	const name = file === '-' ? 'standard input' : file;

	let text: string;
	try {
		text = readFileSync(file === '-' ? 0 : resolveFileArgument(file), 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? '';
		throw new UsageError(`cannot read ${name}: ${READ_FAILURES[code] ?? (error as Error).message}`);
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw new UsageError(`${name} is not valid JSON: ${(error as Error).message}`);
	}
	const parsed = instanceSchema.safeParse(json);
	if (!parsed.success) throw new UsageError(`${name} is not a visit-assignment instance: ${summarise(describeShapeProblems(parsed.error))}`);

	const outcome = assignVisits(parsed.data);
	if (!outcome.ok) throw new UsageError(`${name} is not a valid instance: ${summarise(outcome.problems.map((problem) => problem.message))}`);
	const { assignments, unassigned, filled, rankSum } = outcome.result;
	const printed = {
		assignments: assignments.map(({ delegate, visit, rank }) => ({ delegate, visit, rank })),
		unassigned,
		filled,
		rankSum
	};
	output.out(JSON.stringify(printed, null, 2));
}

function summarise(problems: string[]): string {
	const shown = problems.slice(0, PROBLEMS_SHOWN).join('; ');
	const more = problems.length - PROBLEMS_SHOWN;
	return more > 0 ? `${shown} (and ${more} more problem${more === 1 ? '' : 's'})` : shown;
}

/**
 * The shape of a visit-assignment instance read from outside (the `assign` command's JSON file,
 * issue 6 §7): types only. What makes a well-shaped instance unsolvable (unknown ids, negative
 * capacities, impossible locks) is `validateInstance`'s business, with messages naming the ids.
 * Fields other tools add (names, notes) are accepted and left aside.
 */
import { z } from 'zod';
import type { VisitAssignmentInstance } from './visit-assignment.types';

/** Ids are the caller's own (uuids, "visit-3"…): any non-empty string. */
const id = z.string().min(1, 'an id must not be empty');

/**
 * 100,000 delegates and 10,000 visits: hundreds of times the largest forum (hundreds of delegates,
 * dozens of visits), and still a file the solver handles in seconds; beyond, surely a mistake.
 */
export const instanceSchema = z.object({
	visits: z.array(z.object({ id, slot: z.string().min(1, 'a slot must not be empty'), capacity: z.number() })).max(10_000),
	delegates: z.array(z.object({ id, organisation: z.string(), preferences: z.array(id) })).max(100_000),
	locked: z.array(z.object({ delegate: id, visit: id })).optional()
}) satisfies z.ZodType<VisitAssignmentInstance>;

/** Where in the file each shape problem is, e.g. `delegates[3].preferences[0]: expected string, received number`. */
export function describeShapeProblems(error: z.ZodError): string[] {
	return error.issues.map((issue) => {
		const path = issue.path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
		return `${path || 'the instance'}: ${issue.message.replace(/^Invalid input: /, '')}`;
	});
}

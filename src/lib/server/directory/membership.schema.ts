import { z } from 'zod';

/** A real day written YYYY-MM-DD (2024-02-30 is not one, though Date.parse accepts it). */
function isCalendarDay(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const day = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** An organisation's membership of a group (issue 3 §4): as what, since when, still or no longer. */
export const membershipInputSchema = z.object({
	capacity: z.enum(['member', 'partner'], { message: 'invalid_choice' }),
	since: z
		.string()
		.trim()
		.default('')
		.refine((value) => value === '' || isCalendarDay(value), 'invalid_date')
		.transform((value) => (value === '' ? null : value)),
	status: z.enum(['active', 'former'], { message: 'invalid_choice' })
});

export type MembershipInput = z.infer<typeof membershipInputSchema>;

/** "Add it to this group" under a duplicate warning: the existing organisation and its place. */
export const addExistingOrganisationSchema = z.object({
	organisationId: z.string().trim().min(1, 'required').max(64, 'too_long'),
	capacity: z.enum(['member', 'partner'], { message: 'invalid_choice' }).default('member')
});

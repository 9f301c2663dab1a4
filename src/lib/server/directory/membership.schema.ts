import { z } from 'zod';
import { optionalDate } from './form-fields.schema';

/** An organisation's membership of a group (issue 3 §4): as what, since when, still or no longer. */
export const membershipInputSchema = z.object({
	capacity: z.enum(['member', 'partner'], { message: 'invalid_choice' }),
	since: optionalDate,
	status: z.enum(['active', 'former'], { message: 'invalid_choice' })
});

export type MembershipInput = z.infer<typeof membershipInputSchema>;

/** "Add it to this group" under a duplicate warning: the existing organisation and its place. */
export const addExistingOrganisationSchema = z.object({
	organisationId: z.string().trim().min(1, 'required').max(64, 'too_long'),
	capacity: z.enum(['member', 'partner'], { message: 'invalid_choice' }).default('member')
});

/** Editing a person and their titles with dates (issue 3 §3). */
import { z } from 'zod';
import { languageSchema } from '../auth/auth.schema';
import { optionalDate, personDetailsFields } from './person.schema';

/** A person's names, contacts, language and consent, as the edit form sends them. */
export const personDetailsSchema = z.object(personDetailsFields);
export type PersonDetailsInput = z.output<typeof personDetailsSchema>;

const titleFields = {
	/** 300 characters: the longest title of the reference minutes has 170. */
	title: z.string().trim().min(1, 'required').max(300, 'too_long'),
	language: languageSchema.default('fr'),
	validFrom: optionalDate,
	validTo: optionalDate
};

/** A title is held from a day to a day, both included: the end cannot come before the start. */
function checkDateOrder(value: { validFrom: string | null; validTo: string | null }, context: z.RefinementCtx) {
	if (value.validFrom && value.validTo && value.validTo < value.validFrom) {
		context.addIssue({ code: 'custom', path: ['validTo'], message: 'date_before_start' });
	}
}

/** One title and the days it is held; either end may be unknown. */
export const personTitleSchema = z.object(titleFields).superRefine(checkDateOrder);
export type PersonTitleInput = z.output<typeof personTitleSchema>;

/** The same, for a title that exists: which one it is. */
export const personTitleEditSchema = z.object({ titleId: z.string().trim().min(1, 'required'), ...titleFields }).superRefine(checkDateOrder);

/** Which title a removal is about. */
export const titleReferenceSchema = z.object({ titleId: z.string().trim().min(1, 'required') });

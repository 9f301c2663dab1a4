import { z } from 'zod';
import { optionalDate, optionalText } from './form-fields.schema';
import { emailSchema, languageSchema } from '../auth/auth.schema';

export { optionalDate };

/** Who a person is and how to reach them: the fields of adding and of editing a person. */
export const personDetailsFields = {
	/** 100 characters each: far beyond any name of the reference minutes. */
	givenName: z.string().trim().min(1, 'required').max(100, 'too_long'),
	familyName: z.string().trim().min(1, 'required').max(100, 'too_long'),
	nameOrder: z.enum(['given-first', 'family-first'], { message: 'invalid_choice' }).default('given-first'),
	email: z
		.string()
		.trim()
		.default('')
		.transform((value, context) => {
			if (value === '') return null;
			const parsed = emailSchema.safeParse(value);
			if (parsed.success) return parsed.data;
			context.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'invalid_email' });
			return z.NEVER;
		}),
	/** Digits, spaces and + ( ) - . only: a number to dial, in any country's writing. */
	phone: optionalText(40).refine((value) => value === null || /^[+\d][\d\s().-]{3,}$/.test(value), 'invalid_phone'),
	preferredLanguage: languageSchema.default('fr'),
	publicListingConsent: z
		.string()
		.optional()
		.transform((value) => value === 'on' || value === 'true')
};

/** A person of an organisation, with the title they hold and from/to when (issue 3 §3). */
export const personInputSchema = z
	.object({
		...personDetailsFields,
		/** 300 characters: the longest title of the reference minutes has 170. */
		title: optionalText(300),
		titleValidFrom: optionalDate,
		titleValidTo: optionalDate
	})
	.superRefine((value, context) => {
		if (value.titleValidFrom && value.titleValidTo && value.titleValidTo < value.titleValidFrom) {
			context.addIssue({ code: 'custom', path: ['titleValidTo'], message: 'date_before_start' });
		}
		if (!value.title && (value.titleValidFrom || value.titleValidTo)) {
			context.addIssue({ code: 'custom', path: ['title'], message: 'required' });
		}
	});

export type PersonInput = z.output<typeof personInputSchema>;

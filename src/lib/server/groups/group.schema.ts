/** What an administrator types to create or change a country group (issue 3 §1). */
import { z } from 'zod';
import { emailSchema } from '../auth/auth.schema';
import { isTimeZone, PARIS_ZONE } from '../../format/time-zones';

/**
 * The group's part of its addresses (/groups/coree): lowercase letters, digits and single
 * hyphens, so that it reads the same in every language and needs no escaping. 40 characters:
 * "groupe-pays-republique-democratique-du-congo" is the longest CUF name we know, shortened.
 */
const slugSchema = z
	.string()
	.trim()
	.toLowerCase()
	.min(1, 'required')
	.max(40, 'too_long')
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'invalid_slug');

/** 200 characters, as for organisation names. */
const groupName = z.string().trim().min(1, 'required').max(200, 'too_long');
/** 4,000 characters: a few paragraphs, the group's page is not a report. */
const groupDescription = z.string().trim().max(4000, 'too_long').default('');

export const groupInputSchema = z.object({
	slug: slugSchema,
	/** ISO 3166-1 alpha-2; whether the country exists is checked by the service (country.ts). */
	countryCode: z
		.string()
		.trim()
		.toUpperCase()
		.regex(/^[A-Z]{2}$/, 'invalid_country'),
	nameFr: groupName,
	nameKo: groupName,
	nameEn: groupName,
	descriptionFr: groupDescription,
	descriptionKo: groupDescription,
	descriptionEn: groupDescription,
	/**
	 * IANA zone the group's meetings are scheduled in unless said otherwise, and in which imported
	 * times without a zone are read (issue 4 §1: "default Europe/Paris").
	 */
	defaultTimezone: z.string().trim().default(PARIS_ZONE).refine(isTimeZone, 'invalid_choice'),
	/** Only on the edit form: a person of the group's member organisations, or '' for none. */
	presidentPersonId: z
		.string()
		.trim()
		.optional()
		.transform((value) => (value ? value : null))
});

export type GroupInput = z.output<typeof groupInputSchema>;

export const coordinatorAdditionSchema = z.object({ email: emailSchema });

export const coordinatorRemovalSchema = z.object({ userId: z.string().trim().min(1, 'required') });

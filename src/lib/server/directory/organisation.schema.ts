import { z } from 'zod';
import { optionalText } from './form-fields.schema';

import { OFFICIAL_CODE_SCHEMES, ORGANISATION_KINDS, type OfficialCodeScheme } from '../../directory/organisation-kinds';

/** Kinds of organisation that fit both countries (issue 3 §2): one list, shared with the pages. */
export { FRENCH_AUTHORITY_KINDS, KOREAN_GOVERNMENT_KINDS, INSTITUTION_KINDS, ORGANISATION_KINDS, type OrganisationKind, type OfficialCodeScheme } from '../../directory/organisation-kinds';

/** Where an official code comes from; each scheme has its own format, checked below. */
export const OFFICIAL_CODE_FORMATS = {
	/** INSEE commune code: 5 characters, Corsica's départements are 2A/2B. */
	insee: /^(\d{5}|2[AB]\d{3})$/,
	/** SIREN: 9 digits (EPCI, and any French public body). */
	siren: /^\d{9}$/,
	'insee-departement': /^(\d{2,3}|2[AB])$/,
	'insee-region': /^\d{2}$/,
	/** ISO 3166-2:KR for Korea's provincial level: KR-11 … KR-50. */
	'iso-3166-2': /^KR-\d{2}$/,
	/** Dari's code for Korea's basic level: the province's ISO code and the romanized name. */
	'kr-local': /^KR-\d{2}:[a-z0-9-]+$/
} as const satisfies Record<OfficialCodeScheme, RegExp>;

export const organisationInputSchema = z
	.object({
		kind: z.enum(ORGANISATION_KINDS, { message: 'invalid_choice' }),
		/** ISO 3166-1 alpha-2; the list of countries Dari knows is checked by the service. */
		countryCode: z
			.string()
			.trim()
			.toUpperCase()
			.regex(/^[A-Z]{2}$/, 'invalid_country'),
		/** 200 characters: the longest French official names (syndicats mixtes) stay under 150. */
		nameFr: z.string().trim().min(1, 'required').max(200, 'too_long'),
		nameKo: optionalText(200),
		nameEn: optionalText(200),
		website: z
			.string()
			.trim()
			.max(500, 'too_long')
			.default('')
			.transform((value) => (value === '' ? null : value))
			.refine((value) => value === null || /^https?:\/\/[^\s]+\.[^\s]+$/.test(value), 'invalid_url'),
		officialCodeScheme: z.enum(['', ...OFFICIAL_CODE_SCHEMES], { message: 'invalid_choice' }).default(''),
		officialCode: z.string().trim().toUpperCase().max(40, 'too_long').default(''),
		departementCode: optionalText(3),
		regionCode: optionalText(10),
		regionName: optionalText(120),
		population: z
			.string()
			.trim()
			.default('')
			.transform((value) => (value === '' ? null : Number(value)))
			.refine((value) => value === null || (Number.isInteger(value) && value >= 0 && value < 100_000_000), 'invalid_number'),
		address: optionalText(500),
		capacity: z.enum(['member', 'partner'], { message: 'invalid_choice' }).default('member'),
		/** Set when the person saw the possible duplicate and still wants a new organisation (homonyms exist). */
		createAnyway: z
			.string()
			.optional()
			.transform((value) => value === 'on' || value === 'true')
	})
	.superRefine((value, context) => {
		if (value.officialCodeScheme === '' && value.officialCode !== '') {
			context.addIssue({ code: 'custom', path: ['officialCodeScheme'], message: 'required' });
		}
		if (value.officialCodeScheme !== '') {
			// Korean codes keep their lower-case romanized part.
			const code = value.officialCodeScheme === 'kr-local' ? value.officialCode.replace(/:(.*)$/, (_, rest: string) => `:${rest.toLowerCase()}`) : value.officialCode;
			if (!OFFICIAL_CODE_FORMATS[value.officialCodeScheme].test(code)) {
				context.addIssue({ code: 'custom', path: ['officialCode'], message: 'invalid_code' });
			}
		}
	})
	.transform((value) => ({
		...value,
		officialCode:
			value.officialCodeScheme === ''
				? null
				: value.officialCodeScheme === 'kr-local'
					? value.officialCode.replace(/:(.*)$/, (_, rest: string) => `:${rest.toLowerCase()}`)
					: value.officialCode,
		officialCodeScheme: value.officialCodeScheme === '' ? null : value.officialCodeScheme
	}));

export type OrganisationInput = z.output<typeof organisationInputSchema>;

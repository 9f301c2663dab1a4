/** What people type about a good practice, checked at the form's boundary (zod, ENGINEERING.md). */
import { z } from 'zod';

/** 200 characters: a title is one line; the longest of the reference minutes' practices is under 80. */
const TITLE_MAX = 200;
/** 4,000 characters (about a page): a summary, with the details behind its links. */
const SUMMARY_MAX = 4000;

const text = (max: number) => z.string().trim().max(max, 'too_long').default('');

/** The form sends one checkbox per organisation (`organisation:<id>`) and per theme (`theme:<key>`). */
export const ORGANISATION_FIELD_PREFIX = 'organisation:';
export const THEME_FIELD_PREFIX = 'theme:';

function checkedWithPrefix(value: Record<string, unknown>, prefix: string): string[] {
	return Object.entries(value)
		.filter(([key, checked]) => key.startsWith(prefix) && (checked === 'on' || checked === 'true'))
		.map(([key]) => key.slice(prefix.length))
		.sort();
}

export const practiceInputSchema = z
	.looseObject({
		/** ISO 3166-1 alpha-2: where it was done. The service checks the country exists. */
		countryCode: z
			.string()
			.trim()
			.toUpperCase()
			.regex(/^[A-Z]{2}$/, 'invalid_country'),
		titleFr: text(TITLE_MAX),
		titleKo: text(TITLE_MAX),
		titleEn: text(TITLE_MAX),
		summaryFr: text(SUMMARY_MAX),
		summaryKo: text(SUMMARY_MAX),
		summaryEn: text(SUMMARY_MAX)
	})
	.superRefine((value, context) => {
		// One language is enough to begin with: a Korean member may write in Korean only, the
		// others are translated later. Without any title or summary there is nothing to show.
		if (!value.titleFr && !value.titleKo && !value.titleEn) context.addIssue({ code: 'custom', path: ['titleFr'], message: 'required' });
		if (!value.summaryFr && !value.summaryKo && !value.summaryEn) context.addIssue({ code: 'custom', path: ['summaryFr'], message: 'required' });
	})
	.transform((value) => ({
		countryCode: value.countryCode,
		titleFr: value.titleFr,
		titleKo: value.titleKo,
		titleEn: value.titleEn,
		summaryFr: value.summaryFr,
		summaryKo: value.summaryKo,
		summaryEn: value.summaryEn,
		organisationIds: checkedWithPrefix(value, ORGANISATION_FIELD_PREFIX),
		themeKeys: checkedWithPrefix(value, THEME_FIELD_PREFIX)
	}));

export type PracticeInput = z.output<typeof practiceInputSchema>;

/** True for an absolute http(s) address with a host: no javascript:, data: or relative links. */
export function isWebAddress(value: string): boolean {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return false;
	}
	return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.') && !/\s/.test(value);
}

export const practiceLinkSchema = z.object({
	/** 2,000 characters: what browsers and servers reliably accept in a URL. */
	url: z.string().trim().min(1, 'required').max(2000, 'too_long').refine(isWebAddress, 'invalid_url'),
	/** Optional: the address itself is shown when there is no label. */
	label: text(200)
});

export type PracticeLinkInput = z.output<typeof practiceLinkSchema>;

export const practicePhotoCaptionSchema = z.object({
	/** Required: a photo without a caption says nothing to a screen reader (it is the image's text alternative). */
	caption: z.string().trim().min(1, 'required').max(300, 'too_long')
});

/**
 * What the import and export pages accept, and the columns of each file. Column names are a stable
 * machine form (snake_case, English, as the database names things): they are documented on the
 * exchange page and do not change with the page's language, so a file exported today imports
 * tomorrow and scripts can rely on them.
 */
import { z } from 'zod';

/**
 * 2 MB: a group's directory (hundreds of organisations, a few thousand people) is far below it,
 * and the preview, which lists every line, stays a page a browser shows at once.
 */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** 5,000 lines: the largest group of the benchmark has fewer members; every line is shown in the preview. */
export const MAX_IMPORT_LINES = 5000;

export const IMPORT_KINDS = ['organisations', 'people'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const EXPORT_LISTS = ['organisations', 'people', 'partnerships', 'practices'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const importKindSchema = z.enum(IMPORT_KINDS, { message: 'invalid_choice' });

/**
 * The confirm form: the file itself comes back as base64 in a hidden field (pages work without
 * JavaScript, and the server keeps nothing between preview and confirm), and is read and checked
 * again from scratch. Bounded: base64 makes 4 characters of 3 bytes.
 */
export const importConfirmSchema = z.object({
	kind: importKindSchema,
	fileName: z.string().max(255, 'too_long').default(''),
	content: z
		.string()
		.max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4, 'too_long')
		.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'invalid_choice')
});

export const exportRequestSchema = z.object({
	list: z.enum(EXPORT_LISTS),
	format: z.enum(EXPORT_FORMATS)
});

/** Columns of an organisations file: required ones must be in the header; the others may be. */
export const ORGANISATION_COLUMNS = {
	required: ['kind', 'country_code', 'name_fr'],
	optional: ['name_ko', 'name_en', 'official_code_scheme', 'official_code', 'departement_code', 'region_code', 'region_name', 'population', 'website', 'address', 'capacity'],
	/** Written by the export, read back without effect: coordinates are set on the map, membership dates by Dari. */
	ignored: ['latitude', 'longitude', 'membership_status', 'member_since']
} as const;

/** Columns of a people file; the person's organisation is named by its official code or its name. */
export const PERSON_COLUMNS = {
	required: ['given_name', 'family_name'],
	/** At least one of these names the organisation of the group the person belongs to. */
	organisation: ['organisation_official_code', 'organisation_name'],
	optional: ['name_order', 'email', 'phone', 'preferred_language', 'public_listing_consent', 'current_title', 'title_valid_from', 'title_valid_to'],
	ignored: [] as string[]
} as const;

/** Yes/no cells: what people type in a spreadsheet in our three languages, and what the export writes. */
const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'oui', 'o', 'on', 'x', '예', '네', 'vrai']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'non', 'off', '', '아니오', '아니요', 'faux']);

/** A yes/no cell as 'true', 'false', or null when it is neither. */
export function readYesNo(value: string): 'true' | 'false' | null {
	const word = value.trim().toLowerCase();
	if (TRUE_WORDS.has(word)) return 'true';
	if (FALSE_WORDS.has(word)) return 'false';
	return null;
}

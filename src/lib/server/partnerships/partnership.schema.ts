import { z } from 'zod';
import { isCalendarDay } from '../directory/form-fields.schema';
import { PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES } from './partnership.table';

/**
 * A date as precise as the sources allow: "2023" (month unknown), "2009-04", "2024-09-30".
 * Years 1900–2100: Franco-Korean twinnings start in the 1990s; anything outside is a typing slip.
 */
export function isPartialDate(value: string): boolean {
	const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
	if (!match) return false;
	const year = Number(match[1]);
	if (year < 1900 || year > 2100) return false;
	if (match[2] === undefined) return true;
	const month = Number(match[2]);
	if (month < 1 || month > 12) return false;
	return match[3] === undefined || isCalendarDay(value);
}

const partialDate = z
	.string()
	.trim()
	.min(1, 'required')
	.refine(isPartialDate, 'invalid_partial_date');

/** Descriptions: a few paragraphs in each language; 5,000 characters is two pages. */
const description = z.string().trim().max(5000, 'too_long').default('');

/** A checkbox: "on" when ticked, absent otherwise. */
const checkbox = z
	.string()
	.optional()
	.transform((value) => value === 'on' || value === 'true');

/** How the foreign side is given: an organisation already in the directory, one from Korea's official list, or not known yet. */
export const FOREIGN_SIDE_MODES = ['directory', 'official', 'unidentified'] as const;
export type ForeignSideMode = (typeof FOREIGN_SIDE_MODES)[number];

/** Theme checkboxes are named `theme:<key>` (a form sends one value per name). */
export const THEME_FIELD_PREFIX = 'theme:';

const partnershipFields = z
	.object({
		frenchOrganisationId: z.string().trim().min(1, 'required').max(40, 'invalid_choice'),
		foreignMode: z.enum(FOREIGN_SIDE_MODES, { message: 'invalid_choice' }).default('directory'),
		foreignOrganisationId: z.string().trim().max(40, 'invalid_choice').default(''),
		/** "kr-local:KR-11:guro-gu", as the official-list picker sends it. */
		officialPick: z.string().trim().max(80, 'invalid_choice').default(''),
		/** 120 characters: a province's or city's name, or "a Korean province (not named)". */
		foreignRegion: z.string().trim().max(120, 'too_long').default(''),
		kind: z.enum(PARTNERSHIP_KINDS, { message: 'invalid_choice' }),
		descriptionFr: description,
		descriptionKo: description,
		/** Where the facts come from, one per line; 2,000 characters hold a dozen references. */
		sources: z.string().trim().max(2000, 'too_long').default(''),
		verified: checkbox
	})
	.catchall(z.string());

type RawPartnership = z.output<typeof partnershipFields>;

function checkForeignSide(value: RawPartnership, context: z.RefinementCtx) {
	if (value.foreignMode === 'directory' && value.foreignOrganisationId === '') context.addIssue({ code: 'custom', path: ['foreignOrganisationId'], message: 'required' });
	if (value.foreignMode === 'official' && value.officialPick === '') context.addIssue({ code: 'custom', path: ['officialPick'], message: 'required' });
	if (value.foreignMode === 'unidentified' && value.foreignRegion === '') context.addIssue({ code: 'custom', path: ['foreignRegion'], message: 'required' });
}

function toInput(value: RawPartnership) {
	return {
		frenchOrganisationId: value.frenchOrganisationId,
		foreignSide:
			value.foreignMode === 'directory'
				? ({ mode: 'directory', organisationId: value.foreignOrganisationId } as const)
				: value.foreignMode === 'official'
					? ({ mode: 'official', pick: value.officialPick } as const)
					: ({ mode: 'unidentified', region: value.foreignRegion } as const),
		kind: value.kind,
		themes: Object.keys(value)
			.filter((key) => key.startsWith(THEME_FIELD_PREFIX) && (value[key] === 'on' || value[key] === 'true'))
			.map((key) => key.slice(THEME_FIELD_PREFIX.length)),
		descriptionFr: value.descriptionFr,
		descriptionKo: value.descriptionKo,
		sources: value.sources,
		verified: value.verified
	};
}

/** Editing a partnership: both sides, kind, themes, texts. Its status changes through the timeline only. */
export const partnershipInputSchema = partnershipFields.superRefine(checkForeignSide).transform(toInput);
export type PartnershipInput = z.output<typeof partnershipInputSchema>;

/** Creating one: the same, with its first status and the date of that status. */
export const newPartnershipInputSchema = partnershipFields
	.extend({
		status: z.enum(PARTNERSHIP_STATUSES, { message: 'invalid_choice' }),
		statusDate: partialDate,
		/** 1,000 characters: a sentence or two on what happened that day. */
		statusNote: z.string().trim().max(1000, 'too_long').default('')
	})
	.superRefine(checkForeignSide)
	.transform((value) => ({ ...toInput(value), firstStatus: { status: value.status, onDate: value.statusDate, note: value.statusNote } }));
export type NewPartnershipInput = z.output<typeof newPartnershipInputSchema>;

/** A status change, appended to the timeline. */
export const statusChangeInputSchema = z.object({
	status: z.enum(PARTNERSHIP_STATUSES, { message: 'invalid_choice' }),
	onDate: partialDate,
	note: z.string().trim().max(1000, 'too_long').default('')
});
export type StatusChangeInput = z.output<typeof statusChangeInputSchema>;

/** List filters, from the query string; anything unknown is ignored rather than refused. */
export const partnershipFiltersSchema = z.object({
	status: z.enum(PARTNERSHIP_STATUSES).optional().catch(undefined),
	kind: z.enum(PARTNERSHIP_KINDS).optional().catch(undefined),
	theme: z.string().max(60).optional().catch(undefined)
});
export type PartnershipFilters = z.output<typeof partnershipFiltersSchema>;

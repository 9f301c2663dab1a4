/**
 * Export of a group's lists (issue 3 §10): organisations, people, partnerships and good practices,
 * each as CSV or XLSX, for everyone who may read the group. Columns are documented in
 * exchange.schema.ts and on the exchange page; the organisations and people files import back.
 */
import type { Locale } from '../../paraglide/runtime.js';
import { authorize, can, type Actor } from '../auth/policy';
import * as directory from '../directory/directory.repository';
import { titleOnDay } from '../directory/person-name';
import type { ServiceContext } from '../shared/context';
import { fail, ok, type Result } from '../shared/result';
import * as repository from './exchange.repository';
import { ORGANISATION_COLUMNS, PERSON_COLUMNS, type ExportFormat, type ExportList } from './exchange.schema';
import { writeCsv, writeXlsx, type SheetColumn } from './spreadsheet-writing';

export interface ExportFile {
	fileName: string;
	contentType: string;
	body: Uint8Array;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

type OrganisationRow = Awaited<ReturnType<typeof repository.listGroupOrganisations>>[number];

const ORGANISATION_SHEET: SheetColumn<OrganisationRow>[] = [
	{ key: 'official_code_scheme', value: (row) => row.official_code_scheme },
	{ key: 'official_code', value: (row) => row.official_code },
	{ key: 'name_fr', value: (row) => row.name_fr },
	{ key: 'name_ko', value: (row) => row.name_ko },
	{ key: 'name_en', value: (row) => row.name_en },
	{ key: 'kind', value: (row) => row.kind },
	{ key: 'country_code', value: (row) => row.country_code },
	{ key: 'departement_code', value: (row) => row.departement_code },
	{ key: 'region_code', value: (row) => row.region_code },
	{ key: 'region_name', value: (row) => row.region_name },
	{ key: 'population', value: (row) => (row.population === null ? null : Number(row.population)) },
	{ key: 'website', value: (row) => row.website },
	{ key: 'address', value: (row) => row.address },
	{ key: 'latitude', value: (row) => (row.latitude === null ? null : Number(row.latitude)) },
	{ key: 'longitude', value: (row) => (row.longitude === null ? null : Number(row.longitude)) },
	{ key: 'capacity', value: (row) => row.capacity },
	{ key: 'membership_status', value: (row) => row.membership_status },
	{ key: 'member_since', value: (row) => row.since }
];

interface PersonRow {
	organisationOfficialCode: string | null;
	organisationName: string;
	givenName: string;
	familyName: string;
	nameOrder: string;
	email: string | null;
	phone: string | null;
	preferredLanguage: string;
	consent: boolean;
	title: { title: string; validFrom: string | null; validTo: string | null } | undefined;
}

const PERSON_SHEET: SheetColumn<PersonRow>[] = [
	{ key: 'organisation_official_code', value: (row) => row.organisationOfficialCode },
	{ key: 'organisation_name', value: (row) => row.organisationName },
	{ key: 'given_name', value: (row) => row.givenName },
	{ key: 'family_name', value: (row) => row.familyName },
	{ key: 'name_order', value: (row) => row.nameOrder },
	{ key: 'email', value: (row) => row.email },
	{ key: 'phone', value: (row) => row.phone },
	{ key: 'preferred_language', value: (row) => row.preferredLanguage },
	{ key: 'public_listing_consent', value: (row) => row.consent },
	{ key: 'current_title', value: (row) => row.title?.title ?? null },
	{ key: 'title_valid_from', value: (row) => row.title?.validFrom ?? null },
	{ key: 'title_valid_to', value: (row) => row.title?.validTo ?? null }
];

interface PartnershipRow {
	row: Awaited<ReturnType<typeof repository.listGroupPartnerships>>['partnerships'][number];
	themes: string[];
	timeline: string;
}

const PARTNERSHIP_SHEET: SheetColumn<PartnershipRow>[] = [
	{ key: 'id', value: ({ row }) => row.id },
	{ key: 'french_organisation', value: ({ row }) => row.french_name_fr },
	{ key: 'french_organisation_official_code', value: ({ row }) => row.french_official_code },
	{ key: 'foreign_organisation', value: ({ row }) => row.foreign_name_fr },
	{ key: 'foreign_organisation_name_ko', value: ({ row }) => row.foreign_name_ko },
	{ key: 'foreign_organisation_official_code', value: ({ row }) => row.foreign_official_code },
	{ key: 'foreign_country_code', value: ({ row }) => row.foreign_country_code },
	{ key: 'foreign_region', value: ({ row }) => row.foreign_region },
	{ key: 'kind', value: ({ row }) => row.kind },
	{ key: 'status', value: ({ row }) => row.status },
	{ key: 'status_timeline', value: ({ timeline }) => timeline },
	{ key: 'themes', value: ({ themes }) => themes.join('|') },
	{ key: 'description_fr', value: ({ row }) => row.description_fr },
	{ key: 'description_ko', value: ({ row }) => row.description_ko },
	{ key: 'verified', value: ({ row }) => Boolean(Number(row.verified)) },
	{ key: 'sources', value: ({ row }) => row.sources },
	{ key: 'created_at_utc', value: ({ row }) => row.created_at },
	{ key: 'updated_at_utc', value: ({ row }) => row.updated_at }
];

interface PracticeRow {
	row: Awaited<ReturnType<typeof repository.listGroupPractices>>['practices'][number];
	organisations: string[];
	themes: string[];
	links: string[];
}

const PRACTICE_SHEET: SheetColumn<PracticeRow>[] = [
	{ key: 'id', value: ({ row }) => row.id },
	{ key: 'country_code', value: ({ row }) => row.country_code },
	{ key: 'title_fr', value: ({ row }) => row.title_fr },
	{ key: 'title_ko', value: ({ row }) => row.title_ko },
	{ key: 'title_en', value: ({ row }) => row.title_en },
	{ key: 'summary_fr', value: ({ row }) => row.summary_fr },
	{ key: 'summary_ko', value: ({ row }) => row.summary_ko },
	{ key: 'summary_en', value: ({ row }) => row.summary_en },
	{ key: 'organisations', value: ({ organisations }) => organisations.join('|') },
	{ key: 'themes', value: ({ themes }) => themes.join('|') },
	{ key: 'links', value: ({ links }) => links.join('\n') },
	{ key: 'created_at_utc', value: ({ row }) => row.created_at },
	{ key: 'updated_at_utc', value: ({ row }) => row.updated_at }
];

/** The column names of each export, in order (documented on the exchange page). */
export const EXPORT_COLUMNS: Record<ExportList, string[]> = {
	organisations: ORGANISATION_SHEET.map((column) => column.key),
	people: PERSON_SHEET.map((column) => column.key),
	partnerships: PARTNERSHIP_SHEET.map((column) => column.key),
	practices: PRACTICE_SHEET.map((column) => column.key)
};

async function write<Row>(format: ExportFormat, list: ExportList, columns: SheetColumn<Row>[], rows: Row[]): Promise<Uint8Array> {
	return format === 'csv' ? writeCsv(columns, rows) : writeXlsx(list, columns, rows);
}

/**
 * One list of a group as a file named after the group and the day (UTC), e.g.
 * `dari-coree-organisations-2026-11-28.csv`. Anyone who may read the group may export it.
 */
export async function exportGroupList(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	list: ExportList,
	format: ExportFormat
): Promise<Result<ExportFile, 'NOT_FOUND'>> {
	const group = await directory.findGroupBySlug(context.db, groupSlug);
	if (!group) return fail('NOT_FOUND');
	const denied = authorize(actor, 'group.view', group.id);
	if (denied) return denied;
	const today = context.clock().toISOString().slice(0, 10);

	let body: Uint8Array;
	if (list === 'organisations' || list === 'people') {
		const organisations = await repository.listGroupOrganisations(context.db, group.id);
		if (list === 'organisations') {
			body = await write(format, list, ORGANISATION_SHEET, organisations);
		} else {
			const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
			const { people, titles } = await directory.listPeopleOfOrganisations(context.db, [...byId.keys()]);
			const rows: PersonRow[] = people.map((person) => {
				const organisation = byId.get(person.organisation_id!)!;
				const own = titles.filter((title) => title.person_id === person.id).map((title) => ({ title: title.title, validFrom: title.valid_from, validTo: title.valid_to }));
				return {
					organisationOfficialCode: organisation.official_code,
					organisationName: organisation.name_fr,
					givenName: person.given_name,
					familyName: person.family_name,
					nameOrder: person.name_order,
					email: person.email,
					phone: person.phone,
					preferredLanguage: person.preferred_language,
					consent: Boolean(Number(person.public_listing_consent)),
					title: titleOnDay(own, today)
				};
			});
			rows.sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'fr') || a.familyName.localeCompare(b.familyName, 'fr') || a.givenName.localeCompare(b.givenName, 'fr'));
			body = await write(format, list, PERSON_SHEET, rows);
		}
	} else if (list === 'partnerships') {
		const { partnerships, events, themes } = await repository.listGroupPartnerships(context.db, group.id);
		const rows = partnerships.map((row) => ({
			row,
			themes: themes.filter((theme) => theme.partnership_id === row.id).map((theme) => theme.theme_key),
			// "2016: idea; 2024-03-12: signed": the timeline in one cell, oldest first.
			timeline: events
				.filter((event) => event.partnership_id === row.id)
				.map((event) => `${event.on_date}: ${event.status}`)
				.join('; ')
		}));
		body = await write(format, list, PARTNERSHIP_SHEET, rows);
	} else {
		const { practices, organisations, themes, links } = await repository.listGroupPractices(context.db, group.id);
		const rows = practices.map((row) => ({
			row,
			organisations: organisations.filter((organisation) => organisation.good_practice_id === row.id).map((organisation) => organisation.name_fr),
			themes: themes.filter((theme) => theme.good_practice_id === row.id).map((theme) => theme.theme_key),
			links: links.filter((link) => link.good_practice_id === row.id).map((link) => link.url)
		}));
		body = await write(format, list, PRACTICE_SHEET, rows);
	}
	return ok({ fileName: `dari-${group.slug}-${list}-${today}.${format}`, contentType: CONTENT_TYPES[format], body });
}

export interface ExchangePage {
	group: { slug: string; name: Record<Locale, string> };
	/** Coordinators of the group and administrators import; every reader of the group exports. */
	canImport: boolean;
	exportColumns: Record<ExportList, string[]>;
	importColumns: {
		organisations: { required: string[]; optional: string[]; ignored: string[] };
		people: { required: string[]; organisation: string[]; optional: string[] };
	};
}

/** The import and export page of a group: what the actor may do there, and the documented columns. */
export async function getExchangePage(context: ServiceContext, actor: Actor, groupSlug: string): Promise<Result<ExchangePage, 'NOT_FOUND'>> {
	const group = await directory.findGroupBySlug(context.db, groupSlug);
	if (!group) return fail('NOT_FOUND');
	const denied = authorize(actor, 'group.view', group.id);
	if (denied) return denied;
	return ok({
		group: { slug: group.slug, name: { fr: group.name_fr, ko: group.name_ko, en: group.name_en } },
		canImport: can(actor, 'group.manage', group.id),
		exportColumns: EXPORT_COLUMNS,
		importColumns: {
			organisations: { required: [...ORGANISATION_COLUMNS.required], optional: [...ORGANISATION_COLUMNS.optional], ignored: [...ORGANISATION_COLUMNS.ignored] },
			people: { required: [...PERSON_COLUMNS.required], organisation: [...PERSON_COLUMNS.organisation], optional: [...PERSON_COLUMNS.optional] }
		}
	});
}

/**
 * The coordinators' view of a forum's registrations (issue 5 §5): every member organisation with
 * whether it answered, its interest, delegation and needs, the reminders it was sent; and the
 * exports, one row per delegate, as CSV or XLSX.
 */
import type { Locale } from '../../paraglide/runtime.js';
import { authorize, type Actor } from '../auth/policy';
import { writeCsv, writeXlsx, type SheetColumn } from '../exchange/spreadsheet-writing';
import type { ServiceContext } from '../shared/context';
import { fail, ok, type Result } from '../shared/result';
import { interestLabel } from './registration-mail';
import { listPreferenceOptions, loadForum, organisationNameIn, personNameOf, type ForumOfRegistration, type RegistrationRound } from './registration-forum';
import { readRegistrations, type RegistrationView } from './registration-view';
import * as repository from './registration.repository';
import { MAX_PREFERENCES } from './registration.schema';

export interface DashboardRow {
	organisation: { id: string; name: Record<Locale, string>; capacity: 'member' | 'partner' };
	registration: RegistrationView | null;
	/** Automatic reminders sent, in days before the deadline. */
	remindedDays: number[];
	/** The organisation's people with an address: who can be sent a personal link. */
	people: { id: string; name: string; hasAccount: boolean }[];
}

export interface RegistrationDashboard {
	forum: ForumOfRegistration;
	round: RegistrationRound | null;
	rows: DashboardRow[];
	totals: { organisations: number; answered: number; yes: number; maybe: number; no: number; delegates: number; interpretation: number };
	now: string;
}

async function loadManaged(context: ServiceContext, actor: Actor, groupSlug: string, forumNumber: number) {
	const loaded = await loadForum(context.db, groupSlug, forumNumber);
	if (!loaded.ok) return loaded;
	const denied = authorize(actor, 'group.manage', loaded.value.forum.group.id);
	if (denied) return denied;
	return loaded;
}

const namesOf = (organisation: { name_fr: string; name_ko: string | null; name_en: string | null }) => ({
	fr: organisationNameIn(organisation, 'fr'),
	ko: organisationNameIn(organisation, 'ko'),
	en: organisationNameIn(organisation, 'en')
});

/** The dashboard (coordinators): member organisations, then partners that answered, by name. */
export async function getRegistrationDashboard(context: ServiceContext, actor: Actor, groupSlug: string, forumNumber: number): Promise<Result<RegistrationDashboard, 'NOT_FOUND'>> {
	const loaded = await loadManaged(context, actor, groupSlug, forumNumber);
	if (!loaded.ok) return loaded;
	const { forum, round } = loaded.value;
	const registrations = await readRegistrations(context.db, forum.id);
	const organisations = (await repository.listActiveOrganisationsOfGroup(context.db, forum.group.id)).filter(
		(organisation) => organisation.capacity === 'member' || registrations.has(organisation.id)
	);
	const reminders = await repository.listRemindersOfForum(context.db, forum.id);
	const people = await repository.listPeopleOfOrganisations(context.db, organisations.map((organisation) => organisation.id));
	const rows: DashboardRow[] = organisations.map((organisation) => ({
		organisation: { id: organisation.id, name: namesOf(organisation), capacity: organisation.capacity },
		registration: registrations.get(organisation.id) ?? null,
		remindedDays: reminders.filter((reminder) => reminder.organisation_id === organisation.id).map((reminder) => Number(reminder.days_before)).sort((a, b) => b - a),
		people: people.filter((person) => person.organisation_id === organisation.id && person.email).map((person) => ({ id: person.id, name: personNameOf(person), hasAccount: person.user_id !== null }))
	}));
	const answered = rows.map((row) => row.registration).filter((registration) => registration !== null);
	return ok({
		forum,
		round,
		rows,
		totals: {
			organisations: rows.length,
			answered: answered.length,
			yes: answered.filter((registration) => registration.interest === 'yes').length,
			maybe: answered.filter((registration) => registration.interest === 'maybe').length,
			no: answered.filter((registration) => registration.interest === 'no').length,
			delegates: answered.reduce((sum, registration) => sum + registration.delegates.length, 0),
			interpretation: answered.filter((registration) => registration.needsInterpretation).length
		},
		now: context.clock().toISOString()
	});
}

export type RegistrationExportFormat = 'csv' | 'xlsx';

interface ExportRow {
	organisation: string;
	interest: string;
	delegate: { name: string; email: string | null; isHead: boolean; preferences: string[] } | null;
	registration: RegistrationView;
}

/**
 * The registrations as a file (coordinators): one row per delegate with the organisation, the
 * name, whether they head the delegation, their choices in order and the delegation's needs; an
 * organisation that answered without delegates has one row of its own. Labels in `locale`.
 */
export async function exportRegistrations(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	forumNumber: number,
	format: RegistrationExportFormat,
	locale: Locale
): Promise<Result<{ body: Uint8Array; fileName: string; contentType: string }, 'NOT_FOUND'>> {
	const loaded = await loadManaged(context, actor, groupSlug, forumNumber);
	if (!loaded.ok) return loaded;
	const { forum } = loaded.value;
	const dashboard = await getRegistrationDashboard(context, actor, groupSlug, forumNumber);
	if (!dashboard.ok) return fail('NOT_FOUND');
	const labels = new Map((await listPreferenceOptions(context.db, forum.id)).map((option) => [option.value, option.label[locale]]));
	const rows: ExportRow[] = [];
	for (const row of dashboard.value.rows) {
		const registration = row.registration;
		if (!registration) continue;
		const base = { organisation: row.organisation.name[locale], interest: interestLabel(registration.interest, locale), registration };
		if (registration.delegates.length === 0) rows.push({ ...base, delegate: null });
		for (const delegate of registration.delegates) rows.push({ ...base, delegate: { ...delegate, preferences: delegate.preferences.map((value) => labels.get(value) ?? value) } });
	}
	const columns: SheetColumn<ExportRow>[] = [
		{ key: 'organisation', value: (row) => row.organisation },
		{ key: 'interest', value: (row) => row.interest },
		{ key: 'delegate', value: (row) => row.delegate?.name ?? '' },
		{ key: 'email', value: (row) => row.delegate?.email ?? '' },
		{ key: 'head_of_delegation', value: (row) => (row.delegate ? row.delegate.isHead : null) },
		...Array.from({ length: MAX_PREFERENCES }, (_, index) => ({ key: `preference_${index + 1}`, value: (row: ExportRow) => row.delegate?.preferences[index] ?? '' })),
		{ key: 'needs_interpretation', value: (row) => row.registration.needsInterpretation },
		{ key: 'needs_diet', value: (row) => row.registration.needsDiet },
		{ key: 'needs_access', value: (row) => row.registration.needsAccess },
		{ key: 'expectations', value: (row) => row.registration.expectations },
		{ key: 'updated_at_utc', value: (row) => row.registration.updatedAt }
	];
	const fileName = `${forum.group.slug}-forum-${forum.number}-registrations.${format}`;
	if (format === 'csv') return ok({ body: writeCsv(columns, rows), fileName, contentType: 'text/csv; charset=utf-8' });
	return ok({ body: await writeXlsx(`forum-${forum.number}`, columns, rows), fileName, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** Country groups and their members, as the group pages show them. */
import type { Locale } from '../../paraglide/runtime.js';
import { authorize, standingOf, type Actor, type GroupRole } from '../auth/policy';
import type { ServiceContext } from '../shared/context';
import { fail, ok, type Result } from '../shared/result';
import * as repository from './directory.repository';
import type { CountryGroupTable } from './directory.table';
import { formatPersonName, titleOnDay } from './person-name';
import { findPersonWithOrganisation, listTitlesOfPerson } from './person.repository';
import { titleOn } from './person-titles';

export interface CountryGroup {
	id: string;
	slug: string;
	countryCode: string;
	name: Record<Locale, string>;
	description: Record<Locale, string>;
}

function rowToGroup(row: CountryGroupTable): CountryGroup {
	return {
		id: row.id,
		slug: row.slug,
		countryCode: row.country_code,
		name: { fr: row.name_fr, ko: row.name_ko, en: row.name_en },
		description: { fr: row.description_fr, ko: row.description_ko, en: row.description_en }
	};
}

export type ViewerRole = GroupRole | 'administrator';

/** What a signed-in person is in a group they may open (the policy has let them in). */
function viewerRoleIn(actor: Actor, groupId: string): ViewerRole {
	return standingOf(actor, groupId) as ViewerRole;
}

/**
 * The groups an actor may open, with the actor's role in each: all of them for an administrator,
 * their own for anyone else, none for an anonymous visitor (and then no query at all).
 */
export async function listVisibleGroups(context: ServiceContext, actor: Actor): Promise<(CountryGroup & { viewerRole: ViewerRole })[]> {
	if (actor.kind === 'anonymous') return [];
	const rows = actor.isAdministrator
		? await repository.listGroups(context.db)
		: await repository.listGroupsByIds(context.db, Object.keys(actor.groupRoles));
	return rows.map((row) => ({ ...rowToGroup(row), viewerRole: viewerRoleIn(actor, row.id) }));
}

export interface MemberPerson {
	id: string;
	displayName: string;
	title: string | null;
	email: string | null;
	phone: string | null;
}

export interface MemberOrganisation {
	organisationId: string;
	name: Record<Locale, string | null>;
	kind: string;
	countryCode: string;
	capacity: 'member' | 'partner';
	since: string | null;
	website: string | null;
	regionName: string | null;
	officialCode: string | null;
	people: MemberPerson[];
}

export interface GroupOverview {
	group: CountryGroup;
	/** The organisations that pass the filters. */
	members: MemberOrganisation[];
	/** What the filters can choose from: the kinds and regions present in the whole group. */
	filterOptions: { kinds: string[]; regions: string[] };
	viewerRole: ViewerRole;
	/** Who presides the group (issue 3 §1), with the title they hold today. */
	president: GroupPresident | null;
}

export interface GroupPresident {
	personId: string;
	organisationId: string | null;
	displayName: string;
	title: string | null;
	organisationName: Record<Locale, string | null>;
}

/** The group's president as the group's page shows them, or null when none is named. */
async function loadPresident(context: ServiceContext, personId: string | null, today: string): Promise<GroupPresident | null> {
	const person = personId ? await findPersonWithOrganisation(context.db, personId) : undefined;
	if (!person) return null;
	const titles = (await listTitlesOfPerson(context.db, person.id)).map((title) => ({ ...title, validFrom: title.valid_from, validTo: title.valid_to }));
	return {
		personId: person.id,
		organisationId: person.organisation_id,
		displayName: formatPersonName({ givenName: person.given_name, familyName: person.family_name, nameOrder: person.name_order }),
		title: titleOn(titles, today)?.title ?? null,
		organisationName: { fr: person.organisation_name_fr, ko: person.organisation_name_ko, en: person.organisation_name_en }
	};
}

export interface MemberFilters {
	kind?: string | null;
	region?: string | null;
}

/**
 * A group's page: the group and its member and partner organisations with their people,
 * filterable by kind of organisation and by region.
 */
export async function getGroupOverview(
	context: ServiceContext,
	actor: Actor,
	slug: string,
	filters: MemberFilters = {}
): Promise<Result<GroupOverview, 'NOT_FOUND'>> {
	const row = await repository.findGroupBySlug(context.db, slug);
	// Unknown slug: 404 for everybody (the check below needs the group's id).
	if (!row) return fail('NOT_FOUND');
	const denied = authorize(actor, 'group.view', row.id);
	if (denied) return denied;
	const allMemberships = await repository.listGroupMemberships(context.db, row.id);
	const memberships = allMemberships.filter(
		(membership) => (!filters.kind || membership.kind === filters.kind) && (!filters.region || membership.region_name === filters.region)
	);
	const filterOptions = {
		kinds: [...new Set(allMemberships.map((membership) => membership.kind))].sort(),
		regions: [...new Set(allMemberships.map((membership) => membership.region_name).filter((name): name is string => !!name))].sort((a, b) => a.localeCompare(b, 'fr'))
	};
	const { people, titles } = await repository.listPeopleOfOrganisations(
		context.db,
		memberships.map((membership) => membership.organisation_id)
	);
	const today = context.clock().toISOString().slice(0, 10);
	const members = memberships.map((membership) => ({
		organisationId: membership.organisation_id,
		name: { fr: membership.name_fr, ko: membership.name_ko, en: membership.name_en },
		kind: membership.kind,
		countryCode: membership.country_code,
		capacity: membership.capacity,
		since: membership.since,
		website: membership.website,
		regionName: membership.region_name,
		officialCode: membership.official_code,
		people: people
			.filter((person) => person.organisation_id === membership.organisation_id)
			.map((person) => ({
				id: person.id,
				displayName: formatPersonName({
					givenName: person.given_name,
					familyName: person.family_name,
					nameOrder: person.name_order
				}),
				title:
					titleOnDay(
						titles
							.filter((title) => title.person_id === person.id)
							.map((title) => ({ ...title, validFrom: title.valid_from, validTo: title.valid_to })),
						today
					)?.title ?? null,
				email: person.email,
				phone: person.phone
			}))
	}));
	const president = await loadPresident(context, row.president_person_id, today);
	return ok({ group: rowToGroup(row), members, filterOptions, viewerRole: viewerRoleIn(actor, row.id), president });
}

/** The group, for a page that changes it: coordinators of that group and administrators only. */
export async function getGroupToManage(context: ServiceContext, actor: Actor, slug: string): Promise<Result<CountryGroup, 'NOT_FOUND'>> {
	const row = await repository.findGroupBySlug(context.db, slug);
	if (!row) return fail('NOT_FOUND');
	const denied = authorize(actor, 'group.manage', row.id);
	if (denied) return denied;
	return ok(rowToGroup(row));
}

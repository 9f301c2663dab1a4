/**
 * Demo data from the reference minutes (shared/reference/compte-rendu-groupe-pays-coree-2024-02-27.txt):
 * the groupe-pays Corée, every organisation and person of its participants list with their title
 * as written there, their memberships, and one account per role. A second, empty group (Japon)
 * shows that members of one group see nothing of another.
 */
import type { Executor } from '../database';
import type { ServiceContext } from '../../shared/context';
import { hashPassword } from '../../auth/password';
import { countUsers, insertUser, setGroupRole } from '../../auth/auth.repository';
import * as directory from '../../directory/directory.repository';
import { updateGroup } from '../../groups/group.repository';
import { normalizeName } from '../../directory/name-normalization';
import type { Language, OrganisationTable } from '../../directory/directory.table';
import { insertDemoPartnerships } from './partnerships.demo';
import { insertDemoPractices } from './practices.demo';
import { placeDemoOrganisations } from '../../map/demo-places';
import { insertDemoMeetings } from './meetings.demo';
import { insertDemoForums } from './forums.demo';
import { insertDemoPolls } from './polls.demo';
import { insertDemoRegistrations } from './registrations.demo';

/** Shown at start-up and in the README: the demo is for trying Dari, never for a real deployment. */
export const DEMO_PASSWORD = 'dari-demo-2026';

export const DEMO_ACCOUNTS = [
	{ role: 'administrator', email: 'admin@demo.dari.test', person: 'virginie-rouquette' },
	{ role: 'coordinator', email: 'coordinator@demo.dari.test', person: 'hyoung-jin-kim' },
	{ role: 'member', email: 'member@demo.dari.test', person: 'louise-coulon' },
	{ role: 'partner', email: 'partner@demo.dari.test', person: 'morgane-millon' }
] as const;

const GROUPS = [
	{
		key: 'coree',
		country_code: 'KR',
		name_fr: 'Groupe-pays Corée',
		name_ko: '한국 국가별 그룹',
		name_en: 'Korea country group',
		description_fr:
			"Le groupe-pays Corée rassemble les collectivités françaises engagées par un partenariat avec la Corée ou s'intéressant à ce pays en vue d'un éventuel partenariat. Lancé en 2016, il est animé par Cités Unies France avec la GAROK (Centre coréen des collectivités locales).",
		description_ko:
			'한국 국가별 그룹은 한국과 협력 관계를 맺고 있거나 향후 협력을 모색하는 프랑스 지방정부들의 모임입니다. 2016년에 출범했으며, 프랑스 지방정부 연합(CUF)이 대한민국시도지사협의회(GAROK)와 함께 운영합니다.',
		description_en:
			'The Korea country group gathers French local authorities that have a partnership with Korea or are interested in one. Launched in 2016, it is run by Cités Unies France with GAROK (the Korean local-government centre).'
	},
	{
		key: 'japon',
		country_code: 'JP',
		name_fr: 'Groupe-pays Japon',
		name_ko: '일본 국가별 그룹',
		name_en: 'Japan country group',
		description_fr: 'Les collectivités françaises en partenariat avec des collectivités japonaises.',
		description_ko: '일본 지방정부와 협력하는 프랑스 지방정부들의 모임입니다.',
		description_en: 'French local authorities in partnership with Japanese local governments.'
	}
] as const;

type OrganisationSeed = Pick<OrganisationTable, 'kind' | 'country_code' | 'name_fr' | 'name_ko' | 'name_en' | 'website'> &
	Partial<Pick<OrganisationTable, 'official_code_scheme' | 'official_code' | 'departement_code' | 'region_code' | 'region_name' | 'population'>> & {
		key: string;
		capacity: 'member' | 'partner';
	};

const ORGANISATIONS: OrganisationSeed[] = [
	{ key: 'cuf', kind: 'association', country_code: 'FR', name_fr: 'Cités Unies France', name_ko: '프랑스 지방정부 연합 (CUF)', name_en: 'Cités Unies France', website: 'https://cites-unies-france.org', capacity: 'partner' },
	{ key: 'garok', kind: 'agency', country_code: 'KR', name_fr: 'GAROK France (Centre coréen des collectivités locales)', name_ko: '대한민국시도지사협의회 파리사무소 (GAROK)', name_en: 'GAROK France (Korean local-government centre)', website: null, capacity: 'partner' },
	{ key: 'suippes', kind: 'commune', country_code: 'FR', name_fr: 'Suippes', name_ko: '쉬프', name_en: 'Suippes', website: null, official_code_scheme: 'insee', official_code: '51559', departement_code: '51', region_code: '44', region_name: 'Grand Est', population: 3938, capacity: 'member' },
	{ key: 'nantes', kind: 'epci', country_code: 'FR', name_fr: 'Nantes Métropole', name_ko: '낭트 메트로폴', name_en: 'Nantes Métropole', website: null, official_code_scheme: 'siren', official_code: '244400404', departement_code: '44', region_code: '52', region_name: 'Pays de la Loire', population: 683981, capacity: 'member' },
	{ key: 'aura', kind: 'region', country_code: 'FR', name_fr: 'Région Auvergne-Rhône-Alpes', name_ko: '오베르뉴론알프 레지옹', name_en: 'Auvergne-Rhône-Alpes Region', website: null, official_code_scheme: 'insee-region', official_code: '84', region_code: '84', region_name: 'Auvergne-Rhône-Alpes', capacity: 'member' },
	{ key: 'dijon', kind: 'commune', country_code: 'FR', name_fr: 'Dijon', name_ko: '디종', name_en: 'Dijon', website: null, official_code_scheme: 'insee', official_code: '21231', departement_code: '21', region_code: '27', region_name: 'Bourgogne-Franche-Comté', population: 161830, capacity: 'member' },
	{ key: 'issy', kind: 'commune', country_code: 'FR', name_fr: 'Issy-les-Moulineaux', name_ko: '이시레물리노', name_en: 'Issy-les-Moulineaux', website: null, official_code_scheme: 'insee', official_code: '92040', departement_code: '92', region_code: '11', region_name: 'Île-de-France', population: 67669, capacity: 'member' },
	{ key: 'meae', kind: 'ministry', country_code: 'FR', name_fr: "Ministère de l'Europe et des Affaires étrangères (MEAE)", name_ko: '프랑스 유럽외교부 (MEAE)', name_en: 'Ministry for Europe and Foreign Affairs (MEAE)', website: null, capacity: 'partner' }
];

interface PersonSeed {
	key: string;
	organisation: string;
	given: string;
	family: string;
	order?: 'family-first';
	language?: Language;
	email?: string;
	/** As written in the minutes of 27 February 2024; null where the minutes give none. */
	title: string | null;
}

/** The participants list of the minutes, in its order, with the titles the minutes give. */
const PEOPLE: PersonSeed[] = [
	{ key: 'virginie-rouquette', organisation: 'cuf', given: 'Virginie', family: 'ROUQUETTE', title: 'Directrice générale, Cités Unies France' },
	{ key: 'inssafe-el-idrissi', organisation: 'cuf', given: 'Inssafe', family: 'EL IDRISSI', email: 'service-international-crisis@cites-unies-france.org', title: null },
	{ key: 'joon-ho-hong', organisation: 'garok', given: 'Joon Ho', family: 'HONG', order: 'family-first', language: 'ko', title: 'Directeur général, GAROK France' },
	{ key: 'hyoung-jin-kim', organisation: 'garok', given: 'Hyoung Jin', family: 'KIM', order: 'family-first', language: 'ko', title: 'Chargé de mission et responsable, GAROK France' },
	{ key: 'jiae-yang', organisation: 'garok', given: 'Jiae', family: 'YANG', order: 'family-first', language: 'ko', title: null },
	{ key: 'francois-collart', organisation: 'suippes', given: 'François', family: 'COLLART', title: null },
	{ key: 'louise-coulon', organisation: 'nantes', given: 'Louise', family: 'COULON', title: null },
	{ key: 'christina-dabrowski', organisation: 'aura', given: 'Christina', family: 'DABROWSKI', title: 'Assistante de partenariats, Direction des Relations internationales, Région Auvergne-Rhône-Alpes' },
	{ key: 'bertrand-fort', organisation: 'dijon', given: 'Bertrand', family: 'FORT', title: null },
	{ key: 'youssef-koulli', organisation: 'suippes', given: 'Youssef', family: 'KOULLI', title: null },
	{ key: 'eric-legale', organisation: 'issy', given: 'Eric', family: 'LEGALE', title: null },
	{ key: 'ulrike-maronnie', organisation: 'issy', given: 'Ulrike', family: 'MARONNIE', title: null },
	{ key: 'caroline-millan', organisation: 'issy', given: 'Caroline', family: 'MILLAN', title: "Présidente du groupe-pays Corée, Conseillère municipale déléguée au Tourisme, aux relations internationales et à la communication, Ville d'Issy-les-Moulineaux" },
	{ key: 'morgane-millon', organisation: 'meae', given: 'Morgane', family: 'MILLON', title: null },
	{ key: 'samira-seddiki', organisation: 'issy', given: 'Samira', family: 'SEDDIKI', title: null }
];

/** Deterministic ids ("demo-…" would not be a UUID): a fixed namespace, then a counter. */
function demoId(index: number): string {
	return `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

export function isDatabaseEmpty(counts: { groups: number; accounts: number }): boolean {
	return counts.groups === 0 && counts.accounts === 0;
}

/**
 * Loads the demo into an empty database, in one transaction; does nothing (and says so) when the
 * database already holds groups or accounts, so a restart never overwrites real data.
 */
export async function loadDemoData(context: ServiceContext): Promise<{ loaded: boolean }> {
	const now = context.clock().toISOString();
	const countsIn = async (db: Executor) => ({ groups: await directory.countGroups(db), accounts: await countUsers(db) });
	// Most starts find a database in use: answer that without hashing a password.
	if (!isDatabaseEmpty(await countsIn(context.db))) return { loaded: false };
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	try {
		return await insertDemoData(context, now, passwordHash, countsIn);
	} catch (error) {
		// Two processes starting together on one new database: the second one's inserts collide
		// with the first one's. The demo is there; that is all that was asked.
		if (!isDatabaseEmpty(await countsIn(context.db))) return { loaded: false };
		throw error;
	}
}

async function insertDemoData(
	context: ServiceContext,
	now: string,
	passwordHash: string,
	countsIn: (db: Executor) => Promise<{ groups: number; accounts: number }>
): Promise<{ loaded: boolean }> {
	return context.db.transaction().execute(async (db) => {
		if (!isDatabaseEmpty(await countsIn(db))) return { loaded: false };

		let counter = 0;
		const ids = new Map<string, string>();
		const idFor = (key: string) => {
			if (!ids.has(key)) ids.set(key, demoId(++counter));
			return ids.get(key)!;
		};

		for (const { key, ...group } of GROUPS) {
			await directory.insertGroup(db, { id: idFor(`group:${key}`), slug: key, ...group, created_at: now, president_person_id: null, default_timezone: 'Europe/Paris' });
		}
		for (const { key, capacity, ...organisation } of ORGANISATIONS) {
			await directory.insertOrganisation(db, {
				official_code_scheme: null,
				official_code: null,
				departement_code: null,
				region_code: null,
				region_name: null,
				population: null,
				address: null,
				latitude: null,
				longitude: null,
				...organisation,
				id: idFor(`organisation:${key}`),
				normalized_name: normalizeName(organisation.name_fr),
				created_at: now
			});
			await directory.insertMembership(db, {
				id: idFor(`membership:${key}`),
				group_id: idFor('group:coree'),
				organisation_id: idFor(`organisation:${key}`),
				capacity,
				// The group was launched in 2016 (minutes, item 2); individual joining dates are not known.
				since: null,
				status: 'active'
			});
		}
		for (const person of PEOPLE) {
			const personId = idFor(`person:${person.key}`);
			await directory.insertPerson(db, {
				id: personId,
				given_name: person.given,
				family_name: person.family,
				name_order: person.order ?? 'given-first',
				email: person.email ?? null,
				phone: null,
				organisation_id: idFor(`organisation:${person.organisation}`),
				preferred_language: person.language ?? 'fr',
				// Every one of them is on the participants list the minutes of 27 February 2024 published:
				// listed there, they are listed in Dari's published list too. The people the demo adds
				// for the forum's delegations (registrations.demo.ts) have not agreed: the rule shows.
				public_listing_consent: 1,
				created_at: now
			});
			if (person.title) {
				await directory.insertPersonTitle(db, {
					id: idFor(`title:${person.key}`),
					person_id: personId,
					title: person.title,
					language: 'fr',
					// Known to hold on the day of the minutes; start and end dates are not known.
					valid_from: null,
					valid_to: null
				});
			}
		}
		// The minutes name Caroline MILLAN "Présidente du groupe-pays Corée".
		await updateGroup(db, idFor('group:coree'), { president_person_id: idFor('person:caroline-millan') });
		for (const account of DEMO_ACCOUNTS) {
			const person = PEOPLE.find((candidate) => candidate.key === account.person)!;
			const userId = idFor(`account:${account.role}`);
			await insertUser(db, {
				id: userId,
				email: account.email,
				name: person.order === 'family-first' ? `${person.family} ${person.given}` : `${person.given} ${person.family}`,
				preferred_language: person.language ?? 'fr',
				password_hash: passwordHash,
				is_administrator: account.role === 'administrator' ? 1 : 0,
				person_id: idFor(`person:${person.key}`),
				created_at: now,
				email_verified_at: null
			});
			if (account.role === 'coordinator') await setGroupRole(db, userId, idFor('group:coree'), 'coordinator');
		}
		await insertDemoPartnerships(db, { groupId: idFor('group:coree'), organisationIdByKey: (key) => idFor(`organisation:${key}`), idFor, now });
		await insertDemoPractices(db, { groupId: idFor('group:coree'), idFor, now });
		await insertDemoMeetings(db, { groupId: idFor('group:coree'), idFor, now });
		// After the partnerships: the 2nd forum is hosted with Seocho-gu, one of their parties.
		await insertDemoForums(db, { groupId: idFor('group:coree'), idFor, now });
		// The 2nd forum's date poll and theme consultation, answered by organisations and people above.
		await insertDemoPolls(db, { idFor, now });
		// After the forums: the 2nd forum's registrations rank its field visits.
		await insertDemoRegistrations(db, { idFor, now });
		// Last: the partnerships above bring in Korean organisations that need a point too.
		await placeDemoOrganisations(db);
		return { loaded: true };
	});
}

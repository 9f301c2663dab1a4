/**
 * The 2nd forum's registration of interest (issue 5 §5), as the minutes of 27 February 2024 asked:
 * "confirmer leur intérêt … avant le 15 mars", read here as 15 March 2024, 23:59 Paris time. The
 * deadline has passed, so registrations are closed. Four organisations answered, each with 2–4
 * delegates ranking the four themed field visits (two in the morning, two in the afternoon of
 * 26 September 2024): issue 6 assigns them. All are people of the minutes' participants list.
 * Nantes Métropole, Dijon and Auvergne-Rhône-Alpes did not answer; Nantes was reminded at 7 and
 * 2 days before the deadline.
 */
import type { Executor } from '../database';
import { insertRegistration, replaceDelegates, saveRound, insertReminderOnce } from '../../registrations/registration.repository';
import type { Interest } from '../../registrations/registration.table';
import { DEMO_FIELD_VISITS, DEMO_SECOND_FORUM_ID, demoProgrammeItemId } from './forums.demo';

/** 15 March 2024, 23:59 in Paris (UTC+1 in winter). */
export const DEMO_REGISTRATION_DEADLINE = '2024-03-15T22:59:00.000Z';

/** The four visits by theme: AI and economy in the morning, culture and climate in the afternoon. */
const VISIT = Object.fromEntries(DEMO_FIELD_VISITS.map((visit) => [visit.theme, demoProgrammeItemId(2, visit.position)])) as Record<(typeof DEMO_FIELD_VISITS)[number]['theme'], string>;
const [AI, ECONOMY, CULTURE, CLIMATE] = [VISIT['artificial-intelligence'], VISIT['economic-development'], VISIT['culture-tourism-gastronomy'], VISIT['climate-energy-water-cleanliness']];

const DELEGATIONS: {
	organisation: string;
	interest: Interest;
	interpretation: boolean;
	diet: string;
	access: string;
	expectations: string;
	at: string;
	/** Person keys, head first; each with visits best first. */
	delegates: { person: string; preferences: string[] }[];
}[] = [
	{
		organisation: 'issy',
		interest: 'yes',
		interpretation: true,
		diet: '',
		access: '',
		expectations: 'Rencontrer les villes coréennes engagées sur la ville intelligente et préparer un accord avec Seocho.',
		at: '2024-03-04T10:12:00.000Z',
		delegates: [
			{ person: 'caroline-millan', preferences: [AI, CULTURE, ECONOMY, CLIMATE] },
			{ person: 'eric-legale', preferences: [AI, CLIMATE, ECONOMY] },
			{ person: 'ulrike-maronnie', preferences: [ECONOMY, CULTURE] },
			{ person: 'samira-seddiki', preferences: [AI, CULTURE, CLIMATE, ECONOMY] }
		]
	},
	{
		// GAROK France (a partner) goes with the French delegations and says so like the members.
		organisation: 'garok',
		interest: 'yes',
		interpretation: false,
		diet: '',
		access: '',
		expectations: 'Accompagner les délégations françaises et faire le lien avec les collectivités coréennes hôtes.',
		at: '2024-03-11T15:40:00.000Z',
		delegates: [
			{ person: 'joon-ho-hong', preferences: [ECONOMY, CULTURE] },
			{ person: 'hyoung-jin-kim', preferences: [AI, CLIMATE, ECONOMY] },
			{ person: 'jiae-yang', preferences: [CULTURE, AI, ECONOMY, CLIMATE] }
		]
	},
	{
		organisation: 'suippes',
		interest: 'maybe',
		interpretation: false,
		diet: '',
		access: 'Accès de plain-pied pour une personne',
		expectations: 'Découvrir les méthodes coréennes de compostage et de propreté urbaine.',
		at: '2024-03-14T08:05:00.000Z',
		delegates: [
			{ person: 'francois-collart', preferences: [CLIMATE, CULTURE] },
			{ person: 'youssef-koulli', preferences: [CLIMATE, ECONOMY] }
		]
	},
	{
		organisation: 'cuf',
		interest: 'yes',
		interpretation: true,
		diet: 'Sans porc',
		access: '',
		expectations: 'Suivre les thèmes retenus par les membres et préparer le compte-rendu du forum.',
		at: '2024-03-15T17:20:00.000Z',
		delegates: [
			{ person: 'virginie-rouquette', preferences: [ECONOMY, CULTURE, AI] },
			{ person: 'inssafe-el-idrissi', preferences: [AI, CULTURE, CLIMATE] }
		]
	}
];

export async function insertDemoRegistrations(db: Executor, { idFor, now }: { idFor: (key: string) => string; now: string }): Promise<void> {
	// Opened on the day of the meeting that asked for it, 27 February 2024.
	await saveRound(db, {
		forum_id: DEMO_SECOND_FORUM_ID,
		deadline_at: DEMO_REGISTRATION_DEADLINE,
		deadline_timezone: 'Europe/Paris',
		reminder_days: JSON.stringify([7, 2]),
		opened_at: '2024-02-27T10:00:00.000Z',
		updated_at: '2024-02-27T10:00:00.000Z'
	});
	for (const delegation of DELEGATIONS) {
		const registrationId = idFor(`registration:${delegation.organisation}`);
		await insertRegistration(db, {
			id: registrationId,
			forum_id: DEMO_SECOND_FORUM_ID,
			organisation_id: idFor(`organisation:${delegation.organisation}`),
			interest: delegation.interest,
			head_person_id: idFor(`person:${delegation.delegates[0].person}`),
			needs_interpretation: delegation.interpretation ? 1 : 0,
			needs_diet: delegation.diet,
			needs_access: delegation.access,
			expectations: delegation.expectations,
			version: 1,
			created_at: delegation.at,
			updated_at: delegation.at
		});
		await replaceDelegates(
			db,
			registrationId,
			delegation.delegates.map((delegate, index) => ({
				row: { id: idFor(`delegate:${delegate.person}`), registration_id: registrationId, person_id: idFor(`person:${delegate.person}`), position: index + 1 },
				preferences: delegate.preferences.map((visit, rank) => ({ rank: rank + 1, theme_key: null, programme_item_id: visit }))
			}))
		);
	}
	for (const days of [7, 2]) {
		await insertReminderOnce(db, { forum_id: DEMO_SECOND_FORUM_ID, organisation_id: idFor('organisation:nantes'), days_before: days, sent_at: new Date(new Date(DEMO_REGISTRATION_DEADLINE).getTime() - days * 86_400_000).toISOString() });
	}
}

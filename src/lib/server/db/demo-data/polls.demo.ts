/**
 * The 2nd forum's date poll and theme consultation, from item 3 of the reference minutes
 * (shared/reference/compte-rendu-groupe-pays-coree-2024-02-27.txt):
 *
 * - "Deux choix de dates proposées : du mardi 24 au jeudi 26 septembre 2024 ; du dimanche 29
 *   septembre au mardi 1er octobre 2024. Le premier choix est priorisé au vu du contexte -> après
 *   la fête de Chuseok": the two options, ranked so, with that reason. The poll is open, closing
 *   60 days after the demo is loaded (18:00 in Paris), so that it can be tried; three member
 *   organisations present that day have answered.
 * - "Visites de terrain selon les choix des thèmes" (the four GAROK themes) and "L'ensemble des
 *   thèmes proposés par la GAROK a eu l'approbation des participants. L'intelligence artificielle,
 *   le développement économique et l'attractivité des territoires, la gestion des données, la
 *   résilience des villes face au changement climatique, la mobilité/mobilité durable sont des
 *   thèmes qui ont été particulièrement appréciés": a consultation on those seven themes, each
 *   member organisation approving the four and ranking them so that the five named come first,
 *   and the summary published with the minutes' sentence as its note.
 */
import type { Executor } from '../database';
import { zonedToUtc } from '../../../format/time-zones';
import type { DatePollChoice } from '../../polls/poll.table';
import * as polls from '../../polls/poll.repository';
import { DEMO_SECOND_FORUM_ID } from './forums.demo';

export const DEMO_DATE_POLL_ID = '00000000-0000-4000-c000-000000000001';
export const DEMO_CONSULTATION_ID = '00000000-0000-4000-c000-000000000002';
const FIRST_OPTION_ID = '00000000-0000-4000-c000-000000000011';
const SECOND_OPTION_ID = '00000000-0000-4000-c000-000000000012';

/** Who answered for which member organisation (keys of demo-data.ts), and what. */
const DATE_ANSWERS: { organisation: string; person: string; account?: string; first: DatePollChoice; second: DatePollChoice; comment: string }[] = [
	{ organisation: 'issy', person: 'caroline-millan', first: 'yes', second: 'if-need-be', comment: 'La délégation préfère la semaine du 24 septembre.' },
	{ organisation: 'nantes', person: 'louise-coulon', account: 'member', first: 'yes', second: 'no', comment: '' },
	{ organisation: 'aura', person: 'christina-dabrowski', first: 'if-need-be', second: 'yes', comment: 'Session plénière régionale le 25 septembre à confirmer.' }
];

const THEMES = [
	'artificial-intelligence',
	'economic-development',
	'culture-tourism-gastronomy',
	'climate-energy-water-cleanliness',
	'data-management',
	'climate-resilience',
	'sustainable-mobility'
] as const;
type ThemeKey = (typeof THEMES)[number];

/** The minutes name these "particularly appreciated". */
const APPRECIATED: ThemeKey[] = ['artificial-intelligence', 'economic-development', 'data-management', 'climate-resilience', 'sustainable-mobility'];

/** Each organisation's approved themes, favourite first (the others not approved). */
const THEME_RANKINGS: { organisation: string; person: string; account?: string; ranking: ThemeKey[] }[] = [
	{ organisation: 'issy', person: 'caroline-millan', ranking: ['artificial-intelligence', 'economic-development', 'data-management', 'climate-resilience', 'sustainable-mobility', 'culture-tourism-gastronomy', 'climate-energy-water-cleanliness'] },
	{ organisation: 'nantes', person: 'louise-coulon', account: 'member', ranking: ['economic-development', 'sustainable-mobility', 'artificial-intelligence', 'climate-resilience', 'data-management', 'climate-energy-water-cleanliness', 'culture-tourism-gastronomy'] },
	{ organisation: 'aura', person: 'christina-dabrowski', ranking: ['artificial-intelligence', 'data-management', 'economic-development', 'sustainable-mobility', 'culture-tourism-gastronomy', 'climate-energy-water-cleanliness'] },
	{ organisation: 'dijon', person: 'bertrand-fort', ranking: ['climate-resilience', 'artificial-intelligence', 'economic-development', 'climate-energy-water-cleanliness', 'data-management', 'culture-tourism-gastronomy'] },
	{ organisation: 'suippes', person: 'francois-collart', ranking: ['economic-development', 'artificial-intelligence', 'climate-resilience', 'culture-tourism-gastronomy', 'climate-energy-water-cleanliness'] }
];

const SUMMARY_NOTE = {
	fr: "L'ensemble des thèmes proposés par la GAROK a eu l'approbation des participants. L'intelligence artificielle, le développement économique et l'attractivité des territoires, la gestion des données, la résilience des villes face au changement climatique, la mobilité/mobilité durable sont des thèmes qui ont été particulièrement appréciés.",
	ko: 'GAROK가 제안한 모든 주제가 참가자들의 승인을 받았습니다. 인공지능, 경제 발전과 지역 매력도, 데이터 관리, 기후변화에 대한 도시 회복력, 지속 가능한 이동성이 특히 호응을 얻었습니다.'
};

export interface DemoPollsOptions {
	idFor: (key: string) => string;
	now: string;
}

export async function insertDemoPolls(db: Executor, { idFor, now }: DemoPollsOptions): Promise<void> {
	const closeDay = new Date(Date.parse(now) + 60 * 86_400_000).toISOString().slice(0, 10);
	await polls.insertDatePoll(db, {
		id: DEMO_DATE_POLL_ID,
		forum_id: DEMO_SECOND_FORUM_ID,
		status: 'open',
		closes_at: zonedToUtc(closeDay, '18:00', 'Europe/Paris').toISOString(),
		closes_timezone: 'Europe/Paris',
		include_alsace_moselle: 0,
		opened_at: now,
		closed_at: null,
		closed_by_user_id: null,
		chosen_option_id: null,
		created_at: now,
		updated_at: now
	});
	await polls.insertDatePollOption(db, {
		id: FIRST_OPTION_ID,
		poll_id: DEMO_DATE_POLL_ID,
		rank: 1,
		starts_on: '2024-09-24',
		ends_on: '2024-09-26',
		reason_fr: 'Après la fête de Chuseok (la fête de la récolte en Corée)',
		reason_ko: '추석 연휴 이후',
		created_at: now
	});
	await polls.insertDatePollOption(db, { id: SECOND_OPTION_ID, poll_id: DEMO_DATE_POLL_ID, rank: 2, starts_on: '2024-09-29', ends_on: '2024-10-01', reason_fr: '', reason_ko: '', created_at: now });
	for (const answer of DATE_ANSWERS) {
		await polls.replaceDatePollAnswer(
			db,
			{
				pollId: DEMO_DATE_POLL_ID,
				organisationId: idFor(`organisation:${answer.organisation}`),
				comment: answer.comment,
				userId: answer.account ? idFor(`account:${answer.account}`) : null,
				personId: idFor(`person:${answer.person}`),
				at: now
			},
			[
				{ optionId: FIRST_OPTION_ID, choice: answer.first },
				{ optionId: SECOND_OPTION_ID, choice: answer.second }
			]
		);
	}

	await polls.insertConsultation(db, {
		id: DEMO_CONSULTATION_ID,
		forum_id: DEMO_SECOND_FORUM_ID,
		summary_published_at: now,
		summary_note_fr: SUMMARY_NOTE.fr,
		summary_note_ko: SUMMARY_NOTE.ko,
		created_at: now,
		updated_at: now
	});
	for (const [index, key] of THEMES.entries()) await polls.insertConsultationTheme(db, DEMO_CONSULTATION_ID, key, index + 1);
	for (const answer of THEME_RANKINGS) {
		await polls.replaceConsultationAnswer(
			db,
			{
				consultationId: DEMO_CONSULTATION_ID,
				organisationId: idFor(`organisation:${answer.organisation}`),
				userId: answer.account ? idFor(`account:${answer.account}`) : null,
				personId: idFor(`person:${answer.person}`),
				at: now
			},
			THEMES.map((key) => {
				const rank = answer.ranking.indexOf(key);
				return { themeKey: key, approved: rank >= 0, rank: rank >= 0 ? rank + 1 : null };
			})
		);
	}
	await polls.setAppreciatedThemes(db, DEMO_CONSULTATION_ID, APPRECIATED);
}

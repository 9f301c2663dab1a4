/**
 * The meeting of the reference minutes (shared/reference/compte-rendu-groupe-pays-coree-2024-02-27.txt),
 * complete: Tuesday 27 February 2024, 9:00–10:00 French time, by video; its three agenda items;
 * every intervention with its speaker from the directory and the text as the minutes give it; the
 * two ➔ conclusions of item 3 as decisions; the 15 people of the participants list, all present;
 * published, with its first version. And the next meeting, a draft in 2027, made from it as
 * "next meeting" makes one (title, format, time of day, zone and agenda titles copied).
 *
 * Texts are the reference's, with its Word markup taken out: bold (**…**) dropped and superscripts
 * written inline ("1^{er}" → "1er", "2^{ème}" → "2ème"). The sentence of item 3 that is neither an
 * intervention nor a conclusion ("CUF invite les collectivités…") is kept as an intervention
 * without speaker (no person, empty speaker name: the minutes give none), after GAROK's proposal,
 * so that nothing of the minutes is lost; it is not flagged as unrecognised, being plain text.
 */
import type { Executor } from '../database';
import { zonedToUtc } from '../../../format/time-zones';
import * as meetings from '../../meetings/meeting.repository';
import * as minutes from '../../meetings/minutes.repository';
import { loadMinutesContent } from '../../meetings/minutes-content';

/** Fixed ids, named in the brief so that pages and tests can rely on them. */
export const DEMO_MEETING_ID = '00000000-0000-4000-a000-000000000001';
export const DEMO_NEXT_MEETING_ID = '00000000-0000-4000-a000-000000000002';
export const demoAgendaItemId = (meeting: 1 | 2, position: number) => `00000000-0000-4000-a000-${String(meeting).padStart(10, '0')}${String(position).padStart(2, '0')}`;

const AGENDA_TITLES = ["Introduction", "Rappel sur le premier forum franco-coréen", "Proposition pour la 2ème édition du Forum franco-coréen en Corée du sud (thèmes réunions, visites de terrain et dates)"];

/** Per agenda item, in order: [speaker's directory key or null, speaker name when not in it, text]. */
const INTERVENTIONS: [string | null, string, string][][] = [
	[['caroline-millan', '', "Le groupe-pays Corée rassemble les collectivités françaises engagées par un partenariat avec la Corée ou s'intéressant à ce pays en vue d'un éventuel partenariat. L'objectif est de donner des informations sur les enjeux du pays, les relations bilatérales, permettre d'échanger avec les partenaires institutionnels (dont la DCTCIV au sein du MEAE) et proposer des projets communs afin de développer la coopération décentralisée entre la Corée et la France. La GAROK (Centre coréen des collectivités locales) œuvre avec CUF pour atteindre cet objectif."]],
	[
		['virginie-rouquette', '', "Le premier Forum franco-coréen s'est tenu du 2 au 8 juin 2023, en France, sur le sujet « Innovation et attractivité du territoire ». Les échanges ont eu lieu dans quatre collectivités : Issy-les-Moulineaux avec la visite des éco-quartiers de la ville, ensuite la visite du campus numérique en Auvergne Rhône Alpes, la visite de la Mission carré de Soie et du Grand Plateau avec le Grand Lyon, ainsi qu'une réunion autour du tourisme et de l'industrie et la visite du Centre de supervision urbain à Nice. Le forum est une opportunité de développer la coopération sur des intérêts réciproques, notamment par le déplacement dans les collectivités françaises et coréennes qui permet de s'inspirer mutuellement."],
		['caroline-millan', '', "La visite de la délégation coréenne dans les écoquartiers du Cœur de ville et du Fort d'Issy, qui dispose d'un système moderne de gestion de déchets, était particulièrement intéressante. Le système de domotique installé dans les immeubles du quartier du Fort a par ailleurs été inspiré par un voyage en Corée : la démonstration que les échanges permettent de s'inspirer les uns des autres et d'arriver à la réalisation de projets innovants."],
		['christina-dabrowski', '', "Au campus numérique de la région, l'échange sur la question de l'innovation et l'attractivité du territoire s'est déroulé sous deux volets : l'Ecole 42 et le Centre numérique -> ouvert à tous, initie la population au numérique, propose des cours pour les enfants... Un partenariat est en cours de concrétisation avec une province coréenne dans le but d'échanger des bonnes pratiques sur le sujet du numérique."],
		['joon-ho-hong', '', "Le groupe-pays Corée a été lancé en 2016 et, depuis, les collectivités françaises et coréennes ont échangé beaucoup de bonnes pratiques, notamment durant la crise sanitaire. L'objectif du 1er forum était de combiner réunions et visites afin de rendre le forum plus dynamique. Les collectivités coréennes ont particulièrement apprécié l'accueil et l'opportunité de découvrir les initiatives des collectivités françaises sur le terrain."]
	],
	[
		['hyoung-jin-kim', '', "Deux choix de dates proposées :\n\n- ⇒ Du mardi 24 au jeudi 26 septembre 2024\n- ⇒ Du dimanche 29 septembre au mardi 1er octobre 2024\n\nLe premier choix est priorisé au vu du contexte -> après la fête de Chuseok (la fête de la récolte en Corée).\n\nProgramme proposé :\n\n- ⇒ Accueil par le secrétaire général de Garok Seoul\n- ⇒ Rencontre avec l'ambassade de France en Corée\n- ⇒ Séminaire franco-coréen des initiatives locales « diplomatie locale et attractivité territoriale »\n- ⇒ Visite de Seocho (ville de présidence du groupe-pays coréen des collectivités territoriales FranceWa)\n- ⇒ Visites de terrain selon les choix des thèmes :\n - Intelligence artificielle et villes coréennes (Seoul..)\n - Développement économique et attractivité territoriales\n - Culture, tourisme, gastronomie\n - Climat, énergie, eau et propreté -> En Corée les méthodes de compostage sont très développées"],
		[null, '', "CUF invite les collectivités françaises à confirmer leur intérêt pour une participation à cet événement, et ce, avant le 15 mars prochain, auprès d'Inssafe El Idrissi (service-international-crisis@cites-unies-france.org), de manière à pouvoir consolider le déroulé du programme en fonction des attentes des participants."]
	]
];

/** The two ➔ conclusions of item 3. */
const DECISIONS = ["L'ensemble des thèmes proposés par la GAROK a eu l'approbation des participants. L'intelligence artificielle, le développement économique et l'attractivité des territoires, la gestion des données, la résilience des villes face au changement climatique, la mobilité/mobilité durable sont des thèmes qui ont été particulièrement appréciés.", "Les collectivités territoriales présentes ont toutes exprimé leur intérêt pour la participation au second Forum franco-coréen septembre prochain en Corée du Sud."];

/** The participants list, in its order (keys of demo-data.ts's PEOPLE). */
const PARTICIPANTS = [
	'virginie-rouquette',
	'inssafe-el-idrissi',
	'joon-ho-hong',
	'hyoung-jin-kim',
	'jiae-yang',
	'francois-collart',
	'louise-coulon',
	'christina-dabrowski',
	'bertrand-fort',
	'youssef-koulli',
	'eric-legale',
	'ulrike-maronnie',
	'caroline-millan',
	'morgane-millon',
	'samira-seddiki'
];

const TITLE = 'Réunion du groupe-pays Corée';

/** Inserts the reference meeting and the next one (inside demo-data.ts's transaction). */
export async function insertDemoMeetings(db: Executor, options: { groupId: string; idFor: (key: string) => string; now: string }): Promise<void> {
	const { groupId, idFor, now } = options;
	const meeting = {
		id: DEMO_MEETING_ID,
		group_id: groupId,
		title_fr: TITLE,
		title_ko: '',
		starts_at: zonedToUtc('2024-02-27', '09:00', 'Europe/Paris').toISOString(),
		ends_at: zonedToUtc('2024-02-27', '10:00', 'Europe/Paris').toISOString(),
		timezone: 'Europe/Paris',
		format: 'video' as const,
		// "en visioconférence": the minutes give no link.
		video_link: null,
		place: null,
		status: 'published' as const,
		original_language: 'fr' as const,
		previous_meeting_id: null,
		calendar_sequence: 0,
		source_hash: null,
		created_at: now,
		updated_at: now,
		published_at: now
	};
	await meetings.insertMeeting(db, meeting);
	for (const [index, title] of AGENDA_TITLES.entries()) {
		const itemId = demoAgendaItemId(1, index + 1);
		await meetings.insertAgendaItem(db, { id: itemId, meeting_id: DEMO_MEETING_ID, position: index + 1, title_fr: title, title_ko: '', presenter_person_id: null });
		for (const [position, [speaker, speakerName, text]] of INTERVENTIONS[index].entries()) {
			await minutes.insertIntervention(db, {
				id: idFor(`intervention:${index + 1}:${position + 1}`),
				agenda_item_id: itemId,
				position: position + 1,
				speaker_person_id: speaker ? idFor(`person:${speaker}`) : null,
				speaker_name: speakerName,
				speaker_title_override: null,
				speaker_organisation_override: null,
				text_fr: text,
				text_ko: ''
			});
		}
	}
	for (const [position, text] of DECISIONS.entries()) {
		await minutes.insertDecision(db, { id: idFor(`decision:3:${position + 1}`), agenda_item_id: demoAgendaItemId(1, 3), position: position + 1, text_fr: text, text_ko: '' });
	}
	for (const key of PARTICIPANTS) await meetings.setAttendance(db, DEMO_MEETING_ID, idFor(`person:${key}`), 'present');
	await minutes.insertMinutesVersion(db, {
		id: idFor('minutes-version:reference:1'),
		meeting_id: DEMO_MEETING_ID,
		version: 1,
		snapshot: JSON.stringify(await loadMinutesContent(db, meeting)),
		author_user_id: null,
		at: now
	});

	// The next meeting, as "next meeting" makes it: Tuesday 23 February 2027, same time of day and zone.
	await meetings.insertMeeting(db, {
		...meeting,
		id: DEMO_NEXT_MEETING_ID,
		starts_at: zonedToUtc('2027-02-23', '09:00', 'Europe/Paris').toISOString(),
		ends_at: zonedToUtc('2027-02-23', '10:00', 'Europe/Paris').toISOString(),
		video_link: 'https://visio.example.org/groupe-pays-coree',
		status: 'draft',
		previous_meeting_id: DEMO_MEETING_ID,
		published_at: null
	});
	for (const [index, title] of AGENDA_TITLES.entries()) {
		await meetings.insertAgendaItem(db, { id: demoAgendaItemId(2, index + 1), meeting_id: DEMO_NEXT_MEETING_ID, position: index + 1, title_fr: title, title_ko: '', presenter_person_id: null });
	}
}

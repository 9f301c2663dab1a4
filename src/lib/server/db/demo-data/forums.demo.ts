/**
 * The two Forums franco-coréens of the reference minutes (shared/reference/compte-rendu-groupe-pays-coree-2024-02-27.txt):
 *
 * - the 1st, as it happened: 2–8 June 2023 in France, on « Innovation et attractivité du territoire »,
 *   in four authorities — Issy-les-Moulineaux (its eco-districts), the Auvergne-Rhône-Alpes region's
 *   digital campus (École 42 and the Centre numérique), the Grand Lyon (Mission Carré de Soie, Grand
 *   Plateau) and Nice (a meeting on tourism and industry, the Centre de supervision urbain); status
 *   "report", its report being item 2 of the minutes. The minutes give the order of the visits, not
 *   their days and hours: those below are placed in that order across the week, at ordinary hours.
 * - the 2nd, in Korea, in preparation (status "choosing dates", no dates yet), with the programme
 *   GAROK proposed in item 3, placed provisionally on 24–26 September 2024 (the first choice of
 *   dates) in Seoul time: welcome by GAROK Seoul's secretary general, meeting at the French embassy,
 *   the Franco-Korean seminar « diplomatie locale et attractivité territoriale », the visit of
 *   Seocho, and field visits on the four themes, 15 places each (issue 6), two per half-day.
 *
 * Organisations the directory lacks (the embassy, GAROK Seoul, Seoul) are added without a
 * membership of the group, as the partnerships' non-member parties are; the Grand Lyon and Nice
 * come from practices.demo.ts, Seocho-gu from partnerships.demo.ts.
 */
import type { Executor } from '../database';
import { zonedToUtc } from '../../../format/time-zones';
import * as directory from '../../directory/directory.repository';
import { normalizeName } from '../../directory/name-normalization';
import type { OrganisationTable } from '../../directory/directory.table';
import { findOfficialAuthority } from '../../directory/official-lists.service';
import { organisationFromOfficialChoice } from '../../partnerships/official-partner';
import * as forums from '../../forums/forum.repository';
import type { ForumStatus, ProgrammeItemKind } from '../../forums/forum.table';

/** Fixed ids, so that pages, tests and the other demo modules (polls, registrations) can rely on them. */
export const DEMO_FIRST_FORUM_ID = '00000000-0000-4000-b000-000000000001';
export const DEMO_SECOND_FORUM_ID = '00000000-0000-4000-b000-000000000002';
export const demoProgrammeItemId = (forum: 1 | 2, position: number) => `00000000-0000-4000-b${forum}00-${position.toString(16).padStart(12, '0')}`;

/** The 2nd forum's field visits (issue 6 assigns delegates to them): item positions, by theme. */
export const DEMO_FIELD_VISITS = [
	{ position: 6, theme: 'artificial-intelligence' },
	{ position: 7, theme: 'economic-development' },
	{ position: 8, theme: 'culture-tourism-gastronomy' },
	{ position: 9, theme: 'climate-energy-water-cleanliness' }
] as const;

/** 15 places per visit: a coach and a site tour hold about that many (the visits' planned size). */
export const DEMO_VISIT_CAPACITY = 15;

type OrganisationSeed = Pick<OrganisationTable, 'kind' | 'country_code' | 'name_fr' | 'name_ko' | 'name_en' | 'website'>;

const INSTITUTIONS: Record<string, OrganisationSeed> = {
	'french-embassy-korea': { kind: 'embassy', country_code: 'FR', name_fr: 'Ambassade de France en Corée', name_ko: '주한 프랑스 대사관', name_en: 'Embassy of France in Korea', website: 'https://kr.ambafrance.org' },
	'garok-seoul': {
		kind: 'association',
		country_code: 'KR',
		name_fr: 'GAROK Séoul (Association des gouverneurs des provinces et villes de Corée)',
		name_ko: '대한민국시도지사협의회',
		name_en: 'GAROK Seoul (Governors Association of the Republic of Korea)',
		website: 'https://www.gaok.or.kr'
	}
};

/** Official list entries, with the names the lists lack. */
const AUTHORITIES: { key: string; pick: string; nameKo: string; nameEn?: string; nameFr?: string }[] = [
	{ key: 'seoul', pick: 'iso-3166-2:KR-11', nameKo: '서울특별시' }
];

const LISTS_AS_OF = '2024-12-09';

interface ItemSeed {
	kind: ProgrammeItemKind;
	titleFr: string;
	titleKo: string;
	descriptionFr?: string;
	descriptionKo?: string;
	host?: string;
	place: string;
	day: string;
	start: string;
	end: string;
	capacity?: number;
	themes?: string[];
}

interface ForumSeed {
	id: string;
	number: 1 | 2;
	titleFr: string;
	titleKo: string;
	themeFr: string;
	themeKo: string;
	hostCountry: string;
	zone: string;
	startsOn: string | null;
	endsOn: string | null;
	status: ForumStatus;
	descriptionFr: string;
	descriptionKo: string;
	reportFr: string;
	reportKo: string;
	hosts: string[];
	places: { fr: string; ko: string; organisation?: string }[];
	items: ItemSeed[];
}

const FORUMS: ForumSeed[] = [
	{
		id: DEMO_FIRST_FORUM_ID,
		number: 1,
		titleFr: 'Premier Forum franco-coréen',
		titleKo: '제1회 한불 지방정부 포럼',
		themeFr: 'Innovation et attractivité du territoire',
		themeKo: '혁신과 지역 매력도',
		hostCountry: 'FR',
		zone: 'Europe/Paris',
		startsOn: '2023-06-02',
		endsOn: '2023-06-08',
		status: 'report',
		descriptionFr: 'Réunions et visites dans quatre collectivités françaises, pour rendre le forum plus dynamique.',
		descriptionKo: '보다 역동적인 포럼을 위해 프랑스 4개 지방정부에서 회의와 현장 방문을 함께 진행했습니다.',
		reportFr:
			"Le premier Forum franco-coréen s'est tenu du 2 au 8 juin 2023, en France, sur le sujet « Innovation et attractivité du territoire ». Les échanges ont eu lieu dans quatre collectivités : Issy-les-Moulineaux avec la visite des éco-quartiers de la ville, ensuite la visite du campus numérique en Auvergne Rhône Alpes, la visite de la Mission carré de Soie et du Grand Plateau avec le Grand Lyon, ainsi qu'une réunion autour du tourisme et de l'industrie et la visite du Centre de supervision urbain à Nice. Les collectivités coréennes ont particulièrement apprécié l'accueil et l'opportunité de découvrir les initiatives des collectivités françaises sur le terrain.",
		reportKo:
			"제1회 한불 지방정부 포럼은 2023년 6월 2일부터 8일까지 프랑스에서 '혁신과 지역 매력도'를 주제로 열렸습니다. 이시레물리노의 친환경 주거지구 방문, 오베르뉴론알프 레지옹의 디지털 캠퍼스 방문, 그랑 리옹의 카레 드 수아 및 그랑 플라토 방문, 니스의 관광·산업 회의와 도시통합관제센터 방문 등 4개 지방정부에서 교류가 이루어졌습니다. 한국 지방정부들은 환대와 프랑스 지방정부의 현장 사례를 접할 기회를 특히 높이 평가했습니다.",
		hosts: ['issy', 'aura', 'lyon', 'nice'],
		places: [
			{ fr: 'Issy-les-Moulineaux', ko: '이시레물리노', organisation: 'issy' },
			{ fr: 'Campus numérique Auvergne-Rhône-Alpes', ko: '오베르뉴론알프 디지털 캠퍼스', organisation: 'aura' },
			{ fr: 'Grand Lyon', ko: '그랑 리옹', organisation: 'lyon' },
			{ fr: 'Nice', ko: '니스', organisation: 'nice' }
		],
		items: [
			{ kind: 'welcome', titleFr: "Accueil de la délégation coréenne à Issy-les-Moulineaux", titleKo: '이시레물리노 한국 대표단 환영', host: 'issy', place: 'Issy-les-Moulineaux', day: '2023-06-02', start: '10:00', end: '11:00' },
			{
				kind: 'field-visit',
				titleFr: "Visite des éco-quartiers du Cœur de ville et du Fort d'Issy",
				titleKo: '쾨르 드 빌 및 포르 디시 친환경 주거지구 방문',
				descriptionFr: 'Gestion moderne des déchets ; domotique des immeubles du quartier du Fort, inspirée par un voyage en Corée.',
				descriptionKo: '현대적 폐기물 관리 시스템과, 한국 방문에서 착안한 포르 지구 건물의 홈 자동화 시스템.',
				host: 'issy',
				place: 'Issy-les-Moulineaux',
				day: '2023-06-02',
				start: '14:00',
				end: '17:00',
				themes: ['smart-city', 'waste-management']
			},
			{ kind: 'transport', titleFr: 'Trajet Paris – Lyon', titleKo: '파리–리옹 이동', place: 'Paris Gare de Lyon', day: '2023-06-05', start: '08:00', end: '10:00' },
			{
				kind: 'field-visit',
				titleFr: 'Campus numérique de la Région : École 42 et Centre numérique',
				titleKo: '레지옹 디지털 캠퍼스: 에콜 42와 디지털 센터',
				descriptionFr: "Le Centre numérique, ouvert à tous, initie la population au numérique et propose des cours pour les enfants.",
				descriptionKo: '누구에게나 열린 디지털 센터는 주민의 디지털 입문을 돕고 어린이 강좌를 운영합니다.',
				host: 'aura',
				place: 'Campus numérique Auvergne-Rhône-Alpes',
				day: '2023-06-05',
				start: '14:00',
				end: '17:00',
				themes: ['digital-inclusion', 'smart-city']
			},
			{
				kind: 'field-visit',
				titleFr: 'Mission Carré de Soie et Grand Plateau',
				titleKo: '카레 드 수아 및 그랑 플라토 방문',
				host: 'lyon',
				place: 'Grand Lyon',
				day: '2023-06-06',
				start: '09:30',
				end: '12:30',
				themes: ['economic-development', 'sustainable-mobility']
			},
			{ kind: 'transport', titleFr: 'Trajet Lyon – Nice', titleKo: '리옹–니스 이동', place: 'Lyon Part-Dieu', day: '2023-06-06', start: '15:00', end: '20:00' },
			{ kind: 'institutional-meeting', titleFr: "Réunion autour du tourisme et de l'industrie", titleKo: '관광·산업 회의', host: 'nice', place: 'Nice', day: '2023-06-07', start: '10:00', end: '12:00', themes: ['culture-tourism-gastronomy', 'economic-development'] },
			{ kind: 'field-visit', titleFr: 'Visite du Centre de supervision urbain', titleKo: '도시통합관제센터 방문', host: 'nice', place: 'Nice', day: '2023-06-08', start: '10:00', end: '12:00', themes: ['smart-city', 'data-management'] }
		]
	},
	{
		id: DEMO_SECOND_FORUM_ID,
		number: 2,
		titleFr: 'Deuxième Forum franco-coréen',
		titleKo: '제2회 한불 지방정부 포럼',
		themeFr: 'Diplomatie locale et attractivité territoriale',
		themeKo: '지방 외교와 지역 매력도',
		hostCountry: 'KR',
		zone: 'Asia/Seoul',
		startsOn: null,
		endsOn: null,
		status: 'choosing-dates',
		descriptionFr:
			"Proposition de la GAROK (réunion du 27 février 2024) : deux choix de dates, du mardi 24 au jeudi 26 septembre 2024 (priorisé, après Chuseok) ou du dimanche 29 septembre au mardi 1er octobre 2024. Le programme ci-dessous est placé provisoirement sur le premier choix.",
		descriptionKo:
			'GAROK 제안(2024년 2월 27일 회의): 2024년 9월 24일(화)~26일(목)(추석 이후, 우선 안) 또는 9월 29일(일)~10월 1일(화). 아래 프로그램은 잠정적으로 첫 번째 안에 배치되어 있습니다.',
		reportFr: '',
		reportKo: '',
		hosts: ['garok-seoul', 'seocho-gu'],
		places: [
			{ fr: 'Séoul', ko: '서울', organisation: 'seoul' },
			{ fr: 'Seocho-gu (Séoul)', ko: '서울특별시 서초구', organisation: 'seocho-gu' }
		],
		items: [
			{ kind: 'welcome', titleFr: 'Accueil par le secrétaire général de la GAROK Séoul', titleKo: '대한민국시도지사협의회 사무총장 환영', host: 'garok-seoul', place: 'Séoul', day: '2024-09-24', start: '10:00', end: '11:00' },
			{ kind: 'institutional-meeting', titleFr: "Rencontre avec l'ambassade de France en Corée", titleKo: '주한 프랑스 대사관 방문', host: 'french-embassy-korea', place: 'Ambassade de France, Séoul', day: '2024-09-24', start: '14:30', end: '16:00' },
			{ kind: 'meal', titleFr: 'Dîner de bienvenue', titleKo: '환영 만찬', host: 'garok-seoul', place: 'Séoul', day: '2024-09-24', start: '19:00', end: '21:00' },
			{
				kind: 'seminar',
				titleFr: 'Séminaire franco-coréen des initiatives locales « diplomatie locale et attractivité territoriale »',
				titleKo: "한불 지방정부 우수사례 세미나 '지방 외교와 지역 매력도'",
				host: 'garok-seoul',
				place: 'Séoul',
				day: '2024-09-25',
				start: '09:30',
				end: '12:30',
				themes: ['local-diplomacy', 'economic-development']
			},
			{
				kind: 'institutional-meeting',
				titleFr: 'Visite de Seocho',
				titleKo: '서초구 방문',
				descriptionFr: 'Seocho préside le groupe-pays des collectivités territoriales coréennes pour la France (FranceWa).',
				descriptionKo: '서초구는 한국 지방정부 프랑스 협의체(FranceWa)의 의장 도시입니다.',
				host: 'seocho-gu',
				place: 'Seocho-gu (Séoul)',
				day: '2024-09-25',
				start: '14:30',
				end: '17:30'
			},
			{
				kind: 'field-visit',
				titleFr: 'Intelligence artificielle et villes coréennes',
				titleKo: '인공지능과 한국의 도시',
				descriptionFr: 'Visite de terrain à Séoul selon les choix des thèmes.',
				descriptionKo: '주제 선택에 따른 서울 현장 방문.',
				host: 'seoul',
				place: 'Séoul',
				day: '2024-09-26',
				start: '09:00',
				end: '12:00',
				capacity: DEMO_VISIT_CAPACITY,
				themes: ['artificial-intelligence']
			},
			{
				kind: 'field-visit',
				titleFr: 'Développement économique et attractivité territoriale',
				titleKo: '경제 발전과 지역 매력도',
				descriptionFr: 'Visite de terrain selon les choix des thèmes.',
				descriptionKo: '주제 선택에 따른 현장 방문.',
				place: 'Séoul',
				day: '2024-09-26',
				start: '09:00',
				end: '12:00',
				capacity: DEMO_VISIT_CAPACITY,
				themes: ['economic-development']
			},
			{
				kind: 'field-visit',
				titleFr: 'Culture, tourisme, gastronomie',
				titleKo: '문화·관광·미식',
				descriptionFr: 'Visite de terrain selon les choix des thèmes.',
				descriptionKo: '주제 선택에 따른 현장 방문.',
				place: 'Séoul',
				day: '2024-09-26',
				start: '14:00',
				end: '17:00',
				capacity: DEMO_VISIT_CAPACITY,
				themes: ['culture-tourism-gastronomy']
			},
			{
				kind: 'field-visit',
				titleFr: 'Climat, énergie, eau et propreté',
				titleKo: '기후·에너지·물·청결',
				descriptionFr: 'En Corée, les méthodes de compostage sont très développées.',
				descriptionKo: '한국은 퇴비화 방식이 매우 발달해 있습니다.',
				place: 'Séoul',
				day: '2024-09-26',
				start: '14:00',
				end: '17:00',
				capacity: DEMO_VISIT_CAPACITY,
				themes: ['climate-energy-water-cleanliness']
			}
		]
	}
];

export interface DemoForumsOptions {
	/** The id demo-data.ts gives a key ('organisation:issy', 'organisation:seocho-gu'…). */
	idFor: (key: string) => string;
	groupId: string;
	now: string;
}

/** Inserts the organisations the forums need and the two forums with their hosts, places and programmes. */
export async function insertDemoForums(db: Executor, { idFor, groupId, now }: DemoForumsOptions): Promise<void> {
	for (const [key, seed] of Object.entries(INSTITUTIONS)) {
		await directory.insertOrganisation(db, {
			...seed,
			id: idFor(`organisation:${key}`),
			created_at: now,
			official_code_scheme: null,
			official_code: null,
			normalized_name: normalizeName(seed.name_fr),
			departement_code: null,
			region_code: null,
			region_name: null,
			population: null,
			address: null,
			latitude: null,
			longitude: null
		});
	}
	for (const authority of AUTHORITIES) {
		const choice = findOfficialAuthority(authority.pick, LISTS_AS_OF);
		if (!choice) throw new Error(`Demo forums: ${authority.pick} is not in the official lists`);
		const row = organisationFromOfficialChoice(choice, idFor(`organisation:${authority.key}`), now);
		if (authority.nameFr) {
			row.name_fr = authority.nameFr;
			row.normalized_name = normalizeName(authority.nameFr);
		}
		row.name_ko = authority.nameKo;
		row.name_en = authority.nameEn ?? row.name_en;
		await directory.insertOrganisation(db, row);
	}
	const organisationId = (key: string) => idFor(`organisation:${key}`);

	for (const forum of FORUMS) {
		await forums.insertForum(db, {
			id: forum.id,
			group_id: groupId,
			number: forum.number,
			title_fr: forum.titleFr,
			title_ko: forum.titleKo,
			theme_fr: forum.themeFr,
			theme_ko: forum.themeKo,
			host_country: forum.hostCountry,
			host_timezone: forum.zone,
			starts_on: forum.startsOn,
			ends_on: forum.endsOn,
			status: forum.status,
			description_fr: forum.descriptionFr,
			description_ko: forum.descriptionKo,
			report_fr: forum.reportFr,
			report_ko: forum.reportKo,
			created_at: now,
			updated_at: now
		});
		await forums.replaceHostOrganisations(db, forum.id, forum.hosts.map(organisationId));
		await forums.replacePlaces(
			db,
			forum.id,
			forum.places.map((place, index) => ({ id: idFor(`forum-place:${forum.number}:${index + 1}`), name_fr: place.fr, name_ko: place.ko, organisation_id: place.organisation ? organisationId(place.organisation) : null }))
		);
		for (const [index, item] of forum.items.entries()) {
			const id = demoProgrammeItemId(forum.number, index + 1);
			await forums.insertProgrammeItem(db, {
				id,
				forum_id: forum.id,
				kind: item.kind,
				title_fr: item.titleFr,
				title_ko: item.titleKo,
				description_fr: item.descriptionFr ?? '',
				description_ko: item.descriptionKo ?? '',
				host_organisation_id: item.host ? organisationId(item.host) : null,
				place: item.place,
				starts_at: zonedToUtc(item.day, item.start, forum.zone).toISOString(),
				ends_at: zonedToUtc(item.day, item.end, forum.zone).toISOString(),
				capacity: item.capacity ?? null,
				created_at: now,
				updated_at: now
			});
			await forums.replaceItemThemes(db, id, item.themes ?? []);
		}
	}
}

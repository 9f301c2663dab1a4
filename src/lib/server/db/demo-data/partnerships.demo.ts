/**
 * Demo partnerships of the groupe-pays Corée: every row of shared/reference/partenariats-franco-coreens.md
 * (public sources, as of 2026) and the partnership "being concluded" of the reference minutes of
 * 27 February 2024. Dates at the precision the sources give; what they leave uncertain is marked
 * unverified. Parties that are not members of the group (Tours, Guro-gu…) are created as
 * organisations with their official codes, without a membership.
 */
import type { Executor } from '../database';
import * as directory from '../../directory/directory.repository';
import type { OrganisationTable } from '../../directory/directory.table';
import { normalizeName } from '../../directory/name-normalization';
import { findOfficialAuthority } from '../../directory/official-lists.service';
import { organisationFromOfficialChoice } from '../../partnerships/official-partner';
import * as repository from '../../partnerships/partnership.repository';
import type { PartnershipKind, PartnershipStatus } from '../../partnerships/partnership.table';

/**
 * Partnership ids of their own namespace, so that they do not move when another demo module adds
 * ids before them (the browser tests open the record of the first one).
 */
export function demoPartnershipId(index: number): string {
	return `00000000-0000-4000-9000-${index.toString(16).padStart(12, '0')}`;
}

/** The day the official lists are read for (the demo's partners all exist on it). */
const LISTS_AS_OF = '2024-12-09';

/** Organisations the register needs beyond the group's members: official list entry, with Korean or French names the list lacks. */
const PARTIES: { key: string; pick: string; nameKo?: string; nameEn?: string; nameFr?: string }[] = [
	{ key: 'paris-15', pick: 'insee:75115', nameKo: '파리 15구', nameEn: 'Paris 15th arrondissement' },
	{ key: 'paris-17', pick: 'insee:75117', nameKo: '파리 17구', nameEn: 'Paris 17th arrondissement' },
	{ key: 'tours', pick: 'insee:37261', nameKo: '투르', nameEn: 'Tours' },
	// Région Alsace merged into Grand Est on 1 January 2016: the twinning is carried by Grand Est.
	{ key: 'grand-est', pick: 'insee-region:44', nameFr: 'Région Grand Est', nameKo: '그랑테스트 레지옹', nameEn: 'Grand Est Region' },
	{ key: 'nantes-commune', pick: 'insee:44109', nameKo: '낭트시', nameEn: 'Nantes (city)' },
	{ key: 'saint-mande', pick: 'insee:94067', nameKo: '생망데', nameEn: 'Saint-Mandé' },
	{ key: 'clermont-ferrand', pick: 'insee:63113', nameKo: '클레르몽페랑', nameEn: 'Clermont-Ferrand' },
	{ key: 'reims', pick: 'insee:51454', nameKo: '랭스', nameEn: 'Reims' },
	{ key: 'guro-gu', pick: 'kr-local:KR-11:guro-gu' },
	{ key: 'seocho-gu', pick: 'kr-local:KR-11:seocho-gu' },
	{ key: 'yangcheon-gu', pick: 'kr-local:KR-11:yangcheon-gu' },
	{ key: 'suwon-si', pick: 'kr-local:KR-41:suwon-si' },
	{ key: 'gyeongsangbuk-do', pick: 'iso-3166-2:KR-47' },
	{ key: 'suncheon-si', pick: 'kr-local:KR-46:suncheon-si' },
	{ key: 'yanggu-gun', pick: 'kr-local:KR-42:yanggu-gun' },
	{ key: 'yangpyeong-gun', pick: 'kr-local:KR-41:yangpyeong-gun' },
	{ key: 'naju-si', pick: 'kr-local:KR-46:naju-si' },
	{ key: 'paju-si', pick: 'kr-local:KR-41:paju-si' }
];

interface PartnershipSeed {
	french: string;
	/** An organisation key, or null with `region` for a partner still to be identified. */
	foreign: string | null;
	region?: string;
	kind: PartnershipKind;
	events: { status: PartnershipStatus; on: string; note: string }[];
	themes: string[];
	descriptionFr: string;
	descriptionKo: string;
	sources: string;
	verified: boolean;
}

const REFERENCE = 'Relevé « Franco-Korean local partnerships found in public sources (as of 2026) »';

/** In the reference table's order, then the minutes' partnership. */
const PARTNERSHIPS: PartnershipSeed[] = [
	{
		french: 'issy',
		foreign: 'guro-gu',
		kind: 'twinning',
		events: [
			{ status: 'active', on: '2004-10', note: "Inauguration du « Pont d'Issy » à Guro. L'année de signature du jumelage n'a pas été trouvée." },
			{ status: 'active', on: '2017', note: 'Voyage d’échange de jeunes à Guro.' }
		],
		themes: ['youth'],
		descriptionFr: "Jumelage entre Issy-les-Moulineaux et l'arrondissement de Guro (Séoul) ; un « Pont d'Issy » a été ouvert à Guro en octobre 2004 ; échanges de jeunes (voyage de 2017).",
		descriptionKo: '이시레물리노와 서울 구로구의 자매결연. 2004년 10월 구로구에 "이시 다리"가 개통되었으며 청소년 교류(2017년 방문)가 이어지고 있다.',
		sources: `issy.com\nhistorim.fr\n${REFERENCE}`,
		verified: true
	},
	{
		french: 'paris-15',
		foreign: 'seocho-gu',
		kind: 'friendship-protocol',
		events: [{ status: 'signed', on: '2016-07', note: 'Protocole d’amitié (MoU) signé en juillet 2016.' }],
		themes: ['culture-tourism-gastronomy', 'education'],
		descriptionFr: 'Protocole d’amitié entre le 15e arrondissement de Paris et Seocho-gu (Séoul) : culture et échanges d’étudiants. Une délégation du groupe-pays Corée a visité Seocho-gu le 25 septembre 2024.',
		descriptionKo: '파리 15구와 서울 서초구의 우호 협약(MoU): 문화 및 학생 교류. 2024년 9월 25일 한국 국가별 그룹 대표단이 서초구를 방문했다.',
		sources: `mairie15.paris.fr\nfr.mofa.go.kr\nnews21tongsin (visite du 25 septembre 2024)\n${REFERENCE}`,
		verified: true
	},
	{
		french: 'paris-17',
		foreign: 'yangcheon-gu',
		kind: 'cooperation-agreement',
		events: [
			{ status: 'signed', on: '2022-03-28', note: 'Accord signé le 28 mars 2022.' },
			{ status: 'active', on: '2023-04-18', note: 'Accord renouvelé le 18 avril 2023.' }
		],
		themes: ['economic-development', 'sustainable-mobility', 'culture-tourism-gastronomy'],
		descriptionFr: 'Coopération entre le 17e arrondissement de Paris et Yangcheon-gu (Séoul) : économie, urbanisme, transports, culture et tourisme. La source ne précise pas la nature exacte de l’accord.',
		descriptionKo: '파리 17구와 서울 양천구의 협력: 경제, 도시계획, 교통, 문화, 관광. 출처에 협약의 정확한 형식은 나와 있지 않다.',
		sources: `geoffroyboulard.fr\n${REFERENCE}`,
		verified: true
	},
	{
		french: 'tours',
		foreign: 'suwon-si',
		kind: 'twinning',
		events: [{ status: 'signed', on: '2023', note: 'Ville sœur depuis 2023 (mois incertain).' }],
		themes: [],
		descriptionFr: 'Tours et Suwon sont villes sœurs depuis 2023. Un mémorandum CUF–GAOK avait été signé à Tours le 7 juillet 2017.',
		descriptionKo: '투르와 수원시는 2023년부터 자매도시이다. 2017년 7월 7일 투르에서 CUF와 대한민국시도지사협의회(GAOK)가 양해각서를 체결했다.',
		sources: `gitimes.com\n${REFERENCE}`,
		verified: true
	},
	{
		french: 'grand-est',
		foreign: 'gyeongsangbuk-do',
		kind: 'twinning',
		events: [{ status: 'signed', on: '1999-04-27', note: 'Jumelage signé par la Région Alsace (aujourd’hui Grand Est).' }],
		themes: ['economic-development', 'culture-tourism-gastronomy', 'climate-energy-water-cleanliness'],
		descriptionFr: 'Jumelage entre la Région Alsace (aujourd’hui Région Grand Est) et la province du Gyeongsang du Nord : économie, culture, science, tourisme ; plus tard un protocole sur la croissance verte bas carbone.',
		descriptionKo: '알자스 레지옹(현 그랑테스트 레지옹)과 경상북도의 자매결연: 경제, 문화, 과학, 관광. 이후 저탄소 녹색성장 양해각서를 체결했다.',
		sources: `Site de l’association France-Corée\ndgmbc\n${REFERENCE}`,
		verified: true
	},
	{
		french: 'nantes-commune',
		foreign: 'suncheon-si',
		kind: 'friendship-protocol',
		events: [{ status: 'signed', on: '2006', note: 'Accord d’échanges amicaux signé vers 2006 (date incertaine).' }],
		themes: [],
		descriptionFr: 'Accord d’échanges amicaux entre Nantes et Suncheon autour des jardins. La date (vers 2006) n’est pas confirmée.',
		descriptionKo: '낭트와 순천시의 정원 분야 우호 교류 협약. 체결 시기(2006년경)는 확인되지 않았다.',
		sources: `kjmbc\n${REFERENCE}`,
		verified: false
	},
	{
		french: 'saint-mande',
		foreign: 'yanggu-gun',
		kind: 'twinning',
		events: [{ status: 'signed', on: '2011-10-12', note: 'Accord de ville sœur signé le 12 octobre 2011.' }],
		themes: ['youth', 'culture-tourism-gastronomy', 'sport', 'remembrance'],
		descriptionFr: 'Villes sœurs : jeunesse, culture, sport, développement durable et mémoire de la guerre de Corée.',
		descriptionKo: '자매도시: 청소년, 문화, 스포츠, 지속 가능한 발전, 한국전쟁 기억.',
		sources: `gaok.or.kr\n${REFERENCE}`,
		verified: true
	},
	{
		french: 'suippes',
		foreign: 'yangpyeong-gun',
		kind: 'cooperation-agreement',
		events: [{ status: 'signed', on: '2024-09-30', note: 'Accord de coopération signé le 30 septembre 2024, par l’intermédiaire du bureau parisien de la GAOK.' }],
		themes: ['remembrance', 'education', 'culture-tourism-gastronomy'],
		descriptionFr: 'Accord de coopération : mémoire (bataille de Jipyeong-ri), éducation, culture et tourisme ; préparé par le bureau parisien de la GAOK.',
		descriptionKo: '협력 협약: 지평리 전투 기억, 교육, 문화, 관광. 대한민국시도지사협의회 파리사무소를 통해 추진되었다.',
		sources: `kyeongin\nKBS\n${REFERENCE}`,
		verified: true
	},
	{
		french: 'clermont-ferrand',
		foreign: 'naju-si',
		kind: 'friendship-protocol',
		events: [{ status: 'signed', on: '2025-06-24', note: 'Accord d’amitié et de partenariat signé le 24 juin 2025.' }],
		themes: ['youth', 'sport', 'education', 'culture-tourism-gastronomy', 'sustainable-agriculture'],
		descriptionFr: 'Accord d’amitié et de partenariat : jeunesse, sport, éducation, culture, agriculture durable et échanges d’agents.',
		descriptionKo: '우호 및 파트너십 협약: 청소년, 스포츠, 교육, 문화, 지속 가능한 농업, 공무원 교류.',
		sources: `clermontinfos63\nfnnews\n${REFERENCE}`,
		verified: true
	},
	{
		french: 'reims',
		foreign: 'paju-si',
		kind: 'letter-of-intent',
		events: [{ status: 'signed', on: '2009-04', note: 'Lettre d’intention seulement ; la suite n’est pas connue.' }],
		themes: [],
		descriptionFr: 'Lettre d’intention signée en avril 2009 ; le statut actuel n’est pas connu.',
		descriptionKo: '2009년 4월 의향서 체결. 현재 상태는 알려지지 않았다.',
		sources: `ujbnews\n${REFERENCE}`,
		verified: false
	},
	{
		french: 'aura',
		foreign: null,
		region: 'Une province coréenne (non nommée) · 한국의 도 (미정)',
		kind: 'cooperation-agreement',
		events: [{ status: 'negotiation', on: '2024-02-27', note: 'Un partenariat est en cours de concrétisation (compte-rendu du groupe-pays Corée du 27 février 2024).' }],
		themes: ['digital-inclusion'],
		descriptionFr: 'Un partenariat est en cours de concrétisation avec une province coréenne, pour échanger des bonnes pratiques sur le numérique (campus numérique de la Région, École 42, Centre numérique).',
		descriptionKo: '디지털 분야 우수 사례 교류를 위해 한국의 한 도와 파트너십을 추진 중이다(레지옹 디지털 캠퍼스, 에콜 42, 디지털 센터).',
		sources: 'Compte-rendu de la réunion du groupe-pays Corée du 27 février 2024 (intervention de Christina Dabrowski)',
		verified: true
	}
];

export interface DemoPartnershipsOptions {
	groupId: string;
	/** The id of one of demo-data.ts's organisations ('issy', 'suippes', 'nantes', 'aura'…). */
	organisationIdByKey: (key: string) => string;
	idFor: (key: string) => string;
	now: string;
}

/** Inserts the parties that are missing and the register's partnerships, timelines and themes. */
export async function insertDemoPartnerships(db: Executor, { groupId, organisationIdByKey, idFor, now }: DemoPartnershipsOptions): Promise<void> {
	const organisationIds = new Map<string, string>();
	for (const party of PARTIES) {
		const choice = findOfficialAuthority(party.pick, LISTS_AS_OF);
		if (!choice) throw new Error(`Demo partnerships: ${party.pick} is not in the official lists`);
		const row: Omit<OrganisationTable, 'search_text' | 'search_initials'> = organisationFromOfficialChoice(choice, idFor(`organisation:${party.key}`), now);
		if (party.nameFr) {
			row.name_fr = party.nameFr;
			row.normalized_name = normalizeName(party.nameFr);
		}
		row.name_ko = party.nameKo ?? row.name_ko;
		row.name_en = party.nameEn ?? row.name_en;
		await directory.insertOrganisation(db, row);
		organisationIds.set(party.key, row.id);
	}
	const idOf = (key: string) => organisationIds.get(key) ?? organisationIdByKey(key);

	for (const [index, seed] of PARTNERSHIPS.entries()) {
		const id = demoPartnershipId(index + 1);
		const latest = [...seed.events].sort((a, b) => a.on.localeCompare(b.on)).at(-1)!;
		await repository.insertPartnership(db, {
			id,
			group_id: groupId,
			french_organisation_id: idOf(seed.french),
			foreign_organisation_id: seed.foreign ? idOf(seed.foreign) : null,
			foreign_country_code: 'KR',
			foreign_region: seed.foreign ? null : (seed.region ?? null),
			kind: seed.kind,
			status: latest.status,
			description_fr: seed.descriptionFr,
			description_ko: seed.descriptionKo,
			sources: seed.sources,
			verified: seed.verified ? 1 : 0,
			created_at: now,
			updated_at: now
		});
		for (const [eventIndex, event] of seed.events.entries()) {
			await repository.insertStatusEvent(db, {
				id: idFor(`partnership-event:${index + 1}:${eventIndex + 1}`),
				partnership_id: id,
				status: event.status,
				on_date: event.on,
				note: event.note,
				recorded_by: null,
				recorded_at: now
			});
		}
		await repository.replaceThemes(db, id, seed.themes);
	}
}

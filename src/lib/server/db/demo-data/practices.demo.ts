/**
 * The good practices of the reference minutes (shared/reference/compte-rendu-groupe-pays-coree-2024-02-27.txt,
 * item 2 "Rappel sur le premier forum franco-coréen" and item 3): what the first Franco-Korean forum
 * (2–8 June 2023, "Innovation et attractivité du territoire") visited, and what GAROK proposed for
 * the second one. Summaries say only what the minutes say; no links or photos are invented.
 */
import type { Executor } from '../database';
import * as directory from '../../directory/directory.repository';
import { normalizeName } from '../../directory/name-normalization';
import type { NewOrganisation } from '../../directory/directory.table';
import * as practices from '../../practices/practice.repository';

/**
 * Fixed ids for the practices, apart from demo-data.ts's counter: pages and tests can name a
 * practice whatever else the demo adds before it.
 */
export function demoPracticeId(index: number): string {
	return `00000000-0000-4000-8000-${(0x10000 + index).toString(16).padStart(12, '0')}`;
}

/**
 * Hosts of the forum's visits that are not members of the group (minutes, item 2). Their codes,
 * départements, régions and populations are those of the official list (@etalab/decoupage-administratif).
 */
const HOSTS: (Omit<NewOrganisation, 'id' | 'created_at' | 'normalized_name' | 'address' | 'latitude' | 'longitude'> & { key: string })[] = [
	{
		key: 'lyon',
		kind: 'collectivite-statut-particulier',
		country_code: 'FR',
		name_fr: 'Métropole de Lyon',
		name_ko: '리옹 메트로폴',
		name_en: 'Métropole de Lyon',
		website: null,
		official_code_scheme: 'siren',
		official_code: '200046977',
		departement_code: '69',
		region_code: '84',
		region_name: 'Auvergne-Rhône-Alpes',
		population: 1433613
	},
	{
		key: 'nice',
		kind: 'commune',
		country_code: 'FR',
		name_fr: 'Nice',
		name_ko: '니스',
		name_en: 'Nice',
		website: null,
		official_code_scheme: 'insee',
		official_code: '06088',
		departement_code: '06',
		region_code: '93',
		region_name: "Provence-Alpes-Côte d'Azur",
		population: 357737
	}
];

interface PracticeSeed {
	country: string;
	organisations: string[];
	themes: string[];
	title: { fr: string; ko: string; en: string };
	summary: { fr: string; ko: string; en: string };
}

const FORUM_FR = 'premier Forum franco-coréen (2–8 juin 2023, « Innovation et attractivité du territoire »)';
const FORUM_KO = '제1회 한불 포럼(2023년 6월 2~8일, 주제 「혁신과 지역 매력도」)';
const FORUM_EN = 'first Franco-Korean Forum (2–8 June 2023, “Innovation and territorial attractiveness”)';
const SOURCE_FR = 'Réunion du groupe-pays Corée du 27 février 2024.';
const SOURCE_KO = '2024년 2월 27일 한국 국가별 그룹 회의.';
const SOURCE_EN = 'Korea country group meeting of 27 February 2024.';

/** In the minutes' order. */
const PRACTICES: PracticeSeed[] = [
	{
		country: 'FR',
		organisations: ['issy'],
		themes: ['waste-management', 'climate-energy-water-cleanliness', 'smart-city'],
		title: {
			fr: "Écoquartiers du Cœur de ville et du Fort d'Issy et leur système de gestion des déchets",
			ko: '이시레물리노 쾨르 드 빌·포르 디시 생태지구와 폐기물 관리 시스템',
			en: "Cœur de ville and Fort d'Issy eco-districts and their waste-management system"
		},
		summary: {
			fr: `Lors du ${FORUM_FR}, la délégation coréenne a visité les écoquartiers du Cœur de ville et du Fort d'Issy, à Issy-les-Moulineaux, qui disposent d'un système moderne de gestion des déchets. Caroline Millan, présidente du groupe-pays Corée, a jugé cette visite particulièrement intéressante. ${SOURCE_FR}`,
			ko: `${FORUM_KO} 기간에 한국 대표단은 현대적인 폐기물 관리 시스템을 갖춘 이시레물리노의 쾨르 드 빌(Cœur de ville) 생태지구와 포르 디시(Fort d'Issy) 생태지구를 방문했습니다. 한국 국가별 그룹 의장 카롤린 밀랑은 이 방문이 특히 흥미로웠다고 평가했습니다. ${SOURCE_KO}`,
			en: `During the ${FORUM_EN}, the Korean delegation visited the Cœur de ville and Fort d'Issy eco-districts in Issy-les-Moulineaux, which have a modern waste-management system. Caroline Millan, chair of the Korea country group, found the visit particularly interesting. ${SOURCE_EN}`
		}
	},
	{
		country: 'FR',
		organisations: ['issy'],
		themes: ['smart-city'],
		title: {
			fr: 'Domotique des immeubles du quartier du Fort, inspirée de la Corée',
			ko: '한국에서 영감을 받은 포르 지구 건물의 홈오토메이션 시스템',
			en: 'Home automation in the Fort district’s buildings, inspired by Korea'
		},
		summary: {
			fr: `Le système de domotique installé dans les immeubles du quartier du Fort, à Issy-les-Moulineaux, a été inspiré par un voyage en Corée. Pour Caroline Millan, c'est la démonstration que les échanges permettent de s'inspirer les uns des autres et d'arriver à la réalisation de projets innovants. ${SOURCE_FR}`,
			ko: `이시레물리노 포르(Fort) 지구 건물에 설치된 홈오토메이션 시스템은 한국 방문에서 영감을 받은 것입니다. 카롤린 밀랑은 이것이 교류를 통해 서로에게서 배우고 혁신적인 프로젝트를 실현할 수 있음을 보여 주는 사례라고 말했습니다. ${SOURCE_KO}`,
			en: `The home-automation system installed in the buildings of the Fort district in Issy-les-Moulineaux was inspired by a trip to Korea. For Caroline Millan, it shows that exchanges let partners learn from one another and bring innovative projects to completion. ${SOURCE_EN}`
		}
	},
	{
		country: 'FR',
		organisations: ['aura'],
		themes: ['digital-inclusion', 'education', 'economic-development'],
		title: {
			fr: 'Campus numérique de la Région Auvergne-Rhône-Alpes',
			ko: '오베르뉴론알프 레지옹 디지털 캠퍼스',
			en: 'Digital campus of the Auvergne-Rhône-Alpes Region'
		},
		summary: {
			fr: `Visité lors du ${FORUM_FR}, le campus numérique de la Région a accueilli un échange sur l'innovation et l'attractivité du territoire en deux volets : l'École 42, et le Centre numérique, ouvert à tous, qui initie la population au numérique et propose notamment des cours pour les enfants. Un partenariat est en cours de concrétisation avec une province coréenne pour échanger des bonnes pratiques sur le numérique. ${SOURCE_FR}`,
			ko: `${FORUM_KO} 기간에 방문한 레지옹 디지털 캠퍼스에서는 혁신과 지역 매력도에 관한 교류가 두 부분으로 진행되었습니다. 에콜 42(École 42), 그리고 누구에게나 열려 있으며 주민들에게 디지털 입문 교육을 제공하고 어린이 강좌 등을 운영하는 디지털 센터입니다. 디지털 분야의 우수 사례를 교환하기 위해 한국의 한 도와 협력 관계가 구체화되고 있습니다. ${SOURCE_KO}`,
			en: `Visited during the ${FORUM_EN}, the Region’s digital campus hosted an exchange on innovation and territorial attractiveness in two parts: École 42, and the Digital Centre, open to everyone, which introduces residents to digital skills and offers courses for children among others. A partnership with a Korean province is being concluded to exchange good practices on digital matters. ${SOURCE_EN}`
		}
	},
	{
		country: 'FR',
		organisations: ['lyon'],
		themes: ['economic-development', 'smart-city'],
		title: {
			fr: 'Mission Carré de Soie et Grand Plateau (Métropole de Lyon)',
			ko: '리옹 메트로폴의 카레 드 수아(Carré de Soie) 미션과 그랑 플라토(Grand Plateau)',
			en: 'Carré de Soie mission and Grand Plateau (Métropole de Lyon)'
		},
		summary: {
			fr: `Lors du ${FORUM_FR}, la délégation a visité la Mission Carré de Soie et le Grand Plateau avec le Grand Lyon (Métropole de Lyon). ${SOURCE_FR}`,
			ko: `${FORUM_KO} 기간에 대표단은 그랑 리옹(리옹 메트로폴)과 함께 카레 드 수아 미션과 그랑 플라토를 방문했습니다. ${SOURCE_KO}`,
			en: `During the ${FORUM_EN}, the delegation visited the Carré de Soie mission and the Grand Plateau with Grand Lyon (Métropole de Lyon). ${SOURCE_EN}`
		}
	},
	{
		country: 'FR',
		organisations: ['nice'],
		themes: ['smart-city'],
		title: {
			fr: 'Centre de supervision urbain de Nice',
			ko: '니스시 도시 관제 센터',
			en: 'Nice urban supervision centre'
		},
		summary: {
			fr: `Lors du ${FORUM_FR}, la délégation a visité le Centre de supervision urbain de la Ville de Nice. ${SOURCE_FR}`,
			ko: `${FORUM_KO} 기간에 대표단은 니스시의 도시 관제 센터(Centre de supervision urbain)를 방문했습니다. ${SOURCE_KO}`,
			en: `During the ${FORUM_EN}, the delegation visited the City of Nice’s urban supervision centre. ${SOURCE_EN}`
		}
	},
	{
		country: 'KR',
		// GAROK presented it (minutes, item 3); the minutes name no Korean authority in particular.
		organisations: ['garok'],
		themes: ['climate-energy-water-cleanliness', 'waste-management'],
		title: {
			fr: 'Méthodes de compostage en Corée',
			ko: '한국의 퇴비화 방법',
			en: 'Composting methods in Korea'
		},
		summary: {
			fr: `En proposant les visites de terrain du 2e Forum franco-coréen (Corée du Sud, septembre 2024), la GAROK a retenu le thème « Climat, énergie, eau et propreté » en soulignant qu'en Corée les méthodes de compostage sont très développées. ${SOURCE_FR}`,
			ko: `GAROK는 제2회 한불 포럼(2024년 9월, 한국)의 현장 방문 주제로 「기후·에너지·물·청결」을 제안하면서 한국에서는 퇴비화 방법이 매우 발달해 있다고 소개했습니다. ${SOURCE_KO}`,
			en: `Proposing field visits for the second Franco-Korean Forum (South Korea, September 2024), GAROK put forward the theme “Climate, energy, water and cleanliness”, noting that composting methods are highly developed in Korea. ${SOURCE_EN}`
		}
	}
];

/** Adds the hosts of the forum's visits (not members of the group) and the group's practices. */
export async function insertDemoPractices(db: Executor, options: { groupId: string; idFor: (key: string) => string; now: string }): Promise<void> {
	const { groupId, idFor, now } = options;
	for (const { key, ...host } of HOSTS) {
		await directory.insertOrganisation(db, {
			...host,
			address: null,
			latitude: null,
			longitude: null,
			id: idFor(`organisation:${key}`),
			normalized_name: normalizeName(host.name_fr),
			created_at: now
		});
	}
	for (const [index, seed] of PRACTICES.entries()) {
		const practiceId = demoPracticeId(index + 1);
		await practices.insertPractice(db, {
			id: practiceId,
			group_id: groupId,
			country_code: seed.country,
			title_fr: seed.title.fr,
			title_ko: seed.title.ko,
			title_en: seed.title.en,
			summary_fr: seed.summary.fr,
			summary_ko: seed.summary.ko,
			summary_en: seed.summary.en,
			created_at: now,
			updated_at: now
		});
		await practices.replacePracticeOrganisations(db, practiceId, seed.organisations.map((key) => idFor(`organisation:${key}`)));
		await practices.replacePracticeThemes(db, practiceId, seed.themes);
	}
}

/**
 * For tests: the reference minutes of 27 February 2024 as a MinutesDocument (abridged texts), with
 * a Korean version of each text, a second-level list, a superscript ordinal and an action.
 */
import type { MinutesDocument, MinutesIntervention } from '../minutes-document';

function speaker(id: string, name: string, title: string | null, organisation: string, organisationKo: string, fr: string, ko: string): MinutesIntervention {
	return {
		id: `intervention-${id}-${fr.length}`,
		speakerPersonId: `person-${id}`,
		speakerName: name,
		speakerTitle: { fr: title, ko: title },
		speakerTitleOverridden: false,
		organisation: { fr: organisation, ko: organisationKo },
		speakerOrganisationOverridden: false,
		text: { fr, ko }
	};
}

const MILLAN_TITLE = "Présidente du groupe-pays Corée, Conseillère municipale déléguée au Tourisme, aux relations internationales et à la communication, Ville d'Issy-les-Moulineaux";

export function referenceMinutes(): MinutesDocument {
	return {
		meetingId: '00000000-0000-4000-a000-000000000001',
		groupId: 'group-coree',
		groupSlug: 'coree',
		groupName: { fr: 'Groupe-pays Corée', ko: '한국 국가별 그룹' },
		title: { fr: 'Réunion du groupe-pays Corée', ko: '한국 국가별 그룹 회의' },
		startsAt: '2024-02-27T08:00:00.000Z',
		endsAt: '2024-02-27T09:00:00.000Z',
		timezone: 'Europe/Paris',
		day: '2024-02-27',
		format: 'video',
		videoLink: null,
		place: null,
		status: 'published',
		publishedAt: '2024-02-28T10:00:00.000Z',
		originalLanguage: 'fr',
		agenda: [
			{
				id: 'item-1',
				number: 1,
				title: { fr: 'Introduction', ko: '개회' },
				presenter: null,
				interventions: [
					speaker('millan', 'Caroline Millan', MILLAN_TITLE, 'Issy-les-Moulineaux', '이시레물리노', 'Le groupe-pays Corée rassemble les collectivités françaises engagées par un partenariat avec la Corée.', '한국 국가별 그룹은 한국과 협력하는 프랑스 지방정부들이 모인 그룹입니다.')
				],
				decisions: [],
				actions: []
			},
			{
				id: 'item-2',
				number: 2,
				title: { fr: 'Rappel sur le premier forum franco-coréen', ko: '제1회 한불 포럼 회고' },
				presenter: null,
				interventions: [
					speaker('rouquette', 'Virginie Rouquette', 'Directrice générale, Cités Unies France', 'Cités Unies France', '프랑스 지방정부 연합 (CUF)', 'Le premier Forum franco-coréen s’est tenu du 2 au 8 juin 2023, en France.', '제1회 한불 포럼은 2023년 6월 2일부터 8일까지 프랑스에서 열렸습니다.'),
					speaker('millan', 'Caroline Millan', MILLAN_TITLE, 'Issy-les-Moulineaux', '이시레물리노', 'La visite de la délégation coréenne dans les écoquartiers était particulièrement intéressante.', '한국 대표단의 생태지구 방문은 특히 흥미로웠습니다.'),
					speaker('hong', 'Hong Joon Ho', 'Directeur général, GAROK France', 'GAROK France (Centre coréen des collectivités locales)', '대한민국시도지사협의회 파리사무소 (GAROK)', 'L’objectif du 1^{er} forum était de combiner réunions et visites.', '제1회 포럼의 목표는 회의와 현장 방문을 결합하는 것이었습니다.')
				],
				decisions: [],
				actions: []
			},
			{
				id: 'item-3',
				number: 3,
				title: { fr: 'Proposition pour la 2^{ème} édition du Forum franco-coréen en Corée du sud', ko: '한국에서 열릴 제2회 한불 포럼 제안' },
				presenter: null,
				interventions: [
					speaker(
						'kim',
						'Kim Hyoung Jin',
						'Chargé de mission et responsable, GAROK France',
						'GAROK France (Centre coréen des collectivités locales)',
						'대한민국시도지사협의회 파리사무소 (GAROK)',
						'Deux choix de dates proposées :\n- ⇒ Du mardi 24 au jeudi 26 septembre 2024\n- ⇒ Du dimanche 29 septembre au mardi 1^{er} octobre 2024\nProgramme proposé :\n- ⇒ Visites de terrain selon les choix des thèmes :\n - Intelligence artificielle et villes coréennes',
						'두 가지 일정을 제안합니다:\n- ⇒ 2024년 9월 24일(화)~26일(목)\n- ⇒ 2024년 9월 29일(일)~10월 1일(화)\n제안 프로그램:\n- ⇒ 주제별 현장 방문:\n - 인공지능과 한국 도시'
					)
				],
				decisions: [
					{ id: 'decision-1', text: { fr: "L'ensemble des thèmes proposés par la GAROK a eu l'approbation des participants.", ko: 'GAROK이 제안한 모든 주제가 참석자들의 승인을 받았습니다.' } },
					{ id: 'decision-2', text: { fr: 'Les collectivités territoriales présentes ont toutes exprimé leur intérêt pour la participation au second Forum franco-coréen.', ko: '참석한 모든 지방정부가 제2회 한불 포럼 참가에 관심을 표명했습니다.' } }
				],
				actions: [
					{
						id: 'action-1',
						agendaItemId: 'item-3',
						description: { fr: 'Confirmer sa participation au forum auprès de CUF', ko: 'CUF에 포럼 참가 여부 확인' },
						owner: { kind: 'organisation', name: { fr: 'Cités Unies France', ko: '프랑스 지방정부 연합 (CUF)' } },
						dueOn: '2024-03-15',
						status: 'open'
					}
				]
			}
		],
		actions: [],
		participants: [
			{ personId: 'person-rouquette', organisation: { fr: 'Cités Unies France', ko: '프랑스 지방정부 연합 (CUF)' }, givenName: 'Virginie', familyName: 'ROUQUETTE', nameOrder: 'given-first', listed: true },
			{ personId: 'person-hong', organisation: { fr: 'GAROK France', ko: 'GAROK 파리사무소' }, givenName: 'Joon Ho', familyName: 'HONG', nameOrder: 'family-first', listed: true },
			{ personId: 'person-millan', organisation: { fr: 'Issy-les-Moulineaux', ko: '이시레물리노' }, givenName: 'Caroline', familyName: 'MILLAN', nameOrder: 'given-first', listed: true }
		],
		excused: [],
		unlistedCount: 0,
		unrecognised: []
	};
}

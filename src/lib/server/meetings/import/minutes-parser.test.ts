import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REFERENCE_MINUTES } from './reference-minutes.fixture';
import { localTimeToUtc, minutesLanguage, minutesTextFields, minutesToJson, normalizeMinutesText, parseMinutes, readActionLine, readSectionHeading, type ParsedMinutes } from './minutes-parser';


/** Letters and digits of a text, sorted: what must come out of the parser exactly as it came in. */
function alphanumerics(texts: string[]): string {
	return [...texts.join(' ').matchAll(/[\p{L}\p{N}]/gu)].map((match) => match[0]).sort().join('');
}

function expectNothingDropped(input: string, parsed: ParsedMinutes) {
	expect(alphanumerics(minutesTextFields(parsed))).toBe(alphanumerics([input]));
	// And each word of each line is found in some field (a line's parts may go to different fields: "Excusés :" and its names).
	const whole = minutesTextFields(parsed).join('').replace(/[^\p{L}\p{N}]/gu, '');
	for (const word of input.match(/[\p{L}\p{N}]+/gu) ?? []) expect(whole).toContain(word);
}

describe('the reference minutes', () => {
	const parsed = parseMinutes(REFERENCE_MINUTES);

	it('reads the title, the date, the times in French time and the format', () => {
		expect(parsed).toMatchObject({
			title: 'Réunion du groupe-pays Corée',
			date: '2024-02-27',
			startTime: '09:00',
			endTime: '10:00',
			timezone: 'Europe/Paris',
			timezoneAssumed: false,
			format: 'video',
			formatAssumed: false
		});
		expect(minutesToJson(parsed)).toMatchObject({ startsAt: '2024-02-27T08:00:00.000Z', endsAt: '2024-02-27T09:00:00.000Z' });
	});

	it('gives exactly its structure: three items, their speakers, the two ➔ decisions, 15 participants', () => {
		expect(parsed.agenda.map((item) => item.title)).toEqual([
			'Introduction',
			'Rappel sur le premier forum franco-coréen',
			'Proposition pour la 2^{ème} édition du Forum franco-coréen en Corée du sud (thèmes réunions, visites de terrain et dates)'
		]);
		expect(parsed.agenda.map((item) => item.interventions.map((intervention) => intervention.speaker))).toEqual([
			['Caroline Millan'],
			['Virginie Rouquette', 'Caroline Millan', 'Christina Dabrowski', 'Hong Joon Ho'],
			['Kim Hyoung Jin', null]
		]);
		const [introduction, reminder, proposal] = parsed.agenda;
		expect(introduction.interventions[0].speakerTitle).toBe(
			"Présidente du groupe-pays Corée, Conseillère municipale déléguée au Tourisme, aux relations internationales et à la communication, Ville d'Issy-les-Moulineaux"
		);
		expect(introduction.interventions[0].text).toMatch(/^Le groupe-pays Corée rassemble .* œuvre avec CUF pour atteindre cet objectif\.$/);
		expect(reminder.interventions.map((intervention) => intervention.speakerTitle)).toEqual([
			'Directrice générale, Cités Unies France',
			null,
			'Assistante de partenariats, Direction des Relations internationales, Région Auvergne-Rhône-Alpes',
			'Directeur général, GAROK France'
		]);
		expect(reminder.interventions[2].text).toContain('Centre numérique -> ouvert à tous');
		expect(introduction.decisions).toEqual([]);
		expect(reminder.decisions).toEqual([]);
		const kim = proposal.interventions[0];
		expect(kim.speakerTitle).toBe('Chargé de mission et responsable, GAROK France');
		expect(kim.text.split('\n')).toEqual([
			'Deux choix de dates proposées :',
			'',
			'- ⇒ Du mardi 24 au jeudi 26 septembre 2024',
			'- ⇒ Du dimanche 29 septembre au mardi 1^{er} octobre 2024',
			'',
			'Le premier choix est priorisé au vu du contexte -> après la fête de Chuseok (la fête de la récolte en Corée).',
			'',
			'Programme proposé :',
			'',
			'- ⇒ Accueil par le secrétaire général de Garok Seoul',
			"- ⇒ Rencontre avec l'ambassade de France en Corée",
			'- ⇒ Séminaire franco-coréen des initiatives locales « diplomatie locale et attractivité territoriale »',
			'- ⇒ Visite de Seocho (ville de présidence du groupe-pays coréen des collectivités territoriales FranceWa)',
			'- ⇒ Visites de terrain selon les choix des thèmes :',
			' - Intelligence artificielle et villes coréennes (Seoul..)',
			' - Développement économique et attractivité territoriales',
			' - Culture, tourisme, gastronomie',
			' - Climat, énergie, eau et propreté -> En Corée les méthodes de compostage sont très développées'
		]);
		expect(proposal.decisions).toHaveLength(2);
		expect(proposal.decisions[0]).toMatch(/^L'ensemble des thèmes proposés par la GAROK a eu l'approbation des participants\. .*particulièrement appréciés\.$/);
		expect(proposal.decisions[1]).toBe('Les collectivités territoriales présentes ont toutes exprimé leur intérêt pour la participation au second Forum franco-coréen septembre prochain en Corée du Sud.');
		expect(proposal.interventions[1].text).toMatch(/^CUF invite les collectivités françaises .* attentes des participants\.$/);
		expect(parsed.participants).toHaveLength(15);
		expect(parsed.participants[0]).toEqual({ organisation: 'CITES UNIES FRANCE', givenName: 'Virginie', familyName: 'ROUQUETTE' });
		expect(parsed.participants[7]).toEqual({ organisation: "CONSEIL REGIONAL D'AUVERGNE-RHONE-ALPES", givenName: 'Christina', familyName: 'DABROWSKI' });
		expect(parsed.participants[14]).toEqual({ organisation: 'ISSY LES MOULINEAUX', givenName: 'Samira', familyName: 'SEDDIKI' });
		expect(parsed.excused).toEqual([]);
		expect(parsed.unrecognised).toEqual([]);
		expect(parsed.headings).toEqual(['Compte-rendu', 'Liste des participants', 'Organisme\tPrénom\tNom']);
	});

	it('drops no text', () => expectNothingDropped(REFERENCE_MINUTES, parsed));
});

/** The structure tests compare: what must not change between writings of the same minutes. */
function structureOf(parsed: ParsedMinutes) {
	return {
		date: parsed.date,
		times: [parsed.startTime, parsed.endTime, parsed.timezone],
		agenda: parsed.agenda.map((item) => ({ title: item.title, speakers: item.interventions.map((intervention) => intervention.speaker), decisions: item.decisions.length })),
		participants: parsed.participants.length
	};
}

describe('variations of the same minutes', () => {
	const reference = structureOf(parseMinutes(REFERENCE_MINUTES));

	it('without bold', () => {
		const text = REFERENCE_MINUTES.replaceAll('**', '');
		const parsed = parseMinutes(text);
		expect(structureOf(parsed)).toEqual(reference);
		expect(parsed.agenda[2].interventions[0].speakerTitle).toBe('Chargé de mission et responsable, GAROK France');
		expectNothingDropped(text, parsed);
	});

	it.each([
		['I.', (n: number) => `${['I', 'II', 'III'][n - 1]}.`],
		['1)', (n: number) => `${n})`],
		['Point 1 –', (n: number) => `Point ${n} –`]
	])('with sections numbered %s', (_, numbering) => {
		const text = REFERENCE_MINUTES.replace(/^([123])\. /gm, (_match, number) => `${numbering(Number(number))} `);
		const parsed = parseMinutes(text);
		expect(structureOf(parsed)).toEqual(reference);
		expect(parsed.agenda.map((item) => item.numbering)).toEqual([1, 2, 3].map(numbering));
		expectNothingDropped(text, parsed);
	});

	it('with Windows line endings and extra blank lines', () => {
		const text = REFERENCE_MINUTES.replace(/\n/g, '\r\n\r\n\r\n');
		const parsed = parseMinutes(text);
		expect(structureOf(parsed)).toEqual(reference);
		expect(parsed.agenda[2].interventions[0].text).not.toContain('\r');
		expectNothingDropped(text, parsed);
		expect(normalizeMinutesText(text)).not.toBe(normalizeMinutesText(REFERENCE_MINUTES.replace(/\n/g, '\r\n')) + 'x');
		expect(normalizeMinutesText(REFERENCE_MINUTES.replace(/\n/g, '\r\n'))).toBe(normalizeMinutesText(REFERENCE_MINUTES));
	});

	it('a speaker without title, Korean names in Hangul, an excused line, other decision markers, a time in Seoul', () => {
		const text = [
			'Réunion du groupe-pays Corée',
			'',
			'27/02/2024, 17:00-18:00, heure de Séoul, en présentiel',
			'',
			'I. Ouverture',
			'- **김형진 :** 회의를 시작하겠습니다.',
			'- 홍준호, 파리사무소장 : 감사합니다.',
			'- Caroline Millan : Bienvenue à tous.',
			'➔ Le compte-rendu précédent est approuvé.',
			'-> Prochaine réunion en avril.',
			'⇒ Un groupe de travail est créé.',
			'II. Divers',
			'Texte sans orateur.',
			'',
			'Excusés : Jiae YANG (GAROK), Bertrand FORT (Dijon); 양지애',
			'',
			'Liste des participants',
			'Organisme\tPrénom\tNom',
			'GAROK\t형진\t김',
			'ISSY LES MOULINEAUX\tCaroline\tMILLAN'
		].join('\n');
		const parsed = parseMinutes(text);
		expect(parsed).toMatchObject({ date: '2024-02-27', startTime: '17:00', endTime: '18:00', timezone: 'Asia/Seoul', timezoneAssumed: false, format: 'in_person' });
		expect(minutesToJson(parsed).startsAt).toBe('2024-02-27T08:00:00.000Z');
		expect(parsed.agenda[0].interventions).toEqual([
			{ speaker: '김형진', speakerTitle: null, text: '회의를 시작하겠습니다.' },
			{ speaker: '홍준호', speakerTitle: '파리사무소장', text: '감사합니다.' },
			{ speaker: 'Caroline Millan', speakerTitle: null, text: 'Bienvenue à tous.' }
		]);
		expect(parsed.agenda[0].decisions).toEqual(['Le compte-rendu précédent est approuvé.', 'Prochaine réunion en avril.', 'Un groupe de travail est créé.']);
		expect(parsed.agenda[1].interventions).toEqual([{ speaker: null, speakerTitle: null, text: 'Texte sans orateur.' }]);
		expect(parsed.excused).toEqual([
			{ organisation: 'GAROK', givenName: 'Jiae', familyName: 'YANG' },
			{ organisation: 'Dijon', givenName: 'Bertrand', familyName: 'FORT' },
			{ organisation: '', givenName: '지애', familyName: '양' }
		]);
		expect(parsed.participants).toEqual([
			{ organisation: 'GAROK', givenName: '형진', familyName: '김' },
			{ organisation: 'ISSY LES MOULINEAUX', givenName: 'Caroline', familyName: 'MILLAN' }
		]);
		expect(parsed.unrecognised).toEqual([]);
		expectNothingDropped(text, parsed);
	});

	it('reads what Dari’s own Word export writes: the marker inside the bold, text said by nobody as "- : text"', () => {
		const parsed = parseMinutes('T\n1. Point\n- **Kim Hyoung Jin :**\nTexte\n-  : CUF invite les collectivités.\n- **➔ Décision prise.**');
		expect(parsed.agenda[0].interventions).toEqual([
			{ speaker: 'Kim Hyoung Jin', speakerTitle: null, text: 'Texte' },
			{ speaker: null, speakerTitle: null, text: 'CUF invite les collectivités.' }
		]);
		expect(parsed.agenda[0].decisions).toEqual(['Décision prise.']);
	});

	it('assumes the group’s zone when none is written, and says so; keeps a document without a date', () => {
		const noZone = parseMinutes('Réunion\nMardi 27 février 2024, de 9h00 à 10h00\n1. Point\nTexte', { defaultTimezone: 'Europe/Paris' });
		expect(noZone).toMatchObject({ timezone: 'Europe/Paris', timezoneAssumed: true, formatAssumed: true, startTime: '09:00' });
		const noDate = parseMinutes('Réunion\nUne note de bas de page\n1. Point\nTexte');
		expect(noDate).toMatchObject({ date: null, startTime: null, unrecognised: ['Une note de bas de page'] });
		expect(minutesToJson(noDate)).toMatchObject({ startsAt: null, endsAt: null });
	});

	it('keeps what it does not recognise, in order', () => {
		const parsed = parseMinutes('Réunion\nMardi 27 février 2024 à 9h\nNote avant l’ordre du jour\n1. Point\nTexte\nListe des participants\nune ligne libre\nA\tB');
		expect(parsed.unrecognised).toEqual(['Note avant l’ordre du jour', 'une ligne libre', 'A\tB']);
	});

	it('reads headings only in sequence', () => {
		expect(readSectionHeading('Point 2 – Rappel')).toEqual({ number: 2, numbering: 'Point 2 –', title: 'Rappel' });
		expect(readSectionHeading('**IV. Divers**')).toEqual({ number: 4, numbering: 'IV.', title: 'Divers' });
		expect(readSectionHeading('9h00 à 10h00')).toBeNull();
		const parsed = parseMinutes('T\n1. A\n- Caroline Millan : liste\n1. premier\n2. B');
		expect(parsed.agenda.map((item) => item.title)).toEqual(['A', 'B']);
		expect(parsed.agenda[0].interventions[0].text).toBe('liste\n1. premier');
	});

	it('converts wall-clock times to UTC across daylight saving', () => {
		expect(localTimeToUtc('2024-03-31', '09:00', 'Europe/Paris')).toBe('2024-03-31T07:00:00.000Z');
		expect(localTimeToUtc('2024-03-30', '09:00', 'Europe/Paris')).toBe('2024-03-30T08:00:00.000Z');
		expect(localTimeToUtc('2024-03-30', '17:00', 'Asia/Seoul')).toBe('2024-03-30T08:00:00.000Z');
	});
});

describe('no text is ever dropped (property)', () => {
	const fragments = fc.oneof(
		fc.string({ maxLength: 60 }),
		fc.string({ unit: 'grapheme', maxLength: 60 }),
		fc.constantFrom(
			'1. Introduction',
			'2. Suite',
			'II. Divers',
			'Point 3 – Fin',
			'- **Caroline Millan, Présidente** : Bonjour.',
			'- Virginie Rouquette : texte',
			'**Kim Hyoung Jin :**',
			'- ➞ **Décision.**',
			'➔ Décision',
			'- ⇒ élément',
			'-> flèche',
			'Liste des participants',
			'Organisme\tPrénom\tNom',
			'GAROK\tJiae\tYANG',
			'A\tB\tC\tD',
			'Excusés : Jiae YANG (GAROK), x',
			'Excusés :',
			'Compte-rendu',
			'Mardi 27 février 2024, de 9h00 à 10h00, heure française',
			'2024년 2월 27일',
			'   ',
			'',
			'김형진 : 안녕하세요',
			'**',
			'- ',
			'(x)'
		),
		fc.constantFrom(...REFERENCE_MINUTES.split('\n'))
	);
	it('every letter and digit of the input comes out once, whatever the lines and line endings', () => {
		fc.assert(
			fc.property(fc.array(fragments, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, ending) => {
				const text = lines.join(ending);
				const parsed = parseMinutes(text);
				expect(alphanumerics(minutesTextFields(parsed))).toBe(alphanumerics([text]));
			}),
			{ numRuns: 400 }
		);
	});
});

describe('an export read back', () => {
	const korean = [
		'회의',
		'2024년 3월 14일 목요일, 서울 시간 17:00부터 18:00까지 (프랑스 시간 09:00부터 10:00까지), 화상 회의',
		'회의록 초안 (미공개)',
		'회의록',
		'1. 인사말',
		'- **김형진** : 환영합니다.',
		'- 프로그램 발송 (김형진, 기한 2024년 3월 15일, 진행 예정)',
		'후속 조치',
		'- GAROK에 다시 연락 (완료)',
		'원문 그대로 옮긴 텍스트 (구조화되지 않음)',
		'메모 한 줄',
		'- 목록처럼 보이는 메모 (완료)',
		'참석자 명단',
		'기관\t이름\t성',
		'GAROK\t형진\t김'
	].join('\n');

	it('reads the Korean headings, actions and text kept as written, and the language', () => {
		const parsed = parseMinutes(korean);
		expect(parsed.headings).toEqual(expect.arrayContaining(['회의록 초안 (미공개)', '회의록', '후속 조치', '원문 그대로 옮긴 텍스트 (구조화되지 않음)', '참석자 명단', '기관\t이름\t성']));
		expect(parsed.agenda[0].interventions).toHaveLength(1);
		expect(parsed.agenda[0].actions).toEqual([{ descriptionFr: '', descriptionKo: '프로그램 발송', owner: '김형진', dueOn: '2024-03-15', status: 'open', details: ['김형진, 기한 2024년 3월 15일, 진행 예정'] }]);
		expect(parsed.actions).toMatchObject([{ descriptionKo: 'GAROK에 다시 연락', owner: null, dueOn: null, status: 'done' }]);
		// Under the "kept as written" heading everything stays text, even what looks like an action.
		expect(parsed.unrecognised).toEqual(['메모 한 줄', '- 목록처럼 보이는 메모 (완료)']);
		expect(parsed.participants).toEqual([{ organisation: 'GAROK', givenName: '형진', familyName: '김' }]);
		expect(minutesLanguage(parsed)).toBe('ko');
		expect(minutesToJson(parsed).agenda[0].actions).toEqual([{ description: { fr: '', ko: '프로그램 발송' }, owner: '김형진', dueOn: '2024-03-15', status: 'open' }]);
		expect(minutesToJson(parsed).actions).toHaveLength(1);
	});

	it('takes as an action only a line written as the exports write one', () => {
		expect(readActionLine('- Envoyer le programme (GAROK France (Centre coréen), avant le 15 mars 2024, à faire)')).toMatchObject({ description: 'Envoyer le programme', owner: 'GAROK France (Centre coréen)', dueOn: '2024-03-15', status: 'open', language: 'fr' });
		expect(readActionLine('- Relancer (annulé)')).toMatchObject({ description: 'Relancer', owner: null, dueOn: null, status: 'cancelled' });
		expect(readActionLine('- Une liste (voir plus haut)')).toBeNull();
		expect(readActionLine('- Relancer (avant le jamais, à faire)')).toBeNull();
		expect(readActionLine('Relancer (fait)')).toBeNull();
		expect(readActionLine('- (fait)')).toBeNull();
		// A Korean export of two French-only actions: two actions, not one in two languages.
		const twice = parseMinutes('회의\n1. 안건\n- Envoyer A (진행 예정)\n- Envoyer B (진행 예정)');
		expect(twice.agenda[0].actions.map((action) => [action.descriptionFr, action.descriptionKo])).toEqual([['Envoyer A', ''], ['Envoyer B', '']]);
	});
});

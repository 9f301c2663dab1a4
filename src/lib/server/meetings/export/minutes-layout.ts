/**
 * The minutes laid out like the reference document (issue 4 §7), once for every export: title,
 * date line, "Compte-rendu", numbered sections, each intervention as a bullet with the speaker in
 * bold and their title then " : " and the text, decisions with ➔, actions, the participants table
 * (Organisme / Prénom / Nom). Word, PDF, Markdown and the print view each render these blocks.
 *
 * In French, Korean or both: with both, every paragraph comes in French then in Korean. A text
 * not written in the language asked for falls back to the other one, so nothing is left out.
 * Pure: a MinutesDocument in, blocks out.
 */
import { m } from '../../../paraglide/messages.js';
import type { MinutesAction, MinutesDocument, MinutesIntervention, MinutesLanguage, MinutesParticipant } from '../minutes-document';

export type ExportLanguage = MinutesLanguage | 'both';
export const EXPORT_LANGUAGES = ['fr', 'ko', 'both'] as const satisfies readonly ExportLanguage[];

/** A piece of text; `superscript` for the reference's "1^{er}", "2^{ème}". */
export interface Run {
	text: string;
	bold?: boolean;
	superscript?: boolean;
}

export type Block =
	| { kind: 'title'; lang: MinutesLanguage; text: string }
	| { kind: 'date-line'; lang: MinutesLanguage; text: string }
	| { kind: 'notice'; lang: MinutesLanguage; text: string }
	| { kind: 'heading'; lang: MinutesLanguage; text: string }
	| { kind: 'section'; lang: MinutesLanguage; number: number; text: string }
	/** A bullet at `level` 0 or 1; interventions are bullets whose first runs are the bold speaker. */
	| { kind: 'bullet'; lang: MinutesLanguage; level: 0 | 1; runs: Run[] }
	/** A ➔ conclusion, in bold. */
	| { kind: 'decision'; lang: MinutesLanguage; text: string }
	| { kind: 'paragraph'; lang: MinutesLanguage; runs: Run[] }
	| { kind: 'table'; lang: MinutesLanguage; header: [string, string, string]; rows: [string, string, string][] };

export interface MinutesLayout {
	/** For the file's metadata and the page title. */
	title: string;
	languages: MinutesLanguage[];
	blocks: Block[];
}

/** The languages an export shows, in order. */
export function languagesOf(language: ExportLanguage): MinutesLanguage[] {
	return language === 'both' ? ['fr', 'ko'] : [language];
}

/** The text in `lang`, or in the other language when it was not written in `lang`. */
function pick(text: { fr: string; ko: string }, lang: MinutesLanguage, fallback = true): string {
	const own = text[lang].trim();
	if (own || !fallback) return own;
	return text[lang === 'fr' ? 'ko' : 'fr'].trim();
}

/** "1^{er}" → runs with "er" in superscript (how the reference writes ordinals). */
export function parseRuns(text: string, bold = false): Run[] {
	const runs: Run[] = [];
	const pattern = /\^\{([^}]*)\}/g;
	let last = 0;
	for (const match of text.matchAll(pattern)) {
		if (match.index > last) runs.push({ text: text.slice(last, match.index), bold });
		runs.push({ text: match[1], bold, superscript: true });
		last = match.index + match[0].length;
	}
	if (last < text.length || runs.length === 0) runs.push({ text: text.slice(last), bold });
	return runs.filter((run) => run.text !== '' || runs.length === 1);
}

/** Plain text of runs, superscripts written back as "^{…}" (Markdown keeps the reference's notation). */
export function runsToText(runs: Run[]): string {
	return runs.map((run) => (run.superscript ? `^{${run.text}}` : run.text)).join('');
}

function zonePhrase(timeZone: string, lang: MinutesLanguage): string {
	if (timeZone === 'Europe/Paris') return m.export_zone_paris({}, { locale: lang });
	if (timeZone === 'Asia/Seoul') return m.export_zone_seoul({}, { locale: lang });
	return m.export_zone_other({ zone: timeZone.replace(/_/g, ' ') }, { locale: lang });
}

/** "9h00" in French (as in the reference), "17:00" in Korean. */
function clock(iso: string, timeZone: string, lang: MinutesLanguage): string {
	const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
	const hour = parts.find((part) => part.type === 'hour')!.value;
	const minute = parts.find((part) => part.type === 'minute')!.value;
	return lang === 'fr' ? `${Number(hour)}h${minute}` : `${hour}:${minute}`;
}

function timeRange(document: MinutesDocument, timeZone: string, lang: MinutesLanguage): string {
	const start = clock(document.startsAt!, timeZone, lang);
	if (!document.endsAt) return m.export_time_from({ start }, { locale: lang });
	return m.export_time_range({ start, end: clock(document.endsAt, timeZone, lang) }, { locale: lang });
}

function formatPhrase(document: MinutesDocument, lang: MinutesLanguage): string {
	const phrases = [
		document.format === 'video'
			? m.export_format_video({}, { locale: lang })
			: document.format === 'in_person'
				? m.export_format_in_person({}, { locale: lang })
				: m.export_format_hybrid({}, { locale: lang })
	];
	if (document.place && document.format !== 'video') phrases.push(m.export_place({ place: document.place }, { locale: lang }));
	return phrases.join(', ');
}

/**
 * The date line. French as in the reference: "Mardi 27 février 2024, de 9h00 à 10h00, heure
 * française, en visioconférence"; Korean gives Seoul's clock too: "2024년 2월 27일 화요일, 프랑스
 * 시간 09:00부터 10:00까지 (서울 시간 17:00부터 18:00까지), 화상 회의". The day is the meeting's day in its zone.
 */
export function formatDateLine(document: MinutesDocument, lang: MinutesLanguage): string {
	if (!document.startsAt) return `${m.export_date_unknown({}, { locale: lang })}, ${formatPhrase(document, lang)}`;
	const zone = document.timezone;
	const date = new Intl.DateTimeFormat(lang, { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(document.startsAt));
	if (lang === 'fr') {
		const day = date.charAt(0).toUpperCase() + date.slice(1);
		return `${day}, ${timeRange(document, zone, 'fr')}, ${zonePhrase(zone, 'fr')}, ${formatPhrase(document, 'fr')}`;
	}
	const other = zone === 'Asia/Seoul' ? 'Europe/Paris' : 'Asia/Seoul';
	return `${date}, ${zonePhrase(zone, 'ko')} ${timeRange(document, zone, 'ko')} (${zonePhrase(other, 'ko')} ${timeRange(document, other, 'ko')}), ${formatPhrase(document, 'ko')}`;
}

function normalise(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/**
 * "Caroline Millan, Présidente du groupe-pays Corée, …, Ville d'Issy-les-Moulineaux": the name,
 * the title held that day, and the organisation unless the title already names it (the directory's
 * titles often do, as the reference's do). Like the reference, a speaker's title is given at their
 * first intervention only ("Caroline Millan" the second time), unless the writer overrode it.
 */
function speakerLabel(intervention: MinutesIntervention, lang: MinutesLanguage, alreadyIntroduced: boolean): string {
	const parts = [intervention.speakerName];
	if (alreadyIntroduced && !intervention.speakerTitleOverridden) return parts[0];
	const title = intervention.speakerTitle[lang] ?? intervention.speakerTitle[lang === 'fr' ? 'ko' : 'fr'];
	if (title) parts.push(title);
	const organisation = intervention.organisation;
	if (organisation && intervention.speakerOrganisationOverridden) parts.push(organisation[lang]);
	else if (organisation && !intervention.speakerTitleOverridden) {
		// "GAROK France (Centre coréen…)" is named by "GAROK France" in a title, in either language.
		const named = (name: string) => {
			const short = normalise(name.replace(/\s*\(.*\)\s*$/, ''));
			return short !== '' && normalise(title ?? '').includes(short);
		};
		if (!title || !(named(organisation.fr) || named(organisation.ko))) parts.push(organisation[lang]);
	}
	return parts.filter(Boolean).join(', ');
}

/** Lines of a text: "- x" a bullet, " - x" (indented) a bullet of the second level, others paragraphs. */
function textLines(text: string): { level: 0 | 1 | null; text: string }[] {
	return text
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line) => {
			const bullet = /^(\s*)[-•*]\s+(.*)$/.exec(line);
			if (!bullet) return { level: null, text: line.trim() };
			return { level: bullet[1].length > 0 ? 1 : 0, text: bullet[2].trim() };
		});
}

function interventionBlocks(intervention: MinutesIntervention, lang: MinutesLanguage, introduced: Set<string>): Block[] {
	const key = intervention.speakerPersonId ?? `name:${intervention.speakerName}`;
	const label = speakerLabel(intervention, lang, introduced.has(key));
	introduced.add(key);
	const lines = textLines(pick(intervention.text, lang));
	const blocks: Block[] = [];
	const first = lines[0];
	// One paragraph follows the speaker on their line; a longer text (the reference's "Kim Hyoung
	// Jin, …, GAROK France :" with dates and a programme) starts on the next paragraph.
	if (first && first.level === null && lines.length === 1) {
		blocks.push({ kind: 'bullet', lang, level: 0, runs: [{ text: label, bold: true }, { text: ' : ' }, ...parseRuns(first.text)] });
		lines.shift();
	} else {
		// Like the reference's "Kim Hyoung Jin, …, GAROK France :" followed by its own paragraphs.
		blocks.push({ kind: 'bullet', lang, level: 0, runs: [{ text: `${label} :`, bold: true }] });
	}
	for (const line of lines) {
		if (line.level === null) blocks.push({ kind: 'paragraph', lang, runs: parseRuns(line.text) });
		else blocks.push({ kind: 'bullet', lang, level: line.level, runs: parseRuns(line.text) });
	}
	return blocks;
}

function actionText(action: MinutesAction, lang: MinutesLanguage): string {
	const details: string[] = [];
	if (action.owner) details.push(action.owner.name[lang]);
	if (action.dueOn) details.push(m.export_action_due({ date: formatDay(action.dueOn, lang) }, { locale: lang }));
	details.push(
		action.status === 'done'
			? m.export_action_status_done({}, { locale: lang })
			: action.status === 'cancelled'
				? m.export_action_status_cancelled({}, { locale: lang })
				: m.export_action_status_open({}, { locale: lang })
	);
	return `${pick(action.description, lang)} (${details.join(', ')})`;
}

/** A calendar day (YYYY-MM-DD, no zone: a local date) written out: "15 mars 2024", "2024년 3월 15일". */
function formatDay(day: string, lang: MinutesLanguage): string {
	const [year, month, date] = day.split('-').map(Number);
	return new Intl.DateTimeFormat(lang, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(year, month - 1, date)));
}

function participantRows(people: MinutesParticipant[], lang: MinutesLanguage): [string, string, string][] {
	return people.map((person) => [person.organisation?.[lang] ?? '', person.givenName, person.familyName]);
}

/** Lays the minutes out in the language(s) asked for. */
export function layOutMinutes(document: MinutesDocument, language: ExportLanguage): MinutesLayout {
	const languages = languagesOf(language);
	const blocks: Block[] = [];
	const each = (make: (lang: MinutesLanguage) => Block[] | Block | null) => {
		for (const lang of languages) {
			const made = make(lang);
			if (made) blocks.push(...(Array.isArray(made) ? made : [made]));
		}
	};
	// In "both", a text written in one language only is shown once, not twice.
	const eachWritten = (text: { fr: string; ko: string }, make: (lang: MinutesLanguage, value: string) => Block[] | Block) =>
		each((lang) => {
			const own = pick(text, lang, languages.length === 1);
			return own ? make(lang, own) : null;
		});

	eachWritten(document.title, (lang, text) => ({ kind: 'title', lang, text }));
	each((lang) => ({ kind: 'date-line', lang, text: formatDateLine(document, lang) }));
	if (document.status === 'draft') each((lang) => ({ kind: 'notice', lang, text: m.export_draft_notice({}, { locale: lang }) }));
	each((lang) => ({ kind: 'heading', lang, text: m.export_minutes_heading({}, { locale: lang }) }));

	const introduced = new Map<MinutesLanguage, Set<string>>(languages.map((lang) => [lang, new Set<string>()]));
	for (const item of document.agenda) {
		eachWritten(item.title, (lang, text) => ({ kind: 'section', lang, number: item.number, text }));
		if (item.presenter) {
			const name = item.presenter.name;
			each((lang) => ({ kind: 'paragraph', lang, runs: [{ text: m.export_presenter({ name }, { locale: lang }) }] }));
		}
		for (const intervention of item.interventions) {
			if (!pick(intervention.text, 'fr') && !intervention.speakerName) continue;
			const perLanguage = languages.filter((lang) => languages.length === 1 || pick(intervention.text, lang, false) !== '');
			for (const lang of perLanguage.length ? perLanguage : languages.slice(0, 1)) {
				blocks.push(...interventionBlocks(intervention, lang, introduced.get(lang)!));
			}
		}
		for (const decision of item.decisions) eachWritten(decision.text, (lang, text) => ({ kind: 'decision', lang, text }));
		for (const action of item.actions) each((lang) => ({ kind: 'bullet', lang, level: 0, runs: parseRuns(actionText(action, lang)) }));
	}

	if (document.actions.length > 0) {
		each((lang) => ({ kind: 'heading', lang, text: m.export_actions_heading({}, { locale: lang }) }));
		for (const action of document.actions) each((lang) => ({ kind: 'bullet', lang, level: 0, runs: parseRuns(actionText(action, lang)) }));
	}

	if (document.unrecognised.length > 0) {
		each((lang) => ({ kind: 'heading', lang, text: m.export_unrecognised_heading({}, { locale: lang }) }));
		// Verbatim, in whatever language it was written: once, whatever the export's language.
		for (const text of document.unrecognised) blocks.push({ kind: 'paragraph', lang: languages[0], runs: [{ text }] });
	}

	const headerIn = (lang: MinutesLanguage): [string, string, string] => [
		m.export_column_organisation({}, { locale: lang }),
		m.export_column_given_name({}, { locale: lang }),
		m.export_column_family_name({}, { locale: lang })
	];
	// With both languages: "Organisme / 기관".
	const header = (lang: MinutesLanguage): [string, string, string] => {
		if (languages.length === 1) return headerIn(lang);
		const [fr, ko] = [headerIn('fr'), headerIn('ko')];
		return [0, 1, 2].map((index) => `${fr[index]} / ${ko[index]}`) as [string, string, string];
	};
	if (document.participants.length > 0 || document.unlistedCount > 0) {
		each((lang) => ({ kind: 'heading', lang, text: m.export_participants_heading({}, { locale: lang }) }));
		// One table; organisations named in the first language (with both: French).
		const lang = languages[0];
		blocks.push({ kind: 'table', lang, header: header(lang), rows: participantRows(document.participants, lang) });
		if (document.unlistedCount > 0) each((lang) => ({ kind: 'paragraph', lang, runs: [{ text: m.export_unlisted_note({ count: document.unlistedCount }, { locale: lang }) }] }));
	}
	if (document.excused.length > 0) {
		each((lang) => ({ kind: 'heading', lang, text: m.export_excused_heading({}, { locale: lang }) }));
		const lang = languages[0];
		blocks.push({ kind: 'table', lang, header: header(lang), rows: participantRows(document.excused, lang) });
	}

	const title = pick(document.title, languages[0]) || pick(document.title, 'fr');
	return { title, languages, blocks };
}

/** An ASCII file name: "compte-rendu-coree-2024-02-27-fr.docx" (no RFC 5987 encoding needed). */
export function exportFileName(document: MinutesDocument, language: ExportLanguage, extension: string): string {
	const base = language === 'ko' ? 'minutes' : 'compte-rendu';
	return `${base}-${document.groupSlug}-${document.day ?? document.meetingId.slice(0, 8)}-${language}.${extension}`.replace(/[^A-Za-z0-9._-]/g, '-');
}

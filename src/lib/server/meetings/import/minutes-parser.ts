/**
 * Reads minutes written like the reference document (issue 4 §8) into structure: title, date and
 * times with their zone, format, numbered agenda items, per item the interventions (speaker, title,
 * text) and the ➔ decisions, the participants table, an "excused" list. Pure: text in, data out.
 *
 * No text is ever dropped: every non-empty line of the input ends up in exactly one place — the
 * title, the date line, a structural heading ("Compte-rendu", "Liste des participants", the table's
 * header), a section title (with its numbering), an intervention, a decision, a participant row or
 * the unrecognised list. `minutesTextFields` lists every field that holds input text, so tests can
 * check that the letters and digits that came in all came out (minutes-parser.test.ts).
 */

export type ParsedFormat = 'video' | 'in_person' | 'hybrid';

export interface ParsedIntervention {
	/** The speaker as written ("Caroline Millan"), or null for text of the item said by nobody in particular. */
	speaker: string | null;
	/** What follows the name in the speaker's line ("Directrice générale, Cités Unies France"), or null. */
	speakerTitle: string | null;
	/** Verbatim, lines joined by \n (lists kept with their markers). */
	text: string;
}

export type ParsedActionStatus = 'open' | 'done' | 'cancelled';

/**
 * An action item as the exports write it: "- Envoyer le programme (Caroline Millan, avant le 15 mars
 * 2024, à faire)", "- 프로그램 발송 (…, 기한 2024년 3월 15일, 진행 예정)". With both languages the
 * Korean line right after the French one is the same action (descriptionKo).
 */
export interface ParsedAction {
	descriptionFr: string;
	descriptionKo: string;
	/** The owner as written (a person's or an organisation's name), or null. */
	owner: string | null;
	/** YYYY-MM-DD, or null. */
	dueOn: string | null;
	status: ParsedActionStatus;
	/** The parenthesised details as written (owner, due date, status), verbatim, one per line read. */
	details: string[];
}

export interface ParsedAgendaItem {
	/** The numbering as written: "1.", "I.", "1)", "Point 1 –". */
	numbering: string;
	title: string;
	interventions: ParsedIntervention[];
	decisions: string[];
	/** Actions listed under the item (after its decisions, as the exports write them). */
	actions: ParsedAction[];
}

export interface ParsedParticipant {
	organisation: string;
	givenName: string;
	familyName: string;
}

export interface ParsedMinutes {
	title: string;
	/** The line the date was read from, verbatim (may be the title itself: then null). */
	dateLine: string | null;
	/** Local calendar date YYYY-MM-DD, or null when no date was recognised. */
	date: string | null;
	/** Local times HH:MM in `timezone`, or null. */
	startTime: string | null;
	endTime: string | null;
	/** IANA zone the times are written in. */
	timezone: string;
	/** True when the text names no zone and the group's default was taken (the preview says so). */
	timezoneAssumed: boolean;
	format: ParsedFormat;
	/** True when the text names no format (then 'video', the group's usual). */
	formatAssumed: boolean;
	/** Lines recognised as structure only ("Compte-rendu", "Liste des participants", table header, "Excusés :"). */
	headings: string[];
	agenda: ParsedAgendaItem[];
	participants: ParsedParticipant[];
	excused: ParsedParticipant[];
	/** Actions of the meeting not attached to an item (an export's "Actions à suivre" / "후속 조치"). */
	actions: ParsedAction[];
	/** Lines (or parts of lines) not recognised, verbatim, in document order. */
	unrecognised: string[];
}

export interface ParseOptions {
	/** The group's default zone, taken when the text names none (Europe/Paris for the Korea group). */
	defaultTimezone?: string;
}

export const PARIS_ZONE = 'Europe/Paris';
export const SEOUL_ZONE = 'Asia/Seoul';

// ---------------------------------------------------------------------------------------------
// Lines

/** Windows (\r\n) and old Mac (\r) line endings read as \n; a byte-order mark is no text. */
export function splitLines(text: string): string[] {
	return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
}

/**
 * The text a document is identified by (source_hash): same line endings, no trailing spaces, no
 * runs of blank lines, NFC. A document saved again on another system hashes the same.
 */
export function normalizeMinutesText(text: string): string {
	return splitLines(text)
		.map((line) => line.replace(/\s+$/u, ''))
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.normalize('NFC')
		.trim();
}

const BULLET = /^\s*(?:[-–•·*▪◦]\s+|\d+[.)]\s+(?=\*\*))?/u;

/** "**x**" → "x" when the whole text is bold. */
function unbold(text: string): string {
	const match = /^\*\*([\s\S]*)\*\*$/u.exec(text.trim());
	return match && !match[1].includes('**') ? match[1].trim() : text.trim();
}

// ---------------------------------------------------------------------------------------------
// Date, times, zone, format

const MONTHS: Record<string, number> = {
	janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
	january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
	janv: 1, fevr: 2, avr: 4, juil: 7, sept: 9, oct: 10, nov: 11, dec: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9
};

function plain(text: string): string {
	// Accents off, then composed again: Hangul syllables stay syllables ("회의록", not its jamo).
	return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').toLowerCase();
}

function validDate(year: number, month: number, day: number): string | null {
	if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return null;
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCMonth() !== month - 1) return null;
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A calendar date in a line: "mardi 27 février 2024", "27/02/2024", "2024-02-27", "2024년 2월 27일", "February 27, 2024". */
export function findDate(line: string): string | null {
	const text = plain(line);
	let match = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
	if (match) return validDate(+match[1], +match[2], +match[3]);
	match = /(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/.exec(text);
	if (match) return validDate(+match[1], +match[2], +match[3]);
	match = /\b(\d{1,2})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{4})\b/.exec(text);
	if (match) return validDate(+match[3], +match[2], +match[1]);
	match = /\b(\d{1,2})(?:er|st|nd|rd|th)?\s+([a-z]+)\.?\s+(\d{4})\b/.exec(text);
	if (match && MONTHS[match[2]]) return validDate(+match[3], MONTHS[match[2]], +match[1]);
	match = /\b([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text);
	if (match && MONTHS[match[1]]) return validDate(+match[3], MONTHS[match[1]], +match[2]);
	return null;
}

function time(hours: string, minutes: string | undefined): string | null {
	const h = Number(hours);
	const m = minutes ? Number(minutes) : 0;
	if (h > 23 || m > 59) return null;
	return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

const TIME = String.raw`(\d{1,2})\s*(?:h|:|시)\s*(\d{2})?(?:\s*분)?`;

/** Start and end times: "de 9h00 à 10h00", "9:00-10:00", "9h – 10h30", "à 9h", "오전 9시". */
export function findTimes(line: string): { start: string | null; end: string | null } {
	const text = plain(line);
	const range = new RegExp(`${TIME}\\s*(?:a|à|-|–|—|to|till|until|jusqu'a|~|부터)\\s*${TIME}`, 'u').exec(text);
	if (range) return { start: time(range[1], range[2]), end: time(range[3], range[4]) };
	const single = new RegExp(`(?:^|[^\\d])${TIME}`, 'u').exec(text);
	if (single) return { start: time(single[1], single[2]), end: null };
	return { start: null, end: null };
}

/** The zone a line names: "heure française" → Paris, "heure de Séoul" / KST → Seoul. */
export function findTimezone(line: string): string | null {
	const text = plain(line);
	if (/heure (?:de )?(?:seoul|coree|coreenne)|\bkst\b|seoul time|korea(?:n)? (?:standard )?time|한국 ?시간|서울 ?시간/.test(text)) return SEOUL_ZONE;
	if (/heure (?:francaise|de paris|de france)|\bce(?:s)?t\b|paris time|french time|프랑스 ?시간|파리 ?시간/.test(text)) return PARIS_ZONE;
	const iana = /\b([A-Z][a-z]+\/[A-Z][A-Za-z_]+)\b/.exec(line);
	if (iana && isTimezone(iana[1])) return iana[1];
	return null;
}

export function isTimezone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

/** How the meeting was held, if the line says: visioconférence → video, présentiel → in person, hybride → hybrid. */
export function findFormat(line: string): ParsedFormat | null {
	const text = plain(line);
	if (/hybride|hybrid|하이브리드/.test(text)) return 'hybrid';
	if (/visio|en ligne|\bonline\b|video ?conference|videoconference|zoom|teams|화상/.test(text)) return 'video';
	if (/presentiel|en personne|in person|in-person|대면/.test(text)) return 'in_person';
	return null;
}

/** Offset of a zone at an instant, in minutes (Paris in winter: +60). */
function zoneOffsetMinutes(zone: string, at: Date): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: zone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(at);
	const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const asUtc = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second'));
	return Math.round((asUtc - at.getTime()) / 60_000);
}

/**
 * The UTC instant (ISO 8601) of a wall-clock time in a zone. Two passes settle the offset on
 * daylight-saving days; a time that does not exist (the spring gap) moves forward by the gap.
 */
export function localTimeToUtc(date: string, time: string, zone: string): string {
	const [year, month, day] = date.split('-').map(Number);
	const [hours, minutes] = time.split(':').map(Number);
	const wall = Date.UTC(year, month - 1, day, hours, minutes);
	let instant = wall - zoneOffsetMinutes(zone, new Date(wall)) * 60_000;
	instant = wall - zoneOffsetMinutes(zone, new Date(instant)) * 60_000;
	return new Date(instant).toISOString();
}

/** The UTC start and end of parsed minutes, or nulls when the date or time is missing. */
export function minutesInstants(minutes: Pick<ParsedMinutes, 'date' | 'startTime' | 'endTime' | 'timezone'>): { startsAt: string | null; endsAt: string | null } {
	if (!minutes.date || !minutes.startTime) return { startsAt: null, endsAt: null };
	const startsAt = localTimeToUtc(minutes.date, minutes.startTime, minutes.timezone);
	const endsAt = minutes.endTime ? localTimeToUtc(minutes.date, minutes.endTime, minutes.timezone) : null;
	return { startsAt, endsAt };
}

// ---------------------------------------------------------------------------------------------
// Structure

/** "Compte-rendu", "Procès-verbal", "Ordre du jour"… lines that only name the document's parts. */
const STRUCTURAL = /^(?:#+\s*)?(?:compte[- ]rendu|proces[- ]verbal|releve de decisions|ordre du jour|minutes|agenda|회의록|회의 결과|안건|projet de compte[- ]rendu, non publie|회의록 초안 \(미공개\)|draft minutes, not published)\s*:?$/;
/** An export's heading over the text an earlier import did not recognise (export_unrecognised_heading, fr / ko / en). */
const UNRECOGNISED_HEADING = /^(?:#+\s*)?(?:texte repris tel quel \(non structure\)|원문 그대로 옮긴 텍스트 \(구조화되지 않음\)|text kept as written \(not structured\))\s*:?$/;
/** An export's heading over the meeting's actions (export_actions_heading). */
const ACTIONS_HEADING = /^(?:#+\s*)?(?:actions a suivre|후속 조치|follow-up actions)\s*:?$/;
const PARTICIPANTS_HEADING = /^(?:#+\s*)?(?:liste des participants|participants|presents|personnes presentes|attendees|list of participants|참석자(?: 명단)?)\s*:?$/;
const EXCUSED_LABEL = /^(?:#+\s*)?(excuse(?:e)?s|absents? excuses?|excused|apologies|불참자?)\s*(?::|-|–)?\s*/;
const TABLE_HEADER_WORDS = /^(?:organisme|organisation|structure|collectivite|institution|organization|prenom|nom|given name|family name|first name|last name|surname|name|기관|이름|성)$/;

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
function romanValue(text: string): number | null {
	if (!/^[IVXLC]+$/.test(text)) return null;
	let total = 0;
	for (let index = 0; index < text.length; index++) {
		const value = ROMAN[text[index]];
		const next = ROMAN[text[index + 1]] ?? 0;
		total += value < next ? -value : value;
	}
	return total;
}

/**
 * A numbered section heading: "1. Introduction", "I. Introduction", "1) Introduction",
 * "Point 1 – Introduction", "## 2. Rappel", "**3. Proposition**". Returns its number so only the
 * next number in sequence opens a section (a "1." inside an intervention's list does not).
 */
export function readSectionHeading(line: string): { number: number; numbering: string; title: string } | null {
	const text = unbold(line.replace(/^#+\s*/, '').trim());
	const match = /^((?:(?:point|item|section|partie|sujet|안건)\s+)?(\d{1,2}|[IVXLC]{1,6})\s*(?:[.)]|\s*[–—:-](?=\s)|(?=\s)))\s*(.+)$/iu.exec(text);
	if (!match) return null;
	const title = unbold(match[3]);
	if (title === '' || title.length > 300 || /^[\d\s]*$/u.test(title)) return null;
	const hasWord = /^(?:point|item|section|partie|sujet|안건)\s/i.test(match[1]);
	const punctuated = /[.)–—:-]\s*$/u.test(match[1].trim());
	// A bare "2 Rappel" is a heading only after a word ("Point 2 Rappel"); a time ("9h00") never is.
	if (!hasWord && !punctuated) return null;
	const number = /^\d+$/.test(match[2]) ? Number(match[2]) : romanValue(match[2].toUpperCase() === match[2] ? match[2] : '');
	if (number === null || number < 1) return null;
	return { number, numbering: match[1].trim(), title };
}

/** A decision line: "➔ …", "- ➞ **…**", "-> …", "=> …", "→ …". ⇒ is a decision only when not inside a list (see below). */
const DECISION_MARKER = /^(?:[-–•]\s*)?(\*\*\s*)?(➔|➞|➜|➙|➛|➝|➟|➠|➡|→|->|=>|⇒|⟹)\s*(.*)$/u;
/** A list item whose speaker was left empty ("- : text", as an export writes text said by nobody in particular). */
const SPEAKERLESS_ITEM = /^[-–•]\s*[:：]\s*(.*)$/u;

const NAME_PARTICLES = new Set(['de', 'du', 'des', 'd', 'la', 'le', 'van', 'von', 'der', 'den', 'el', 'al', 'ben', 'di', 'da', 'dos', 'y']);

function isNameWord(word: string): boolean {
	if (/^[\p{Script=Hangul}]{1,5}$/u.test(word)) return true;
	if (NAME_PARTICLES.has(word.toLowerCase().replace(/['’]$/, ''))) return true;
	// "Joon-Ho", "d'Estaing", "O'Neil", "ROUQUETTE", "Jean-Marc".
	return /^(?:[dDlL]['’])?\p{Lu}[\p{L}'’.-]*$/u.test(word);
}

/** A person's name as speakers are written: 1 to 5 capitalised words (or Hangul), at least one word with a capital. */
export function looksLikePersonName(text: string, options: { allowSingleWord: boolean }): boolean {
	const name = text.trim();
	if (name === '' || name.length > 80) return false;
	const words = name.split(/\s+/u);
	if (words.length > 5) return false;
	if (!words.every(isNameWord)) return false;
	if (!words.some((word) => /^[\p{Lu}\p{Script=Hangul}]/u.test(word))) return false;
	if (words.length === 1 && !options.allowSingleWord && !/^[\p{Script=Hangul}]{2,5}$/u.test(words[0])) return false;
	return true;
}

interface SpeakerLine {
	speaker: string;
	speakerTitle: string | null;
	text: string;
}

function splitNameAndTitle(segment: string): { speaker: string; speakerTitle: string | null } {
	const cleaned = segment.replace(/\s*:\s*$/u, '').trim();
	const comma = cleaned.search(/[,，(]/u);
	if (comma < 0) return { speaker: cleaned, speakerTitle: null };
	const speaker = cleaned.slice(0, comma).trim();
	let title = cleaned.slice(comma + 1).trim();
	if (cleaned[comma] === '(') title = title.replace(/\)\s*$/u, '').trim();
	return { speaker, speakerTitle: title === '' ? null : title };
}

/**
 * A speaker's line: "- **Name, title** : text", "**Name, title :**", "- Name, title : text",
 * "Name : text". Without bold, the name must look like a person's name, and a name of one word
 * only counts when the document's participants list (or bold) confirms it.
 */
export function readSpeakerLine(line: string, knownNames: ReadonlySet<string>): SpeakerLine | null {
	const text = line.replace(BULLET, '').trim();
	const bold = /^\*\*(.+?)\*\*\s*(?::|：)?\s*([\s\S]*)$/u.exec(text);
	if (bold) {
		const inner = bold[1].trim();
		const colonInside = /[:：]\s*$/u.test(inner);
		const colonOutside = /^\*\*.+?\*\*\s*[:：]/u.test(text);
		if (!colonInside && !colonOutside) return null;
		const { speaker, speakerTitle } = splitNameAndTitle(inner);
		if (!looksLikePersonName(speaker, { allowSingleWord: knownNames.has(nameKey(speaker)) })) return null;
		return { speaker, speakerTitle, text: bold[2].trim() };
	}
	const colon = /^([^:：]{2,400}?)\s*[:：]\s*([\s\S]*)$/u.exec(text);
	if (!colon) return null;
	const { speaker, speakerTitle } = splitNameAndTitle(colon[1]);
	const known = knownNames.has(nameKey(speaker));
	if (!looksLikePersonName(speaker, { allowSingleWord: known })) return null;
	// "Programme proposé :" has a lowercase word and never reaches here; a capitalised phrase without
	// a title and unknown to the participants list ("Deux Choix :") stays text.
	if (!known && speakerTitle === null && speaker.split(/\s+/u).length < 2) return null;
	return { speaker, speakerTitle, text: colon[2].trim() };
}

/** Names compared without accents, case or order of words. */
export function nameKey(name: string): string {
	return plain(name)
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim()
		.split(' ')
		.filter(Boolean)
		.sort()
		.join(' ');
}

/** Cells of a table row: tabs, a Markdown table's pipes, or runs of 2+ spaces. */
function tableCells(line: string): string[] | null {
	if (line.includes('\t')) return line.split('\t').map((cell) => cell.trim());
	const piped = /^\s*\|(.*)\|\s*$/u.exec(line);
	if (piped) return piped[1].split('|').map((cell) => cell.trim());
	if (/\S {2,}\S/u.test(line.trim())) return line.trim().split(/ {2,}/u).map((cell) => cell.trim());
	return null;
}

type Column = 'organisation' | 'givenName' | 'familyName';

function headerColumns(cells: string[]): Column[] | null {
	const columns: Column[] = [];
	for (const cell of cells) {
		const word = plain(cell).replace(/[^a-z가-힣 ]/g, '').trim();
		if (!TABLE_HEADER_WORDS.test(word)) return null;
		if (/^(?:organisme|organisation|structure|collectivite|institution|organization|기관)$/.test(word)) columns.push('organisation');
		else if (/^(?:prenom|given name|first name|이름)$/.test(word)) columns.push('givenName');
		else columns.push('familyName');
	}
	return new Set(columns).size === 3 && columns.length === 3 ? columns : null;
}

/**
 * "Jiae YANG (GAROK)", "Bertrand FORT – Dijon", "김지애 (GAROK)": a person written in running text.
 * The family name is the word in capitals (French custom), else the first word of a Hangul name,
 * else the last word.
 */
export function readPersonMention(text: string): ParsedParticipant | null {
	let rest = text.trim().replace(/[.;]$/u, '').trim();
	let organisation = '';
	const parenthesised = /^(.*?)\s*\(([^()]+)\)$/u.exec(rest);
	const dashed = /^(.*?)\s+[–—-]\s+(.+)$/u.exec(rest);
	if (parenthesised) [rest, organisation] = [parenthesised[1].trim(), parenthesised[2].trim()];
	else if (dashed) [rest, organisation] = [dashed[1].trim(), dashed[2].trim()];
	const comma = /^([^,]+),\s*(.+)$/u.exec(rest);
	if (!organisation && comma) [rest, organisation] = [comma[1].trim(), comma[2].trim()];
	if (!looksLikePersonName(rest, { allowSingleWord: false })) return null;
	const words = rest.split(/\s+/u);
	if (words.length === 1) {
		const hangul = /^([\p{Script=Hangul}])([\p{Script=Hangul}]+)$/u.exec(words[0]);
		if (hangul) return { organisation, familyName: hangul[1], givenName: hangul[2] };
		return { organisation, familyName: words[0], givenName: '' };
	}
	const capitals = words.filter((word) => /\p{L}/u.test(word) && word === word.toUpperCase() && /\p{Lu}/u.test(word));
	if (capitals.length > 0 && capitals.length < words.length) {
		const isCapital = (word: string) => capitals.includes(word);
		return { organisation, familyName: words.filter(isCapital).join(' '), givenName: words.filter((word) => !isCapital(word)).join(' ') };
	}
	if (/^[\p{Script=Hangul}]+$/u.test(words[0])) return { organisation, familyName: words[0], givenName: words.slice(1).join(' ') };
	return { organisation, familyName: words[words.length - 1], givenName: words.slice(0, -1).join(' ') };
}

// ---------------------------------------------------------------------------------------------
// The parser

type Region = 'preamble' | 'agenda' | 'participants' | 'excused' | 'unrecognised' | 'actions';

const ACTION_STATUS: Record<string, { status: ParsedActionStatus; language: 'fr' | 'ko' }> = {
	'à faire': { status: 'open', language: 'fr' },
	fait: { status: 'done', language: 'fr' },
	annulé: { status: 'cancelled', language: 'fr' },
	'진행 예정': { status: 'open', language: 'ko' },
	완료: { status: 'done', language: 'ko' },
	취소: { status: 'cancelled', language: 'ko' }
};

/**
 * An action line as the exports write it (see ParsedAction): "- description (owner, avant le date,
 * status)". Null for any other line; a due date that cannot be read makes it no action (kept as text).
 */
export function readActionLine(line: string): (Omit<ParsedAction, 'descriptionFr' | 'descriptionKo' | 'details'> & { description: string; details: string; language: 'fr' | 'ko' }) | null {
	const bullet = /^[-–•*]\s+(.*\))\s*$/u.exec(line);
	if (!bullet) return null;
	const text = bullet[1].normalize('NFC');
	let depth = 0;
	let open = -1;
	for (let index = text.length - 1; index >= 0; index--) {
		if (text[index] === ')') depth++;
		else if (text[index] === '(' && --depth === 0) {
			open = index;
			break;
		}
	}
	if (open <= 0) return null;
	const description = text.slice(0, open).trim();
	const details = text.slice(open + 1, -1).trim();
	if (description === '') return null;
	const parts = details.split(/,\s+/u);
	const status = ACTION_STATUS[parts.pop()!.trim()];
	if (!status) return null;
	let dueOn: string | null = null;
	const due = parts.length > 0 ? /^(?:avant le|기한)\s+(.+)$/u.exec(parts[parts.length - 1].trim()) : null;
	if (due) {
		dueOn = findDate(due[1]);
		if (!dueOn) return null;
		parts.pop();
	}
	const owner = parts.join(', ').trim();
	return { description, owner: owner === '' ? null : owner, dueOn, status: status.status, language: status.language, details };
}

/** Adds an action read from a line to a list; the Korean line right after its French twin completes it. */
function addAction(list: ParsedAction[], read: NonNullable<ReturnType<typeof readActionLine>>): void {
	const previous = list.at(-1);
	if (read.language === 'ko' && previous && previous.descriptionKo === '' && previous.descriptionFr !== '' && previous.details.length === 1 && /(?:à faire|fait|annulé)$/u.test(previous.details[0]) && previous.status === read.status && previous.dueOn === read.dueOn && (read.description === previous.descriptionFr || /\p{Script=Hangul}/u.test(read.description))) {
		// An export in both languages writes the French description again when no Korean one was written.
		if (read.description !== previous.descriptionFr) previous.descriptionKo = read.description;
		previous.details.push(read.details);
		return;
	}
	// The description's own script decides its language (a Korean export repeats a French-only one with Korean details).
	const language = /\p{Script=Hangul}/u.test(read.description) ? 'ko' : /\p{Script=Latin}/u.test(read.description) ? 'fr' : read.language;
	list.push({
		descriptionFr: language === 'fr' ? read.description : '',
		descriptionKo: language === 'ko' ? read.description : '',
		owner: read.owner,
		dueOn: read.dueOn,
		status: read.status,
		details: [read.details]
	});
}

/** Parses minutes text (see the module's comment). Never throws; an empty text gives an empty result. */
export function parseMinutes(input: string, options: ParseOptions = {}): ParsedMinutes {
	const defaultTimezone = options.defaultTimezone ?? PARIS_ZONE;
	const lines = splitLines(input).map((line) => line.replace(/\s+$/u, ''));
	const result: ParsedMinutes = {
		title: '',
		dateLine: null,
		date: null,
		startTime: null,
		endTime: null,
		timezone: defaultTimezone,
		timezoneAssumed: true,
		format: 'video',
		formatAssumed: true,
		headings: [],
		agenda: [],
		participants: [],
		excused: [],
		actions: [],
		unrecognised: []
	};

	// Names of the participants table, so "Millan :" or "김형진 :" is known as a speaker.
	const knownNames = new Set<string>();
	for (const line of lines) {
		const cells = tableCells(line);
		if (cells && cells.length === 3) {
			knownNames.add(nameKey(cells[2]));
			knownNames.add(nameKey(`${cells[1]} ${cells[2]}`));
		}
	}

	const readWhen = (line: string) => {
		const date = findDate(line);
		if (!date) return false;
		result.date = date;
		const times = findTimes(line.replace(/\b\d{1,2}(?:er)?\s+\p{L}+\.?\s+\d{4}\b|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s*[/.]\s*\d{1,2}\s*[/.]\s*\d{4}/u, ' '));
		result.startTime = times.start;
		result.endTime = times.end;
		const zone = findTimezone(line);
		if (zone) [result.timezone, result.timezoneAssumed] = [zone, false];
		const format = findFormat(line);
		if (format) [result.format, result.formatAssumed] = [format, false];
		return true;
	};

	let region: Region = 'preamble';
	let item: ParsedAgendaItem | null = null;
	let intervention: ParsedIntervention | null = null;
	/** A decision came after the current intervention: further plain text is no longer theirs. */
	let decisionSince = false;
	let pendingBlank = false;
	let previousLine = '';
	let columns: Column[] = ['organisation', 'givenName', 'familyName'];

	const appendText = (target: ParsedIntervention, line: string) => {
		target.text = target.text === '' ? line : `${target.text}${pendingBlank ? '\n\n' : '\n'}${line}`;
	};

	const readExcusedEntries = (text: string) => {
		for (const entry of text.split(/\s*[,;]\s*(?![^()]*\))/u)) {
			if (entry.trim() === '') continue;
			const person = readPersonMention(entry);
			if (person) result.excused.push(person);
			else result.unrecognised.push(entry.trim());
		}
	};

	for (const rawLine of lines) {
		const trimmed = rawLine.trim();
		if (trimmed === '') {
			pendingBlank = true;
			continue;
		}
		const simple = plain(unbold(trimmed.replace(BULLET, ''))).replace(/\s+/g, ' ');

		// The participants table and the excused list end the agenda, wherever they come.
		if (PARTICIPANTS_HEADING.test(simple)) {
			region = 'participants';
			result.headings.push(trimmed);
			[intervention, item] = [null, null];
			previousLine = trimmed;
			pendingBlank = false;
			continue;
		}
		const excusedLabel = EXCUSED_LABEL.exec(simple);
		if (excusedLabel && (region === 'participants' || region === 'excused' || simple.length === excusedLabel[0].length || /[:–-]/u.test(excusedLabel[0]))) {
			region = 'excused';
			[intervention, item] = [null, null];
			// The label itself is structure; names after it on the same line are the list.
			const labelEnd = trimmed.search(/[:–-]/u);
			const label = labelEnd >= 0 ? trimmed.slice(0, labelEnd + 1) : trimmed;
			result.headings.push(label.trim());
			const rest = labelEnd >= 0 ? trimmed.slice(labelEnd + 1) : '';
			if (rest.trim() !== '') readExcusedEntries(rest);
			previousLine = trimmed;
			pendingBlank = false;
			continue;
		}

		// An export's own headings: the text an import kept as unrecognised, and the meeting's actions.
		if (UNRECOGNISED_HEADING.test(simple) || ACTIONS_HEADING.test(simple)) {
			region = UNRECOGNISED_HEADING.test(simple) ? 'unrecognised' : 'actions';
			result.headings.push(trimmed);
			[intervention, item] = [null, null];
			previousLine = trimmed;
			pendingBlank = false;
			continue;
		}
		if (region === 'unrecognised' || region === 'actions') {
			const action = region === 'actions' ? readActionLine(trimmed) : null;
			if (action) addAction(result.actions, action);
			else result.unrecognised.push(trimmed);
			previousLine = trimmed;
			pendingBlank = false;
			continue;
		}

		if (region === 'participants' || region === 'excused') {
			const cells = tableCells(rawLine);
			const header = cells && headerColumns(cells);
			if (header) {
				columns = header;
				result.headings.push(trimmed);
			} else if (cells && cells.length === 3 && cells.some((cell) => cell !== '')) {
				const row = { organisation: '', givenName: '', familyName: '' };
				cells.forEach((cell, index) => (row[columns[index]] = cell));
				(region === 'excused' ? result.excused : result.participants).push(row);
			} else if (region === 'excused' && readPersonMention(trimmed.replace(BULLET, ''))) {
				result.excused.push(readPersonMention(trimmed.replace(BULLET, ''))!);
			} else {
				result.unrecognised.push(trimmed);
			}
			previousLine = trimmed;
			pendingBlank = false;
			continue;
		}

		const heading = readSectionHeading(trimmed);
		const expected = result.agenda.length + 1;
		if (heading && heading.number === expected) {
			item = { numbering: heading.numbering, title: heading.title, interventions: [], decisions: [], actions: [] };
			result.agenda.push(item);
			region = 'agenda';
			intervention = null;
			decisionSince = false;
		} else if (region === 'preamble') {
			if (result.date === null && findDate(trimmed)) {
				if (result.title === '' && !/^(?:\p{L}+\s+)?\d/u.test(simple) && !findTimes(trimmed).start && !findFormat(trimmed)) {
					// A first line holding a date but no times: "Réunion du 27 février 2024" — the title.
					result.title = unbold(trimmed.replace(/^#+\s*/, ''));
					readWhen(trimmed);
				} else {
					result.dateLine = trimmed;
					readWhen(trimmed);
				}
			} else if (STRUCTURAL.test(simple) || (result.dateLine !== null && findDate(trimmed) === result.date)) {
				// (The second: a bilingual export's date line again, in Korean — the same day.)
				result.headings.push(trimmed);
			} else if (result.title === '' && result.dateLine === null) {
				result.title = unbold(trimmed.replace(/^#+\s*/, ''));
			} else {
				result.unrecognised.push(trimmed);
			}
		} else if (item) {
			const decision = DECISION_MARKER.exec(trimmed);
			// ⇒ opens a list after "Programme proposé :" (as in the reference); elsewhere it concludes.
			const inList = decision && decision[2] === '⇒' && (/[:：]\s*\**$/u.test(previousLine) || /^(?:[-–•]\s*)?⇒/u.test(previousLine) || /^\s+[-–•]/u.test(previousLine));
			const decisionText = decision ? (decision[1] ? decision[3].replace(/\s*\*\*\s*$/u, '') : unbold(decision[3])) : '';
			const speakerLine = readSpeakerLine(trimmed, knownNames);
			const speakerless = SPEAKERLESS_ITEM.exec(trimmed);
			// An action as the exports write it under an item: a top-level bullet ending "(…, à faire)".
			const action = !speakerLine && !speakerless && !/^\s/u.test(rawLine) ? readActionLine(trimmed) : null;
			if (action) {
				addAction(item.actions, action);
				intervention = null;
				decisionSince = true;
			} else if (decision && !inList && decisionText.trim() !== '') {
				item.decisions.push(decisionText.trim());
				decisionSince = true;
			} else if (speakerless && speakerless[1].trim() !== '') {
				intervention = { speaker: null, speakerTitle: null, text: speakerless[1].trim() };
				item.interventions.push(intervention);
				decisionSince = false;
			} else if (speakerLine) {
				intervention = { speaker: speakerLine.speaker, speakerTitle: speakerLine.speakerTitle, text: speakerLine.text };
				item.interventions.push(intervention);
				decisionSince = false;
			} else if (intervention && !decisionSince) {
				appendText(intervention, rawLine);
			} else {
				intervention = { speaker: null, speakerTitle: null, text: rawLine.trimStart() };
				item.interventions.push(intervention);
				decisionSince = false;
			}
		}
		previousLine = rawLine;
		pendingBlank = false;
	}
	return result;
}

/**
 * The language the minutes are written in: Korean when their words (title, items, interventions,
 * decisions) hold more Hangul syllables than Latin letters, else French (the group's usual).
 */
export function minutesLanguage(minutes: Pick<ParsedMinutes, 'title' | 'agenda'>): 'fr' | 'ko' {
	const text = [minutes.title, ...minutes.agenda.flatMap((item) => [item.title, ...item.interventions.map((intervention) => intervention.text), ...item.decisions])].join(' ');
	const hangul = (text.match(/\p{Script=Hangul}/gu) ?? []).length;
	const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
	return hangul > latin ? 'ko' : 'fr';
}

/** Every field of parsed minutes that holds text of the input, in document order (tests, previews). */
export function minutesTextFields(minutes: ParsedMinutes): string[] {
	const fields = [minutes.title, minutes.dateLine ?? '', ...minutes.headings];
	for (const item of minutes.agenda) {
		fields.push(item.numbering, item.title);
		for (const intervention of item.interventions) fields.push(intervention.speaker ?? '', intervention.speakerTitle ?? '', intervention.text);
		fields.push(...item.decisions);
		for (const action of item.actions) fields.push(action.descriptionFr, action.descriptionKo, ...action.details);
	}
	for (const action of minutes.actions) fields.push(action.descriptionFr, action.descriptionKo, ...action.details);
	for (const person of [...minutes.participants, ...minutes.excused]) fields.push(person.organisation, person.familyName, person.givenName);
	fields.push(...minutes.unrecognised);
	return fields.filter((field) => field !== '');
}

/** The JSON of issue 4 §9 (the CLI's --json): instants in UTC, the zone, the structure, what was not recognised. */
export interface MinutesJson {
	title: string;
	startsAt: string | null;
	endsAt: string | null;
	timezone: string;
	format: ParsedFormat;
	agenda: { title: string; interventions: { speaker: string | null; speakerTitle: string | null; text: string }[]; decisions: string[]; actions: MinutesJsonAction[] }[];
	participants: ParsedParticipant[];
	excused: ParsedParticipant[];
	unrecognised: string[];
	/** Beyond §9: actions of the meeting not under an item (an export's "Actions à suivre"), so no text is lost. */
	actions: MinutesJsonAction[];
}

export interface MinutesJsonAction {
	description: { fr: string; ko: string };
	owner: string | null;
	dueOn: string | null;
	status: ParsedActionStatus;
}

function actionToJson(action: ParsedAction): MinutesJsonAction {
	return { description: { fr: action.descriptionFr, ko: action.descriptionKo }, owner: action.owner, dueOn: action.dueOn, status: action.status };
}

export function minutesToJson(minutes: ParsedMinutes): MinutesJson {
	const { startsAt, endsAt } = minutesInstants(minutes);
	return {
		title: minutes.title,
		startsAt,
		endsAt,
		timezone: minutes.timezone,
		format: minutes.format,
		agenda: minutes.agenda.map((item) => ({
			title: item.title,
			interventions: item.interventions.map((intervention) => ({ speaker: intervention.speaker, speakerTitle: intervention.speakerTitle, text: intervention.text })),
			decisions: [...item.decisions],
			actions: item.actions.map(actionToJson)
		})),
		participants: minutes.participants.map((person) => ({ ...person })),
		excused: minutes.excused.map((person) => ({ ...person })),
		unrecognised: [...minutes.unrecognised],
		actions: minutes.actions.map(actionToJson)
	};
}

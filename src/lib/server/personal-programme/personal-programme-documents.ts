/**
 * The two files of a personal programme (issue 6 §5): the calendar file, every item the delegate
 * attends in the host's zone with a real VTIMEZONE (the meetings' generator), one event per item
 * whose UID stays the same from one publication to the next and whose SEQUENCE rises, so a
 * calendar updates the events instead of adding them twice; and a PDF set in the minutes' fonts
 * (Noto Sans KR for Hangul, from .woff files) so Korean titles are drawn, not left blank.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import PDFDocument from 'pdfkit';
import { vtimezone, zonedInstant } from '../meetings/calendar';
import { writeRuns } from '../meetings/export/minutes-pdf';

export interface ProgrammeEntry {
	itemId: string;
	title: string;
	place: string | null;
	startsAt: string;
	endsAt: string;
	/** "Field visit (2nd choice)", "Common programme"… */
	note: string;
}

export interface ProgrammeDocument {
	forumId: string;
	personId: string;
	title: string;
	personName: string;
	hostTimezone: string;
	calendarSequence: number;
	/** Publication time: DTSTAMP. */
	stamp: string;
	url: string;
	entries: ProgrammeEntry[];
	/** The PDF's lines for each day: the day's heading, then "time — title" lines, in host time and Paris time. */
	days: { heading: string; lines: string[] }[];
	zoneNote: string;
}

/** The UID of one item in one delegate's calendar: the same in every publication. */
export function programmeItemUid(forumId: string, personId: string, itemId: string, hostname: string): string {
	return `programme-${forumId}-${personId}-${itemId}@${hostname}`;
}

/** The .ics text of a personal programme. */
export function personalProgrammeCalendar(document: ProgrammeDocument, hostname: string): string {
	const first = document.entries[0]?.startsAt ?? document.stamp;
	const calendar = ical({
		prodId: { company: 'Dari', product: 'programme', language: 'FR' },
		method: ICalCalendarMethod.PUBLISH,
		name: document.title,
		timezone: { name: null, generator: (timeZone) => vtimezone(timeZone, new Date(first)) }
	});
	for (const entry of document.entries) {
		calendar.createEvent({
			id: programmeItemUid(document.forumId, document.personId, entry.itemId, hostname),
			sequence: document.calendarSequence,
			stamp: new Date(document.stamp),
			start: zonedInstant(entry.startsAt),
			end: zonedInstant(entry.endsAt),
			timezone: document.hostTimezone,
			summary: entry.title,
			description: `${entry.note}\n${document.url}`,
			location: entry.place ?? undefined,
			url: document.url
		});
	}
	return calendar.toString();
}

const MARGIN = 56;

/** The PDF (bytes) of a personal programme: title, name, then each day with its items. */
export async function renderPersonalProgrammePdf(document: ProgrammeDocument): Promise<Uint8Array> {
	const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: document.title, Creator: 'Dari', Producer: 'Dari' }, displayTitle: true });
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
	const registered = new Set<string>();
	const width = doc.page.width - 2 * MARGIN;
	const write = (text: string, size: number, bold = false, gapAfter = 0.35) => {
		if (doc.y + size * 3 > doc.page.height - MARGIN) doc.addPage();
		writeRuns(doc, [{ text, bold }], { x: MARGIN, width, size, gapAfter }, registered);
	};
	write(document.title, 18, true, 0.4);
	write(document.personName, 13, true, 0.3);
	write(document.zoneNote, 10, false, 0.8);
	for (const day of document.days) {
		write(day.heading, 13, true, 0.3);
		for (const line of day.lines) write(line, 10.5);
		doc.moveDown(0.5);
	}
	doc.end();
	await ended;
	return new Uint8Array(Buffer.concat(chunks));
}

/**
 * A forum's visit-assignment instance (issue 6 §1), read from its programme and registrations.
 *
 * - Visits: the forum's field visits with a capacity, in programme order (start, end, id).
 * - Slots: visits whose time ranges overlap happen at the same time (a half-day): ranges are
 *   merged in start order, and each merged range is a slot, named `slot-1`, `slot-2`… in time order.
 *   A visit ending at 12:00 and one starting at 12:00 are in different slots.
 * - Delegates: the people of the registrations answering yes or maybe; a delegate is a person id.
 * - Preferences: each delegate's ranked choices, best first. A theme ranked r stands for every
 *   visit having that theme, in programme order, each taking the next position of the list; a
 *   visit already listed earlier is not repeated. So "1st choice: climate" with two climate visits
 *   gives them positions 1 and 2, and the next choice position 3: the rank the solver, the totals
 *   and the explanations use is this position. Choices of a visit without capacity are left out.
 * - Locks: the stored rows with locked = 1 of people still delegates, on visits still listed.
 */
import type { Locale } from '../../paraglide/runtime.js';
import type { VisitAssignmentInstance } from '../assignment/visit-assignment.types';
import { formatPersonName } from '../directory/person-name';
import type { Executor } from '../db/database';
import * as repository from './consolidation.repository';
import type { VisitAssignmentTable } from './consolidation.table';

export interface ConsolidationVisit {
	id: string;
	title: { fr: string; ko: string };
	startsAt: string;
	endsAt: string;
	capacity: number;
	slot: string;
	themes: string[];
}

export interface ConsolidationSlot {
	id: string;
	startsAt: string;
	endsAt: string;
}

export interface ConsolidationDelegate {
	personId: string;
	name: string;
	organisation: { id: string; name: Record<Locale, string> };
	isHead: boolean;
	/** Visit ids, best first, themes expanded (see above). */
	preferences: string[];
}

export interface ForumInstance {
	visits: ConsolidationVisit[];
	slots: ConsolidationSlot[];
	delegates: ConsolidationDelegate[];
	rows: VisitAssignmentTable[];
	instance: VisitAssignmentInstance;
}

/** Groups time ranges (sorted by start) into slots of overlapping ranges. */
export function groupIntoSlots(visits: readonly { id: string; startsAt: string; endsAt: string }[]): { slots: ConsolidationSlot[]; slotOf: Map<string, string> } {
	const sorted = [...visits].sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id < b.id ? -1 : 1));
	const slots: ConsolidationSlot[] = [];
	const slotOf = new Map<string, string>();
	for (const visit of sorted) {
		const last = slots.at(-1);
		if (last && new Date(visit.startsAt).getTime() < new Date(last.endsAt).getTime()) {
			if (visit.endsAt > last.endsAt) last.endsAt = visit.endsAt;
		} else {
			slots.push({ id: `slot-${slots.length + 1}`, startsAt: visit.startsAt, endsAt: visit.endsAt });
		}
		slotOf.set(visit.id, slots.at(-1)!.id);
	}
	return { slots, slotOf };
}

/** Expands ranked choices (a theme or a visit each) into visit ids, best first. */
export function expandPreferences(choices: readonly { themeKey: string | null; visitId: string | null }[], visits: readonly Pick<ConsolidationVisit, 'id' | 'themes'>[]): string[] {
	const known = new Set(visits.map((visit) => visit.id));
	const expanded: string[] = [];
	const add = (id: string) => {
		if (known.has(id) && !expanded.includes(id)) expanded.push(id);
	};
	for (const choice of choices) {
		if (choice.visitId) add(choice.visitId);
		else if (choice.themeKey) for (const visit of visits) if (visit.themes.includes(choice.themeKey)) add(visit.id);
	}
	return expanded;
}

export async function readForumInstance(db: Executor, forumId: string): Promise<ForumInstance> {
	const items = await repository.listCappedFieldVisits(db, forumId);
	const themes = await repository.listThemesOfItems(db, items.map((item) => item.id));
	const { slots, slotOf } = groupIntoSlots(items.map((item) => ({ id: item.id, startsAt: item.starts_at, endsAt: item.ends_at })));
	const visits: ConsolidationVisit[] = items.map((item) => ({
		id: item.id,
		title: { fr: item.title_fr || item.title_ko, ko: item.title_ko || item.title_fr },
		startsAt: item.starts_at,
		endsAt: item.ends_at,
		capacity: Number(item.capacity),
		slot: slotOf.get(item.id)!,
		themes: themes.filter((theme) => theme.programme_item_id === item.id).map((theme) => theme.theme_key).sort()
	}));

	const people = await repository.listDelegatesOfForum(db, forumId);
	const preferences = await repository.listPreferencesOfForum(db, forumId);
	const seen = new Set<string>();
	const delegates: ConsolidationDelegate[] = [];
	for (const person of people) {
		// A person in two registrations of the forum (unlikely) is one delegate, with their first delegation.
		if (seen.has(person.person_id)) continue;
		seen.add(person.person_id);
		const choices = preferences
			.filter((preference) => preference.delegate_id === person.delegate_id)
			.sort((a, b) => Number(a.rank) - Number(b.rank))
			.map((preference) => ({ themeKey: preference.theme_key, visitId: preference.programme_item_id }));
		delegates.push({
			personId: person.person_id,
			name: formatPersonName({ givenName: person.given_name, familyName: person.family_name, nameOrder: person.name_order }),
			organisation: { id: person.organisation_id, name: { fr: person.name_fr, ko: person.name_ko || person.name_fr, en: person.name_en || person.name_fr } },
			isHead: person.head_person_id === person.person_id,
			preferences: expandPreferences(choices, visits)
		});
	}

	const rows = (await repository.listAssignments(db, forumId)).map((row) => ({ ...row, rank: row.rank === null ? null : Number(row.rank), locked: Number(row.locked) }));
	const visitIds = new Set(visits.map((visit) => visit.id));
	const locked = rows.filter((row) => row.locked === 1 && seen.has(row.person_id) && visitIds.has(row.programme_item_id));
	return {
		visits,
		slots,
		delegates,
		rows,
		instance: {
			visits: visits.map((visit) => ({ id: visit.id, slot: visit.slot, capacity: visit.capacity })),
			delegates: delegates.map((delegate) => ({ id: delegate.personId, organisation: delegate.organisation.id, preferences: delegate.preferences })),
			locked: locked.map((row) => ({ delegate: row.person_id, visit: row.programme_item_id }))
		}
	};
}

/** Registrations as pages, e-mails and exports show them: with delegates and ranked preferences. */
import type { Executor } from '../db/database';
import { personNameOf } from './registration-forum';
import * as repository from './registration.repository';
import type { Interest } from './registration.table';

export interface DelegateView {
	personId: string;
	name: string;
	email: string | null;
	isHead: boolean;
	/** Form values (`theme:<key>`, `visit:<id>`), best first. */
	preferences: string[];
}

export interface RegistrationView {
	id: string;
	version: number;
	interest: Interest;
	headPersonId: string | null;
	needsInterpretation: boolean;
	needsDiet: string;
	needsAccess: string;
	expectations: string;
	delegates: DelegateView[];
	updatedAt: string;
}

/** Reads registrations with their delegates and preferences, as the pages and exports show them. */
export async function readRegistrations(db: Executor, forumId: string): Promise<Map<string, RegistrationView>> {
	const rows = await repository.listRegistrationsOfForum(db, forumId);
	const delegates = await repository.listDelegates(db, rows.map((row) => row.id));
	const preferences = await repository.listPreferences(db, delegates.map((delegate) => delegate.id));
	const views = new Map<string, RegistrationView>();
	for (const row of rows) {
		views.set(row.organisation_id, {
			id: row.id,
			version: Number(row.version),
			interest: row.interest,
			headPersonId: row.head_person_id,
			needsInterpretation: Number(row.needs_interpretation) === 1,
			needsDiet: row.needs_diet,
			needsAccess: row.needs_access,
			expectations: row.expectations,
			updatedAt: row.updated_at,
			delegates: delegates
				.filter((delegate) => delegate.registration_id === row.id)
				.map((delegate) => ({
					personId: delegate.person_id,
					name: personNameOf(delegate),
					email: delegate.email,
					isHead: delegate.person_id === row.head_person_id,
					preferences: preferences
						.filter((preference) => preference.delegate_id === delegate.id)
						.map((preference) => (preference.theme_key ? `theme:${preference.theme_key}` : `visit:${preference.programme_item_id}`))
				}))
		});
	}
	return views;
}

export async function readRegistration(db: Executor, forumId: string, organisationId: string): Promise<RegistrationView | null> {
	return (await readRegistrations(db, forumId)).get(organisationId) ?? null;
}

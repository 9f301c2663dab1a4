/**
 * The registration form's submission, shared by the organisation's page and the personal-link
 * page: read with the schema, saved by the service, and every refusal turned into what the page
 * shows (errors by the fields, what was typed kept; after a conflict, both versions).
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actor, LinkGuest } from '../auth/policy';
import { parseForm } from '../http/form';
import { refuse } from '../http/outcome';
import { registrationInputSchema } from './registration.schema';
import { mergeConflictValues, saveRegistration } from './registration.service';

export async function submitRegistration(
	event: RequestEvent,
	who: Actor | LinkGuest,
	target: { groupSlug: string; forumNumber: number; organisationId: string | null },
	/** Where to go after saving; `?saved=<version>` is added. */
	successPath: string
) {
	const form = await parseForm(event.request, registrationInputSchema);
	if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
	const result = await saveRegistration(event.locals.context, who, target.groupSlug, target.forumNumber, target.organisationId, form.data, { origin: event.url.origin });
	if (result.ok) {
		event.locals.wakeOutbox();
		const separator = successPath.includes('?') ? '&' : '?';
		redirect(303, `${successPath}${separator}saved=${result.value.version}`);
	}
	switch (result.reason) {
		case 'CONFLICT':
			return fail(409, { values: mergeConflictValues(form.values, result.stored), errors: {} as Record<string, string>, conflict: result.stored });
		case 'DEADLINE_PASSED':
			return fail(403, { values: form.values, errors: {} as Record<string, string>, deadlinePassed: true });
		case 'INVALID_FIELD':
			return fail(400, { values: form.values, errors: { [result.field ?? 'form']: 'invalid_choice' } });
		case 'EMAIL_TAKEN':
			return fail(400, { values: form.values, errors: { [result.field ?? 'form']: 'email_taken' } });
		case 'NOT_OPEN':
			return fail(409, { values: form.values, errors: {} as Record<string, string>, notOpen: true });
		default:
			refuse(event, result.reason);
	}
}

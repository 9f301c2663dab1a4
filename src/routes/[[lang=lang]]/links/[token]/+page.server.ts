import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { localizedPath } from '$lib/i18n/locale';
import { zoneChoices } from '$lib/format/time-zones';
import { parseForm } from '$lib/server/http/form';
import { refuse } from '$lib/server/http/outcome';
import { answerDatePoll, getDatePoll } from '$lib/server/polls/date-poll.service';
import { datePollAnswerSchema } from '$lib/server/polls/poll.schema';
import { viewerZone } from '$lib/server/meetings/viewer-zone';
import { MAX_PREFERENCES, NEW_PERSON_ROWS } from '$lib/server/registrations/registration.schema';
import { getRegistrationPage } from '$lib/server/registrations/registration.service';
import { submitRegistration } from '$lib/server/registrations/registration-submission';
import { openPersonalLink } from '$lib/server/registrations/reminder.service';

/**
 * /links/<token>: a person without an account fills their organisation's registration (issue 5 §6).
 * The token in the address is the only credential, checked on every request; unknown: 404,
 * expired: 410, each with its own page (+error.svelte beside this file).
 */
async function openLink(event: RequestEvent) {
	const opened = await openPersonalLink(event.locals.context, event.params.token);
	if (!opened.ok) error(opened.reason === 'EXPIRED' ? 410 : 404, opened.reason === 'EXPIRED' ? m.registration_link_expired_title() : m.registration_link_unknown_title());
	return opened.value;
}

export const load: PageServerLoad = async (event) => {
	// The token must not leak to another site through the Referer header (same-origin, not no-referrer:
	// with no-referrer the browser sends "Origin: null" and the form's POST is refused as cross-site),
	// nor stay in a shared cache.
	// Set here only: after a form action the load runs too, and a header may be set once.
	event.setHeaders({ 'referrer-policy': 'same-origin', 'cache-control': 'private, no-store' });
	const link = await openLink(event);
	const result = await getRegistrationPage(event.locals.context, link.guest, link.groupSlug, link.forumNumber, null);
	if (!result.ok) refuse(event, result.reason === 'CHOOSE_ORGANISATION' ? 'NOT_FOUND' : result.reason);
	const zone = viewerZone(event);
	// The forum's date poll, when it takes answers: the link answers it for its organisation too (issue 5 §6).
	const found = await getDatePoll(event.locals.context, link.guest, link.groupSlug, String(link.forumNumber));
	const poll = found.ok && found.value.poll?.acceptingAnswers ? found.value.poll : null;
	const answer = poll?.organisations.find((row) => row.organisation.id === link.guest.organisationId)?.answer ?? null;
	const datePoll = poll
		? { closesAt: poll.closesAt, options: poll.options.map((option) => ({ id: option.id, rank: option.rank, startsOn: option.startsOn, endsOn: option.endsOn })), choices: answer?.choices ?? {}, comment: answer?.comment ?? '' }
		: null;
	return { link: { personName: link.personName, expiresAt: link.expiresAt }, datePoll, registrationPage: result.value, viewerZone: zone, zones: zoneChoices(zone), newRows: NEW_PERSON_ROWS, maxPreferences: MAX_PREFERENCES };
};

export const actions: Actions = {
	register: async (event) => {
		const link = await openLink(event);
		return submitRegistration(event, link.guest, { groupSlug: link.groupSlug, forumNumber: link.forumNumber, organisationId: null }, localizedPath(event.locals.locale, `/links/${event.params.token}`));
	},
	answerPoll: async (event) => {
		const link = await openLink(event);
		const form = await parseForm(event.request, datePollAnswerSchema);
		if (!form.ok) return fail(400, { poll: true, values: form.values, errors: form.errors });
		const result = await answerDatePoll(event.locals.context, link.guest, link.groupSlug, String(link.forumNumber), { ...form.data, organisationId: link.guest.organisationId });
		if (!result.ok) {
			if (result.reason === 'POLL_CLOSED' || result.reason === 'POLL_NOT_OPEN') return fail(409, { poll: true, values: form.values, errors: { form: 'poll_closed' } });
			if (result.reason === 'INVALID_FIELD') return fail(400, { poll: true, values: form.values, errors: { [result.field ?? 'form']: 'invalid_choice' } });
			refuse(event, result.reason);
		}
		redirect(303, `${localizedPath(event.locals.locale, `/links/${event.params.token}`)}?answered=1#poll-heading`);
	}
};

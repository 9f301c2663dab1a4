import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { localizedPath } from '$lib/i18n/locale';
import { refuse } from '$lib/server/http/outcome';
import { findForumOfGroup, getPersonalProgramme, publishConsolidation, setOfferHours } from '$lib/server/personal-programme/personal-programme.service';
import { placeAction, placeActions } from './actions';

async function forumIdOf(event: RequestEvent) {
	const forumId = await findForumOfGroup(event.locals.context, event.params.slug!, event.params.number!);
	if (!forumId) error(404, m.error_not_found_title());
	return forumId;
}

const pagePath = (event: RequestEvent) => localizedPath(event.locals.locale, `/groups/${event.params.slug}/forums/${event.params.number}/my-programme`);

/** …/forums/2/my-programme: the signed-in delegate's programme; ?person=<id> for coordinators. */
export const load: PageServerLoad = async (event) => {
	const forumId = await forumIdOf(event);
	const person = event.url.searchParams.get('person');
	const result = await getPersonalProgramme(event.locals.context, event.locals.actor, forumId, person, { origin: event.url.origin });
	if (!result.ok) {
		if (result.reason === 'NOT_PUBLISHED' || result.reason === 'NOT_A_DELEGATE') return { view: null, refusal: result.reason, path: pagePath(event) };
		refuse(event, result.reason);
	}
	return { view: result.value, refusal: null, path: pagePath(event) };
};

const who = async (event: RequestEvent) => {
	const person = event.url.searchParams.get('person');
	return { viewer: event.locals.actor, forumId: await forumIdOf(event), back: person ? `${pagePath(event)}?person=${encodeURIComponent(person)}` : pagePath(event) };
};

export const actions: Actions = {
	withdraw: placeAction(placeActions.withdrawFromVisit, 'withdrawn', who),
	accept: placeAction(placeActions.acceptOffer, 'accepted', who),
	decline: placeAction(placeActions.declineOffer, 'declined', who),
	publish: async (event) => {
		const result = await publishConsolidation(event.locals.context, event.locals.actor, await forumIdOf(event), { origin: event.url.origin });
		if (!result.ok) {
			if (result.reason === 'NOT_COMPUTED') return fail(409, { refusal: 'NOT_COMPUTED' });
			refuse(event, result.reason);
		}
		redirect(303, `${pagePath(event)}?published=${result.value.emails}&delegates=${result.value.delegates}`);
	},
	offerHours: async (event) => {
		const typed = String((await event.request.formData()).get('offerHours') ?? '');
		const result = await setOfferHours(event.locals.context, event.locals.actor, await forumIdOf(event), Number(typed));
		if (!result.ok) {
			if (result.reason === 'INVALID') return fail(400, { offerHours: typed, errors: { offerHours: m.personal_programme_offer_hours_invalid() } });
			refuse(event, result.reason);
		}
		redirect(303, pagePath(event));
	}
};

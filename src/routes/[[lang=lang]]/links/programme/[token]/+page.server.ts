import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { localizedPath } from '$lib/i18n/locale';
import { refuse } from '$lib/server/http/outcome';
import { getPersonalProgramme, openProgrammeLink } from '$lib/server/personal-programme/personal-programme.service';
import { placeAction, placeActions } from '../../../groups/[slug]/forums/[number]/my-programme/actions';

/**
 * /links/programme/<token>: a delegate's personal programme through the link of their e-mail, for
 * people without an account. The token is the only credential, checked on every request.
 */
async function openLink(event: RequestEvent) {
	const opened = await openProgrammeLink(event.locals.context, event.params.token!);
	if (!opened.ok) error(404, m.error_not_found_title());
	return opened.value;
}

const pagePath = (event: RequestEvent) => localizedPath(event.locals.locale, `/links/programme/${event.params.token}`);

export const load: PageServerLoad = async (event) => {
	// same-origin, not no-referrer: with no-referrer the browser sends Origin: null with the page's
	// forms, which SvelteKit refuses as cross-site; other sites still never see the token.
	event.setHeaders({ 'referrer-policy': 'same-origin', 'cache-control': 'private, no-store' });
	const link = await openLink(event);
	const result = await getPersonalProgramme(event.locals.context, link.guest, link.forumId, null, { origin: event.url.origin });
	if (!result.ok) refuse(event, result.reason === 'NOT_PUBLISHED' || result.reason === 'NOT_A_DELEGATE' ? 'NOT_FOUND' : result.reason);
	return { view: result.value, path: pagePath(event) };
};

const who = async (event: RequestEvent) => {
	const link = await openLink(event);
	return { viewer: link.guest, forumId: link.forumId, back: pagePath(event) };
};

export const actions: Actions = {
	withdraw: placeAction(placeActions.withdrawFromVisit, 'withdrawn', who),
	accept: placeAction(placeActions.acceptOffer, 'accepted', who),
	decline: placeAction(placeActions.declineOffer, 'declined', who)
};

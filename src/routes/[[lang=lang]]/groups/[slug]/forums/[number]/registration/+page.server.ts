import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { zoneChoices } from '$lib/format/time-zones';
import { refuse } from '$lib/server/http/outcome';
import { viewerZone } from '$lib/server/meetings/viewer-zone';
import { MAX_PREFERENCES, NEW_PERSON_ROWS } from '$lib/server/registrations/registration.schema';
import { getRegistrationPage } from '$lib/server/registrations/registration.service';
import { submitRegistration } from '$lib/server/registrations/registration-submission';

/** /groups/<slug>/forums/<n>/registration: one's own organisation's; coordinators add ?organisation=<id>. */
export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const result = await getRegistrationPage(locals.context, locals.actor, params.slug, Number(params.number), url.searchParams.get('organisation'));
	if (!result.ok) {
		if (result.reason === 'CHOOSE_ORGANISATION') redirect(303, localizedPath(locals.locale, `/groups/${params.slug}/forums/${params.number}/registrations`));
		refuse(event, result.reason);
	}
	const zone = viewerZone(event);
	return { registrationPage: result.value, viewerZone: zone, zones: zoneChoices(zone), newRows: NEW_PERSON_ROWS, maxPreferences: MAX_PREFERENCES };
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, params, url } = event;
		const organisationId = url.searchParams.get('organisation');
		const path = localizedPath(locals.locale, `/groups/${params.slug}/forums/${params.number}/registration`) + (organisationId ? `?organisation=${encodeURIComponent(organisationId)}` : '');
		return submitRegistration(event, locals.actor, { groupSlug: params.slug, forumNumber: Number(params.number), organisationId }, path);
	}
};

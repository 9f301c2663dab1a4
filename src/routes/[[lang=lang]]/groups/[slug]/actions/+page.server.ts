import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { zoneChoices } from '$lib/format/time-zones';
import { parseForm } from '$lib/server/http/form';
import { unwrap } from '$lib/server/http/outcome';
import { getGroupActions, setActionStatus } from '$lib/server/meetings/actions.service';
import { viewerZone } from '$lib/server/meetings/viewer-zone';
import { ACTION_FILTERS, actionStatusSchema, type ActionFilter } from '$lib/server/meetings/minutes.schema';

export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const asked = url.searchParams.get('status') ?? 'open';
	const filter: ActionFilter = (ACTION_FILTERS as readonly string[]).includes(asked) ? (asked as ActionFilter) : 'open';
	const zone = viewerZone(event);
	return {
		page: unwrap(event, await getGroupActions(locals.context, locals.actor, params.slug, filter)),
		changed: url.searchParams.has('changed'),
		viewerZone: zone,
		zones: zoneChoices(zone),
		keep: (url.searchParams.has('status') ? { status: filter } : {}) as Record<string, string>
	};
};

export const actions: Actions = {
	status: async (event) => {
		const { locals, params, request, url } = event;
		const form = await parseForm(request, actionStatusSchema);
		if (!form.ok) return fail(400, { actionId: form.values.actionId ?? '', errors: form.errors });
		unwrap(event, await setActionStatus(locals.context, locals.actor, params.slug, form.data));
		const filter = url.searchParams.get('status') ?? 'open';
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/actions`)}?status=${encodeURIComponent(filter)}&changed=1`);
	}
};

import type { PageServerLoad } from './$types';
import { getGroupOverview } from '$lib/server/directory/directory.service';
import { unwrap } from '$lib/server/http/outcome';
import { listFormerMembers } from '$lib/server/directory/membership.service';

export const load: PageServerLoad = async (event) => {
	const filters = { kind: event.url.searchParams.get('kind') || null, region: event.url.searchParams.get('region') || null };
	return {
		filters,
		overview: unwrap(event, await getGroupOverview(event.locals.context, event.locals.actor, event.params.slug, filters)),
		former: unwrap(event, await listFormerMembers(event.locals.context, event.locals.actor, event.params.slug))
	};
};

import type { PageServerLoad } from './$types';
import { partnershipFiltersSchema } from '$lib/server/partnerships/partnership.schema';
import { listPartnerships } from '$lib/server/partnerships/partnership.service';
import { unwrap } from '$lib/server/http/outcome';

export const load: PageServerLoad = async (event) => {
	const { searchParams } = event.url;
	const filters = partnershipFiltersSchema.parse({
		status: searchParams.get('status') || undefined,
		kind: searchParams.get('kind') || undefined,
		theme: searchParams.get('theme') || undefined
	});
	return { filters, list: unwrap(event, await listPartnerships(event.locals.context, event.locals.actor, event.params.slug, filters)) };
};

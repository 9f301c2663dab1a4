import type { PageServerLoad } from './$types';
import { unwrap } from '$lib/server/http/outcome';
import { listPractices } from '$lib/server/practices/practice.service';

export const load: PageServerLoad = async (event) => {
	const filters = { theme: event.url.searchParams.get('theme') || null, country: event.url.searchParams.get('country') || null };
	return { library: unwrap(event, await listPractices(event.locals.context, event.locals.actor, event.params.slug, filters)) };
};

import type { PageServerLoad } from './$types';
import { searchDirectory } from '$lib/server/directory/search.service';
import { unwrap } from '$lib/server/http/outcome';

export const load: PageServerLoad = async (event) => {
	const query = event.url.searchParams.get('q') ?? '';
	return {
		results: unwrap(event, await searchDirectory(event.locals.context, event.locals.actor, event.params.slug, query))
	};
};

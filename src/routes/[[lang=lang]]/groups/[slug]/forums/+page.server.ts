import type { PageServerLoad } from './$types';
import { unwrap } from '$lib/server/http/outcome';
import { listForums } from '$lib/server/forums/forum.service';

export const load: PageServerLoad = async (event) => ({ list: unwrap(event, await listForums(event.locals.context, event.locals.actor, event.params.slug)) });

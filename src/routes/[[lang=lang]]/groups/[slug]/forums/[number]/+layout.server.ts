import type { LayoutServerLoad } from './$types';
import { unwrap } from '$lib/server/http/outcome';
import { getForumOfGroup } from '$lib/server/forums/forum.service';

/**
 * Every page of a forum (overview, programme, date poll, themes, registration) gets the group, the
 * forum and whether the viewer runs it through `await parent()`. Unknown number: 404.
 */
export const load: LayoutServerLoad = async (event) => {
	const { group, forum, canManageForum } = unwrap(event, await getForumOfGroup(event.locals.context, event.locals.actor, event.params.slug, event.params.number));
	return { forumGroup: group, forum, canManageForum };
};

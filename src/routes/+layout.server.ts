import type { LayoutServerLoad } from './$types';
import { pathWithoutLocale } from '$lib/i18n/locale';
import { listVisibleGroups } from '$lib/server/directory/directory.service';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const groups = await listVisibleGroups(locals.context, locals.actor);
	return {
		locale: locals.locale,
		user: locals.user && { name: locals.user.name, email: locals.user.email, isAdministrator: locals.user.isAdministrator },
		// The groups the visitor may open, with their role: the header's switcher, the home page and
		// the account page all read them from here (one query a page).
		groups: groups.map((group) => ({
			id: group.id,
			slug: group.slug,
			name: group.name,
			description: group.description,
			role: group.viewerRole
		})),
		pathWithoutLocale: pathWithoutLocale(url.pathname),
		search: url.search
	};
};

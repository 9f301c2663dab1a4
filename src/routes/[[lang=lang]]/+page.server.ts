import type { PageServerLoad } from './$types';
import { listVisibleGroups } from '$lib/server/directory/directory.service';

export const load: PageServerLoad = async ({ locals }) => {
	const groups = await listVisibleGroups(locals.context, locals.actor);
	const roles = locals.actor.kind === 'user' ? locals.actor.groupRoles : {};
	return {
		groups: groups.map((group) => ({
			slug: group.slug,
			name: group.name,
			description: group.description,
			role: locals.user?.isAdministrator ? 'administrator' : (roles[group.id] ?? null)
		}))
	};
};

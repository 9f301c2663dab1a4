import { sql } from 'kysely';
import type { ServiceContext } from '../shared/context';

/** Whether the database answers a trivial query. Public: it tells nothing but up or down. */
export async function checkHealth(context: ServiceContext): Promise<{ status: 'ok' | 'degraded'; database: 'ok' | 'unreachable' }> {
	try {
		await sql`select 1`.execute(context.db);
		return { status: 'ok', database: 'ok' };
	} catch {
		return { status: 'degraded', database: 'unreachable' };
	}
}

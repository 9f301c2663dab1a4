import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { Clock } from './clock';

/** What every service function needs from the running instance; never the request itself. */
export interface ServiceContext {
	db: Kysely<Database>;
	/** Keys the digests of tokens (sessions, links). */
	secret: string;
	clock: Clock;
}

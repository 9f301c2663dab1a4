import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import * as foundation from './2026-11-28-0001-foundation';
import * as themesAndOfficialCodes from './2026-11-28-0002-themes-and-official-codes';
import * as changeLogAndPhones from './2026-11-28-0003-change-log-and-phones';
import * as searchKeysMigration from './2026-11-28-0004-search-keys';
import * as trigramSearch from './2026-11-28-0005-trigram-search';
import * as partnershipsPracticesFiles from './2026-11-28-0006-partnerships-practices-files';
import * as searchOrderIndexes from './2026-11-28-0007-search-order-indexes';
import * as meetings from './2026-11-28-0008-meetings';
import * as outboxAttachments from './2026-11-28-0009-outbox-attachments';
import * as personEmailUnique from './2026-11-28-0010-person-email-unique';
import * as issue4Followups from './2026-11-28-0011-issue4-followups';
import * as forums from './2026-11-28-0012-forums';
import * as pollsAndConsultations from './2026-11-28-0013-polls-and-consultations';
import * as registrations from './2026-11-28-0014-registrations';
import * as visitAssignment from './2026-11-28-0015-visit-assignment';
import * as waitingLists from './2026-11-28-0016-waiting-lists';

/**
 * Migrations are listed in code rather than read from a folder, so that the built server, the CLI
 * and the tests all carry the same list. Names are timestamped: they sort in the order they apply.
 */
const migrations: Record<string, Migration> = {
	'2026-11-28-0001-foundation': foundation,
	'2026-11-28-0002-themes-and-official-codes': themesAndOfficialCodes,
	'2026-11-28-0003-change-log-and-phones': changeLogAndPhones,
	'2026-11-28-0004-search-keys': searchKeysMigration,
	'2026-11-28-0005-trigram-search': trigramSearch,
	'2026-11-28-0006-partnerships-practices-files': partnershipsPracticesFiles,
	'2026-11-28-0007-search-order-indexes': searchOrderIndexes,
	'2026-11-28-0008-meetings': meetings,
	'2026-11-28-0009-outbox-attachments': outboxAttachments,
	'2026-11-28-0010-person-email-unique': personEmailUnique,
	'2026-11-28-0011-issue4-followups': issue4Followups,
	'2026-11-28-0012-forums': forums,
	'2026-11-28-0013-polls-and-consultations': pollsAndConsultations,
	'2026-11-28-0014-registrations': registrations,
	'2026-11-28-0015-visit-assignment': visitAssignment,
	'2026-11-28-0016-waiting-lists': waitingLists
};

/** Every migration's name, in the order they apply. */
export const MIGRATION_NAMES = Object.keys(migrations).sort();

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
	const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
	const result = await migrator.migrateToLatest();
	if (result.error) throw result.error;
	return result;
}

/** Writes a directory change-log entry; call it inside the transaction of the change it records. */
import type { Executor } from '../db/database';
import { newId } from '../shared/identifier';
import { insertChangeLog } from './directory.repository';
import type { ChangeLogTable } from './directory.table';

export async function recordChange(
	db: Executor,
	entry: Omit<ChangeLogTable, 'id' | 'changes'> & { changes: Record<string, unknown> }
): Promise<void> {
	await insertChangeLog(db, { ...entry, id: newId(), changes: JSON.stringify(entry.changes) });
}

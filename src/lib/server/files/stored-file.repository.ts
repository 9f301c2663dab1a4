/** All SQL of uploaded files. Listing never reads the bytes; only a download does. */
import type { Executor } from '../db/database';
import type { StoredFileTable } from './stored-file.table';

export type StoredFileOwner = { type: StoredFileTable['owner_type']; id: string };
export type StoredFileSummary = Omit<StoredFileTable, 'content'>;

const SUMMARY_COLUMNS = ['id', 'group_id', 'owner_type', 'owner_id', 'file_name', 'media_type', 'size', 'caption', 'uploaded_by', 'uploaded_at'] as const;

export async function insertStoredFile(db: Executor, row: StoredFileTable): Promise<void> {
	// Both drivers take a Buffer for blob/bytea; a plain Uint8Array is refused by better-sqlite3.
	await db
		.insertInto('stored_file')
		.values({ ...row, content: Buffer.from(row.content.buffer, row.content.byteOffset, row.content.byteLength) })
		.execute();
}

/** One file with its bytes, only if it belongs to that owner (a document of another record is "not found"). */
export async function getStoredFile(db: Executor, owner: StoredFileOwner, fileId: string): Promise<StoredFileTable | undefined> {
	const row = await db
		.selectFrom('stored_file')
		.selectAll()
		.where('id', '=', fileId)
		.where('owner_type', '=', owner.type)
		.where('owner_id', '=', owner.id)
		.executeTakeFirst();
	if (!row) return undefined;
	return { ...row, size: Number(row.size), content: new Uint8Array(row.content) };
}

/** The files of one owner, oldest first, without their bytes. */
export async function listStoredFiles(db: Executor, owner: StoredFileOwner): Promise<StoredFileSummary[]> {
	const rows = await db
		.selectFrom('stored_file')
		.select(SUMMARY_COLUMNS)
		.where('owner_type', '=', owner.type)
		.where('owner_id', '=', owner.id)
		.orderBy('uploaded_at')
		.orderBy('file_name')
		.execute();
	return rows.map((row) => ({ ...row, size: Number(row.size) }));
}

export async function deleteStoredFile(db: Executor, owner: StoredFileOwner, fileId: string): Promise<boolean> {
	const result = await db
		.deleteFrom('stored_file')
		.where('id', '=', fileId)
		.where('owner_type', '=', owner.type)
		.where('owner_id', '=', owner.id)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export async function deleteStoredFilesOf(db: Executor, owner: StoredFileOwner): Promise<void> {
	await db.deleteFrom('stored_file').where('owner_type', '=', owner.type).where('owner_id', '=', owner.id).execute();
}

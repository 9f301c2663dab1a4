import type { Executor } from '../db/database';
import type { ForumTable } from './forum.table';

export type ForumRow = ForumTable;

/** A group's forum by its number ("2nd forum"), or undefined. */
export async function findForumByNumber(db: Executor, groupId: string, number: number): Promise<ForumRow | undefined> {
	return db.selectFrom('forum').selectAll().where('group_id', '=', groupId).where('number', '=', number).executeTakeFirst();
}

/** A forum by id, or undefined. */
export async function findForum(db: Executor, id: string): Promise<ForumRow | undefined> {
	return db.selectFrom('forum').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every forum of a group, newest edition first. */
export async function listForumsOfGroup(db: Executor, groupId: string): Promise<ForumRow[]> {
	return db.selectFrom('forum').selectAll().where('group_id', '=', groupId).orderBy('number', 'desc').execute();
}

export async function insertForum(db: Executor, row: ForumRow): Promise<void> {
	await db.insertInto('forum').values(row).execute();
}

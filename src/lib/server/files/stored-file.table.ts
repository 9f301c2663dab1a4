/** An uploaded file, kept in the database so that it is written with its owner or not at all. */
export interface StoredFileTable {
	id: string;
	group_id: string;
	owner_type: 'partnership' | 'good-practice';
	owner_id: string;
	file_name: string;
	media_type: string;
	size: number;
	caption: string;
	content: Uint8Array;
	uploaded_by: string | null;
	uploaded_at: string;
}

export interface FileTables {
	stored_file: StoredFileTable;
}

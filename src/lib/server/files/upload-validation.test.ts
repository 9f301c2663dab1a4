import { describe, expect, it } from 'vitest';
import { cleanFileName, detectUploadKind, MAX_UPLOAD_BYTES, readUpload, validateUpload } from './upload-validation';
import { downloadHeaders } from './download';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);
/** A minimal ZIP local header naming one entry, as a .docx starts. */
function zipWith(entry: string): Uint8Array {
	const name = text(entry);
	const header = new Uint8Array(30 + name.length);
	header.set([0x50, 0x4b, 0x03, 0x04]);
	header[26] = name.length;
	header.set(name, 30);
	return header;
}

describe('upload validation', () => {
	it('tells the type from the bytes', () => {
		expect(detectUploadKind(text('%PDF-1.7\n'))).toBe('pdf');
		expect(detectUploadKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('png');
		expect(detectUploadKind(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
		expect(detectUploadKind(new Uint8Array([...text('RIFF'), 0, 0, 0, 0, ...text('WEBPVP8 ')]))).toBe('webp');
		expect(detectUploadKind(zipWith('word/document.xml'))).toBe('docx');
		expect(detectUploadKind(zipWith('xl/workbook.xml'))).toBeNull();
		expect(detectUploadKind(text('<svg onload="alert(1)">'))).toBeNull();
	});

	it('refuses a wrong type, a misleading extension, an empty or too large file', () => {
		const candidate = (fileName: string, content: Uint8Array) => ({ fileName, size: content.byteLength, content });
		expect(validateUpload(candidate('accord.pdf', text('%PDF-1.4')), { allowed: 'documents' })).toMatchObject({ ok: true, value: { mediaType: 'application/pdf', fileName: 'accord.pdf' } });
		expect(validateUpload(candidate('accord.PDF', text('%PDF-1.4')), { allowed: 'documents' }).ok).toBe(true);
		expect(validateUpload(candidate('accord.docx', zipWith('word/document.xml')), { allowed: 'documents' })).toMatchObject({ ok: true, value: { kind: 'docx' } });
		expect(validateUpload(candidate('accord.pdf', text('%PDF-1.4')), { allowed: 'images' })).toEqual({ ok: false, reason: 'file_type' });
		expect(validateUpload(candidate('photo.pdf', bytes(0xff, 0xd8, 0xff, 0xe0)), { allowed: 'documents' })).toEqual({ ok: false, reason: 'file_type' });
		expect(validateUpload(candidate('page.html', text('<html>')), { allowed: 'documents' })).toEqual({ ok: false, reason: 'file_type' });
		expect(validateUpload(candidate('vide.pdf', new Uint8Array()), { allowed: 'documents' })).toEqual({ ok: false, reason: 'file_required' });
		expect(validateUpload({ fileName: 'scan.pdf', size: MAX_UPLOAD_BYTES + 1, content: null }, { allowed: 'documents' })).toEqual({ ok: false, reason: 'file_too_large' });
		const exactly = new Uint8Array(MAX_UPLOAD_BYTES);
		exactly.set(text('%PDF-'));
		expect(validateUpload(candidate('max.pdf', exactly), { allowed: 'documents' }).ok).toBe(true);
	});

	it('keeps a clean file name, and reads a posted file without reading one too large', async () => {
		expect(cleanFileName('C:\\Users\\me\\협약서 "final".pdf')).toBe('협약서 final.pdf');
		expect(cleanFileName('../../etc/passwd')).toBe('passwd');
		expect(await readUpload(new File([], ''))).toBeNull();
		expect(await readUpload('text')).toBeNull();
		const big = await readUpload(new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], 'big.pdf'));
		expect(big).toEqual({ fileName: 'big.pdf', size: MAX_UPLOAD_BYTES + 1, content: null });
	});

	it('sends files back as attachments that the browser may not sniff', () => {
		const headers = downloadHeaders({ fileName: '협약서.pdf', mediaType: 'application/pdf', size: 10 });
		expect(headers['content-disposition']).toBe(`attachment; filename="___.pdf"; filename*=UTF-8''%ED%98%91%EC%95%BD%EC%84%9C.pdf`);
		expect(headers['x-content-type-options']).toBe('nosniff');
	});
});

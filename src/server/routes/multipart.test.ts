import { describe, expect, it } from 'vitest';
import { readMultipart } from './multipart.js';

const pause = () => Promise.resolve();

describe('readMultipart', () => {
  it('reads the fields and files a browser sends, bytes exactly', async () => {
    const bytes = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7) % 256);
    // Line breaks and what looks like a boundary inside the file stay part of it.
    bytes.set(new TextEncoder().encode('\r\n--\r\n------WebKit\r\n\r\n'), 1000);
    const form = new FormData();
    form.set('mapping', '["fullName","ignore"]');
    form.set('file', new File([bytes], 'Connections.csv', { type: 'text/csv' }));
    const parts = await readMultipart(
      new Request('http://localhost/', { method: 'POST', body: form }),
      pause,
    );
    expect(parts?.map((p) => [p.name, p.fileName])).toEqual([
      ['mapping', null],
      ['file', 'Connections.csv'],
    ]);
    expect(new TextDecoder().decode(parts![0]!.bytes)).toBe('["fullName","ignore"]');
    expect(Buffer.compare(parts![1]!.bytes, bytes)).toBe(0);
  });

  it('answers null for a body that is not a multipart form, or is cut short', async () => {
    const post = (body: string, type: string) =>
      readMultipart(
        new Request('http://localhost/', { method: 'POST', body, headers: { 'content-type': type } }),
        pause,
      );
    expect(await post('{"file":1}', 'application/json')).toBeNull();
    expect(await post('file=1', 'multipart/form-data')).toBeNull();
    const cut = '--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nName\r\n';
    expect(await post(cut, 'multipart/form-data; boundary=b')).toBeNull();
    expect(await post(`${cut}--b--\r\n`, 'multipart/form-data; boundary="b"')).toMatchObject([
      { name: 'file', fileName: 'a.csv' },
    ]);
  });
});

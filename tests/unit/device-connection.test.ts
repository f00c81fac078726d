import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceConnection } from '../bench/device-connection';

/**
 * The benchmark's simulated devices read answers with DeviceConnection (tests/bench): a
 * server here writes its answers in pieces, with pauses so that each piece is its own read.
 */
const pause = () => new Promise((resolve) => setTimeout(resolve, 15));

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A server answering each request with `answer(request, socket)`; its port. */
async function serve(answer: (request: string, socket: Socket) => Promise<void>) {
  server = createServer((socket) => {
    socket.setNoDelay(true);
    let received = '';
    socket.on('data', (data) => {
      received += data.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/content-length: (\d+)/.exec(received)?.[1] ?? 0);
      if (received.length < end + 4 + length) return;
      const request = received;
      received = '';
      void answer(request, socket);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return (server?.address() as AddressInfo).port;
}

async function writeInPieces(socket: Socket, pieces: string[]) {
  for (const piece of pieces) {
    socket.write(piece);
    await pause();
  }
}

describe('a simulated device’s connection', () => {
  it('reads an answer whose head and body come in pieces, keeping the body’s last bytes', async () => {
    const requests: string[] = [];
    const port = await serve(async (request, socket) => {
      requests.push(request);
      const body = `{"changes":[${'x'.repeat(40)}],"next":${requests.length}}`;
      await writeInPieces(socket, [
        `HTTP/1.1 201 Created\r\nContent-Length: ${body.length}\r\n\r`,
        `\n${body.slice(0, 10)}`,
        body.slice(10, 20),
        body.slice(20),
      ]);
    });
    const connection = new DeviceConnection('127.0.0.1', port, 16);
    const first = await connection.request('POST', '/v1/sync/push', { a: 'b' }, '{"x":1}');
    expect(first).toEqual({ status: 201, tail: 'xxxxx],"next":1}' });
    // Kept alive: the next request goes on the same connection.
    const second = await connection.request('GET', '/v1/sync/pull?after=1', {});
    expect(second).toEqual({ status: 201, tail: 'xxxxx],"next":2}' });
    expect(requests[0]).toMatch(/^POST \/v1\/sync\/push HTTP\/1\.1\r\n/);
    expect(requests[0]).toContain('\r\na: b\r\ncontent-length: 7\r\n\r\n{"x":1}');
    expect(requests[1]).toMatch(/^GET \/v1\/sync\/pull\?after=1 HTTP\/1\.1\r\n/);
    connection.close();
  });

  it('keeps the whole of a body shorter than its tail', async () => {
    const port = await serve(async (_request, socket) => {
      await writeInPieces(socket, ['HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nab', 'cde']);
    });
    const connection = new DeviceConnection('127.0.0.1', port, 16);
    expect(await connection.request('GET', '/', {})).toEqual({ status: 200, tail: 'abcde' });
    connection.close();
  });

  it('refuses an answer without a length, and one cut off by the server', async () => {
    const port = await serve(async (request, socket) => {
      if (request.startsWith('GET /chunked')) {
        socket.write('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n');
      } else {
        socket.end('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\nonly some');
      }
    });
    const connection = new DeviceConnection('127.0.0.1', port, 16);
    await expect(connection.request('GET', '/chunked', {})).rejects.toThrow(
      'an answer without a Content-Length',
    );
    // A new connection is opened for the next request.
    await expect(connection.request('GET', '/cut', {})).rejects.toThrow(
      'the server closed the connection',
    );
    connection.close();
  });
});

import type { FastifyReply } from 'fastify';
import type { JsonPieces } from '../sync/log-cache';

/**
 * A JSON answer sent as the pieces it is made of, in one write to the socket (the response
 * is corked until its end), never joined into one buffer. A sync's answer is a page of tens
 * of kilobytes: joined, each was a new block of memory outside V8's heap, and a burst of a
 * district's syncs allocated so much of it that V8 ran a full collection of the heap for it
 * several times a second (--trace-gc: "external memory pressure").
 *
 * Fastify hands the response over here (hijack): the headers set so far (the protocol range,
 * protocol.ts) are sent with it, and onResponse hooks still run (metrics, the request log),
 * but onSend hooks do not; the only one (the console's security headers) is for the console's
 * pages.
 */
export function sendJsonPieces(reply: FastifyReply, pieces: JsonPieces): void {
  let length = 0;
  for (const piece of pieces) length += piece.length;
  reply.hijack();
  const response = reply.raw;
  for (const [name, value] of Object.entries(reply.getHeaders()))
    if (value !== undefined) response.setHeader(name, value);
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': length,
  });
  response.cork();
  for (const piece of pieces) response.write(piece);
  // end() uncorks: the head and every piece leave in one write.
  response.end();
}

import type { FastifyInstance } from 'fastify';
import { PROTOCOLS_HEADER, PROTOCOL_HEADER, PROTOCOL_VERSION, WORDS, say } from '../contract';
import { ServerError } from './errors';

/** The sync protocol versions a server takes: this build's alone, unless a test says. */
export interface ProtocolRange {
  min: number;
  max: number;
}

export const THIS_PROTOCOL: ProtocolRange = { min: PROTOCOL_VERSION, max: PROTOCOL_VERSION };

/** The routes a Hearth computer calls; the console and health checks speak no protocol. */
const DEVICE_ROUTES = /^\/v1\/(sync|device|devices)\//;

/**
 * The version handshake (contract/sync.ts): every answer names the range this server takes;
 * a computer's request outside it is refused before anything is read or written, with the
 * side that needs the update named. No header is version 1 (computers from before it).
 */
export function protocolHandshake(app: FastifyInstance, range: ProtocolRange): void {
  app.addHook('onRequest', async (request, reply) => {
    void reply.header(PROTOCOLS_HEADER, `${range.min}-${range.max}`);
    if (!DEVICE_ROUTES.test(request.url)) return;
    const sent = request.headers[PROTOCOL_HEADER];
    const version = sent === undefined ? 1 : Number(sent);
    if (!Number.isInteger(version))
      throw new ServerError(400, 'VALIDATION', say(WORDS.requestUnreadable));
    if (version < range.min) throw new ServerError(426, 'UPDATE_HEARTH', say(WORDS.updateHearth));
    if (version > range.max) throw new ServerError(426, 'SERVER_TOO_OLD', say(WORDS.serverTooOld));
  });
}

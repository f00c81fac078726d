import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { OneLineARequest } from '../../server/request-log';

/** A Fastify server logging through OneLineARequest into `lines`, as the district server does. */
function serverLoggingTo(lines: Record<string, unknown>[]) {
  const controller = new OneLineARequest();
  const app = Fastify({
    logger: { level: 'info', stream: { write: (line: string) => lines.push(JSON.parse(line)) } },
    logController: controller,
  });
  const seen: { request?: FastifyRequest; reply?: FastifyReply } = {};
  app.post('/v1/things', async (request, reply) => {
    Object.assign(seen, { request, reply });
    return reply.code(201).send({ ok: true });
  });
  return { app, controller, seen };
}

describe('the district server logs one line a request', () => {
  it('when it is answered, with its route, method, status and time, and none on arrival', async () => {
    const lines: Record<string, unknown>[] = [];
    const { app } = serverLoggingTo(lines);
    const reply = await app.inject({ method: 'POST', url: '/v1/things', payload: {} });
    expect(reply.statusCode).toBe(201);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request completed',
        req: expect.objectContaining({ method: 'POST', url: '/v1/things' }),
        res: { statusCode: 201 },
        responseTime: expect.any(Number),
      }),
    ]);
    await app.close();
  });

  it('at error level when the answer failed on its way out', async () => {
    const lines: Record<string, unknown>[] = [];
    const { app, controller, seen } = serverLoggingTo(lines);
    await app.inject({ method: 'POST', url: '/v1/things', payload: {} });
    if (!seen.request || !seen.reply) throw new Error('the route was not reached');
    lines.length = 0;
    controller.requestCompleted(new Error('socket closed'), seen.request, seen.reply);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        msg: 'request errored',
        req: expect.objectContaining({ method: 'POST' }),
        err: expect.objectContaining({ message: 'socket closed' }),
      }),
    ]);
    await app.close();
  });
});

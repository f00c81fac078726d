import type { FastifyReply } from 'fastify';
import { toCsv } from '../../contract';

/** A CSV the console downloads: more rows than this are left out, the newest kept. */
export const MAX_CSV_ROWS = 100_000;

/** Rows sent as a CSV file to save (contract/csv.ts keeps formulas out of spreadsheets). */
export const sendCsv = (reply: FastifyReply, fileName: string, rows: string[][]) =>
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(toCsv(rows));

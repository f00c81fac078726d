import { connect, type Socket } from 'node:net';

/** What a simulated device keeps of an answer: its status and its last bytes. */
export interface Answer {
  status: number;
  tail: string;
}

/**
 * Every connection reads into this one buffer: `onread` callbacks run one at a time on the
 * event loop, and each is done with the bytes before it returns.
 */
const READ_BUFFER = Buffer.alloc(64 * 1024);
const HEAD_END = '\r\n\r\n';

/**
 * One simulated device's kept-alive HTTP/1.1 connection to the district server, one request
 * at a time, keeping only the answer's status and its last `tailBytes` bytes.
 *
 * Written by hand, not node:http, for the benchmark's sake only: node:http hands every read
 * of the socket to JavaScript as a new buffer, and the 200 devices' answers (a page of a
 * school's changes each, some 60 MB a burst) then set off full garbage collections in the
 * benchmark's process during the measured bursts, taking the two cores from the server and
 * PostgreSQL that are being measured (`simulated_devices_cpu_ms_per_sync` doubled in some
 * runs). Reading into one reused buffer (`onread`) allocates nothing per read. It speaks just
 * what the server answers: a status line, headers with a Content-Length, the body; an answer
 * without a length is refused, and counts as an error.
 */
export class DeviceConnection {
  private socket: Socket | null = null;
  private waiting: {
    resolve: (answer: Answer) => void;
    reject: (error: Error) => void;
  } | null = null;
  /** The answer's head as read so far (latin1: headers are ASCII). */
  private head = '';
  private status = 0;
  /** Body bytes still to come; -1 while the head is being read. */
  private bodyLeft = -1;
  /** The body's last bytes: `tailFilled` of them, at the end of `tail`. */
  private readonly tail: Buffer;
  private tailFilled = 0;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly tailBytes: number,
  ) {
    this.tail = Buffer.alloc(tailBytes);
  }

  /** Send one request and wait for its whole answer. */
  request(method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: string) {
    if (this.waiting) return Promise.reject(new Error('one request at a time on a connection'));
    const lines = [`${method} ${path} HTTP/1.1`, `host: ${this.host}:${this.port}`];
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
    if (body !== undefined) lines.push(`content-length: ${Buffer.byteLength(body)}`);
    const text = `${lines.join('\r\n')}${HEAD_END}${body ?? ''}`;
    return new Promise<Answer>((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.head = '';
      this.bodyLeft = -1;
      this.tailFilled = 0;
      this.open().write(text);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private open(): Socket {
    if (this.socket && !this.socket.destroyed) return this.socket;
    const socket = connect({
      host: this.host,
      port: this.port,
      noDelay: true,
      onread: {
        buffer: READ_BUFFER,
        callback: (n, buffer) => {
          this.read(buffer, n);
          return true;
        },
      },
    });
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => {
      if (this.socket === socket) this.socket = null;
      this.fail(new Error('the server closed the connection'));
    });
    this.socket = socket;
    return socket;
  }

  private fail(error: Error): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(error);
  }

  private read(buffer: Uint8Array, n: number): void {
    const bytes = Buffer.from(buffer.buffer, buffer.byteOffset, n);
    let from = 0;
    if (this.bodyLeft < 0) {
      const seen = this.head.length;
      // Only the head is decoded; its end may be split between two reads.
      const here = bytes.indexOf(HEAD_END);
      this.head += bytes.toString('latin1', 0, here < 0 ? n : here + HEAD_END.length);
      const end = this.head.indexOf(HEAD_END);
      if (end < 0) return;
      const length = /\r\ncontent-length: *(\d+)/i.exec(this.head.slice(0, end));
      if (!length) {
        this.close();
        this.fail(new Error('an answer without a Content-Length'));
        return;
      }
      this.status = Number(this.head.slice(9, 12));
      this.bodyLeft = Number(length[1]);
      from = end + HEAD_END.length - seen;
    }
    this.keepTail(bytes.subarray(from, from + this.bodyLeft));
    this.bodyLeft -= Math.min(this.bodyLeft, n - from);
    if (this.bodyLeft > 0) return;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.resolve({
      status: this.status,
      tail: this.tail.toString('utf8', this.tailBytes - this.tailFilled),
    });
  }

  /** Keep the last `tailBytes` of the body, these bytes being its newest. */
  private keepTail(bytes: Buffer): void {
    if (bytes.length >= this.tailBytes) {
      bytes.copy(this.tail, 0, bytes.length - this.tailBytes);
      this.tailFilled = this.tailBytes;
      return;
    }
    this.tail.copy(this.tail, 0, bytes.length);
    bytes.copy(this.tail, this.tailBytes - bytes.length);
    this.tailFilled = Math.min(this.tailBytes, this.tailFilled + bytes.length);
  }
}

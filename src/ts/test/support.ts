// Test support: the repository root, and loopback servers that answer with exactly what a test gives them.
import { existsSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import * as path from 'node:path';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';

/** The repository root (the folder with generated/ and the parent pom), found from this file's place. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!(existsSync(path.join(dir, 'pom.xml')) && existsSync(path.join(dir, 'spec')) && existsSync(path.join(dir, 'generator-templates')))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no repository root above ${__dirname}`);
    dir = up;
  }
  return dir;
}

/** What one HTTP exchange does: answer with these bytes, or act on the raw socket. */
export type HttpAnswer = Uint8Array | ((socket: Socket, request: string) => void);

/**
 * An HTTP server on 127.0.0.1 with no library between the test and the wire: it reads one request (head and a
 * Content-Length body) and answers with the current answer's bytes, then closes.
 */
export class RawHttpServer {
  requests = 0;
  lastRequest = '';
  answer: HttpAnswer = new Uint8Array();
  private readonly server: Server;

  private constructor(server: Server) {
    this.server = server;
  }

  static async start(): Promise<RawHttpServer> {
    const s = new RawHttpServer(createServer());
    s.server.on('connection', (socket) => s.serve(socket));
    await new Promise<void>((resolve) => s.server.listen(0, '127.0.0.1', resolve));
    return s;
  }

  get url(): string {
    const a = this.server.address();
    if (a === null || typeof a === 'string') throw new Error('not listening');
    return `http://127.0.0.1:${a.port}`;
  }

  /** A response with exactly this status, these headers and body; Content-Length and Connection: close added when absent. */
  static response(status: number, headers: Readonly<Record<string, string>>, body: Uint8Array): Uint8Array {
    const names = Object.keys(headers).map((h) => h.toLowerCase());
    let head = `HTTP/1.1 ${status} Case\r\n`;
    for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
    if (!names.includes('content-length')) head += `Content-Length: ${body.length}\r\n`;
    if (!names.includes('connection')) head += 'Connection: close\r\n';
    return Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), Buffer.from(body)]);
  }

  private serve(socket: Socket): void {
    let buf = Buffer.alloc(0);
    let done = false;
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      if (done) return;
      buf = Buffer.concat([buf, chunk]);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buf.subarray(0, end).toString('latin1');
      const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      const need = m ? Number(m[1]) : 0;
      if (buf.length < end + 4 + need) return;
      done = true;
      this.requests++;
      this.lastRequest = buf.subarray(0, end + 4 + need).toString('utf8');
      const a = this.answer;
      if (typeof a === 'function') a(socket, this.lastRequest);
      else socket.end(Buffer.from(a));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** What the WebSocket server does with a request frame: reply text (with {{id}} replaced), or act on the socket. */
export type WsAnswer = string | ((socket: ServerSocket, frame: Record<string, unknown>) => void);

/** A WebSocket server on 127.0.0.1 that answers each request frame with the current answer. */
export class CaseWsServer {
  requests = 0;
  lastFrame: Record<string, unknown> = {};
  answer: WsAnswer = '';
  private constructor(private readonly wss: WebSocketServer) {}

  static async start(): Promise<CaseWsServer> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    const s = new CaseWsServer(wss);
    wss.on('connection', (socket) => {
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data)) as Record<string, unknown>;
        s.requests++;
        s.lastFrame = frame;
        const a = s.answer;
        if (typeof a === 'function') a(socket, frame);
        else socket.send(a.replaceAll('{{id}}', JSON.stringify(frame['id'])));
      });
    });
    return s;
  }

  get url(): string {
    const a = this.wss.address();
    if (a === null || typeof a === 'string') throw new Error('not listening');
    return `ws://127.0.0.1:${a.port}/ws-api/v3`;
  }

  close(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }
}

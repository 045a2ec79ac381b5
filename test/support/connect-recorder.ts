import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * An HTTPS proxy that only writes down where a client wanted to go (the CONNECT target) and
 * refuses. Pointing a tool's HTTPS_PROXY here shows, offline and at once, which AWS host it was
 * about to call.
 */
export async function startConnectRecorder(): Promise<{ url: string; targets: string[]; close(): Promise<void> }> {
  const targets: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let head = '';
    socket.on('data', (chunk) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      const match = /^CONNECT (\S+) HTTP/.exec(head);
      if (match?.[1]) targets.push(match[1]);
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    targets,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

// A network that never answers: a TCP server on 127.0.0.1 that accepts every connection, reads
// what it is sent and never writes a byte, like the VPNs, proxies and firewalls of issue 10.
// close() destroys the held sockets, so no test leaves a connection open.
import net from 'node:net';

export interface SilentServer {
  /** http://127.0.0.1:<port> */
  url: string;
  host: string;
  /** Connections accepted so far. */
  connections(): number;
  /** Connections the client has not closed yet: a request given up on must not stay open. */
  openConnections(): number;
  close(): Promise<void>;
}

export async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  const host = `127.0.0.1:${address.port}`;
  return {
    url: `http://${host}`,
    host,
    connections: () => accepted,
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

package dev.nightjar.connectors.github;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * MockWebServer writes headers and body separately; with Nagle on, each response stalls ~40 ms on the
 * client's delayed ACK. Hundreds of paged requests per test make that seconds, so accepted sockets
 * get TCP_NODELAY.
 */
final class NoDelayServerSockets extends ServerSocketFactory {

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new NoDelay();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return new NoDelay(port);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return new NoDelay(port, backlog, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return new NoDelay(port, backlog, address);
    }

    private static final class NoDelay extends ServerSocket {
        NoDelay() throws IOException {
        }

        NoDelay(int port) throws IOException {
            super(port);
        }

        NoDelay(int port, int backlog, InetAddress address) throws IOException {
            super(port, backlog, address);
        }

        @Override
        public Socket accept() throws IOException {
            Socket socket = super.accept();
            socket.setTcpNoDelay(true);
            return socket;
        }
    }
}

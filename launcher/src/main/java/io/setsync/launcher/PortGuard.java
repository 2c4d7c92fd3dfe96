package io.setsync.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Refuses to start when a port the stack needs is taken, naming the port and who wanted it. */
final class PortGuard {

  private PortGuard() {}

  static void requireFree(int port, String what, String variable) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new LaunchException(
          "Port "
              + port
              + " ("
              + what
              + ") is already in use. Stop whatever holds it, or choose another port with "
              + variable
              + "=<port>.");
    }
  }
}

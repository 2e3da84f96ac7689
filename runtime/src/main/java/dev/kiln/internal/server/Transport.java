package dev.kiln.internal.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/** Native epoll where Netty can load it, NIO everywhere else. */
enum Transport {
  EPOLL,
  NIO;

  static Transport best() {
    return Epoll.isAvailable() ? EPOLL : NIO;
  }

  EventLoopGroup eventLoops(int threads, String name) {
    DefaultThreadFactory threadFactory = new DefaultThreadFactory(name, true);
    return new MultiThreadIoEventLoopGroup(threads, threadFactory,
        this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
  }

  Class<? extends ServerChannel> serverChannel() {
    return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }
}

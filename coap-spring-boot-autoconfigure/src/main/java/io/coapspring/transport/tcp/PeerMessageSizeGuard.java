package io.coapspring.transport.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;

/**
 * Honours the peer's Max-Message-Size (RFC 8323 section 5.3.1): a message that Californium writes and that is
 * larger than the peer accepts is not sent; its write fails, which fails the exchange.
 *
 * @author CoAP Spring Boot team
 */
final class PeerMessageSizeGuard extends ChannelOutboundHandlerAdapter {

	private final PeerCapabilities peer;

	PeerMessageSizeGuard(PeerCapabilities peer) {
		this.peer = peer;
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
		if (msg instanceof ByteBuf buffer && buffer.readableBytes() > this.peer.getMaxMessageSize()) {
			int size = buffer.readableBytes();
			ReferenceCountUtil.release(msg);
			promise.setFailure(new MessageTooLargeException("message of " + size
					+ " bytes exceeds the peer's Max-Message-Size of " + this.peer.getMaxMessageSize()));
			return;
		}
		super.write(ctx, msg, promise);
	}

}

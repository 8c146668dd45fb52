package io.coapspring.transport.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;

/**
 * Honours the peer's Max-Message-Size (RFC 8323 section 5.3.1): a message that Californium writes and that is
 * larger than the peer accepts is not sent; its write fails, which fails the exchange. Also makes sure our CSM
 * is written before Californium's first message.
 *
 * @author CoAP Spring Boot team
 */
final class PeerMessageSizeGuard extends ChannelOutboundHandlerAdapter {

	private final CoapTcpSignaling settings;

	private final PeerCapabilities peer;

	PeerMessageSizeGuard(CoapTcpSignaling settings, PeerCapabilities peer) {
		this.settings = settings;
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
		if (this.peer.markCsmSent()) {
			// a client connector writes its first request as soon as the connection is made, which Netty may
			// report before channelActive: the CSM still goes first
			ctx.write(this.settings.csm());
		}
		super.write(ctx, msg, promise);
	}

}

package io.coapspring.transport.tcp;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RFC 8323 signaling of one connection, placed before Californium's own framer: sends our CSM as the first
 * message, splits the byte stream into frames (RFC 8323 section 3.2), answers signaling messages (code class 7)
 * itself and passes every other frame on unchanged.
 * <p>
 * Per RFC 8323 section 5.3 the peer's first message must be a CSM: any other first message, a CSM that does
 * not arrive within the CSM timeout, a CSM with an unknown critical option, a malformed frame and a frame
 * larger than our Max-Message-Size are answered with an Abort (7.05) with a diagnostic payload, and the
 * connection is closed. A Ping is answered with a Pong with its token (and Custody option), an Abort closes
 * the connection, a Release is noted (its sender closes the connection), and other signaling codes are
 * ignored. With a ping interval, a peer silent for that long is sent a Ping, and one silent for the idle
 * timeout is aborted ({@link ConnectionKeepAlive}).
 *
 * @author CoAP Spring Boot team
 */
final class CoapSignalingHandler extends ByteToMessageDecoder {

	private static final Logger logger = LoggerFactory.getLogger(CoapSignalingHandler.class);

	private final CoapTcpSignaling settings;

	private final PeerCapabilities peer;

	private boolean admitted;

	private boolean aborted;

	private @Nullable ScheduledFuture<?> csmTimer;

	private @Nullable ScheduledFuture<?> keepAliveTimer;

	private final ConnectionKeepAlive keepAlive;

	CoapSignalingHandler(CoapTcpSignaling settings, PeerCapabilities peer) {
		this.settings = settings;
		this.peer = peer;
		this.keepAlive = new ConnectionKeepAlive(settings.getPingInterval(), settings.getIdleTimeout());
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) throws Exception {
		TcpConnectionLimit limit = this.settings.getConnectionLimit();
		if (this.peer.markCsmSent()) {
			ctx.writeAndFlush(this.settings.csm());
		}
		if (limit != null && !limit.tryAcquire()) {
			abort(ctx, "too many connections (" + limit.getMaxConnections() + "), try again later", -1);
			return;
		}
		this.admitted = true;
		long timeout = this.settings.getCsmTimeout().toMillis();
		this.csmTimer = ctx.executor().schedule(() -> {
			if (!this.peer.isCsmReceived()) {
				abort(ctx, "no CSM received within " + timeout + " ms (RFC 8323 section 5.3)", -1);
			}
		}, timeout, TimeUnit.MILLISECONDS);
		long period = ConnectionKeepAlive.checkPeriod(this.settings.getPingInterval(), this.settings.getIdleTimeout())
			.toMillis();
		if (period > 0) {
			this.keepAliveTimer = ctx.executor()
				.scheduleWithFixedDelay(() -> keepAlive(ctx), period, period, TimeUnit.MILLISECONDS);
		}
		super.channelActive(ctx);
	}

	private void keepAlive(ChannelHandlerContext ctx) {
		if (this.aborted) {
			return;
		}
		switch (this.keepAlive.check(System.nanoTime())) {
			case CLOSE -> abort(ctx, "no message for " + this.settings.getIdleTimeout().toMillis() + " ms", -1);
			case PING -> ctx.writeAndFlush(Unpooled.wrappedBuffer(ConnectionKeepAlive.ping()));
			case NONE -> {
			}
		}
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) throws Exception {
		if (this.csmTimer != null) {
			this.csmTimer.cancel(false);
		}
		if (this.keepAliveTimer != null) {
			this.keepAliveTimer.cancel(false);
		}
		if (this.admitted) {
			this.admitted = false;
			TcpConnectionLimit limit = this.settings.getConnectionLimit();
			if (limit != null) {
				limit.release();
			}
		}
		super.channelInactive(ctx);
	}

	@Override
	protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
		this.keepAlive.received();
		while (in.isReadable()) {
			if (this.aborted) {
				in.skipBytes(in.readableBytes());
				return;
			}
			int start = in.readerIndex();
			int first = in.getUnsignedByte(start);
			int lengthNibble = first >>> 4;
			int tokenLength = first & 0x0F;
			int extendedLength = (lengthNibble < 13) ? 0 : (lengthNibble == 13) ? 1 : (lengthNibble == 14) ? 2 : 4;
			if (in.readableBytes() < 2 + extendedLength) {
				return;
			}
			long length = switch (extendedLength) {
				case 0 -> lengthNibble;
				case 1 -> in.getUnsignedByte(start + 1) + 13L;
				case 2 -> in.getUnsignedShort(start + 1) + 269L;
				default -> in.getUnsignedInt(start + 1) + 65805L;
			};
			if (tokenLength > 8) {
				abort(ctx, "token length " + tokenLength + " is reserved (RFC 8323 section 3.2)", -1);
				return;
			}
			int headerLength = 2 + extendedLength + tokenLength;
			long frameLength = headerLength + length;
			if (frameLength > this.settings.getMaxMessageSize()) {
				abort(ctx, "message of " + frameLength + " bytes exceeds the Max-Message-Size of "
						+ this.settings.getMaxMessageSize(), -1);
				return;
			}
			int code = in.getUnsignedByte(start + 1 + extendedLength);
			if (!this.peer.isCsmReceived() && code != SignalingMessages.CSM) {
				abort(ctx, "the first message must be a CSM (RFC 8323 section 5.3)", -1);
				return;
			}
			if (in.readableBytes() < frameLength) {
				return;
			}
			if ((code >>> 5) == 7) {
				byte[] frame = ByteBufUtil.getBytes(in.readSlice((int) frameLength));
				byte[] token = Arrays.copyOfRange(frame, headerLength - tokenLength, headerLength);
				signal(ctx, code, token, frame, headerLength);
			}
			else {
				out.add(in.readRetainedSlice((int) frameLength));
			}
		}
	}

	private void signal(ChannelHandlerContext ctx, int code, byte[] token, byte[] frame, int offset) {
		SignalingMessage message;
		try {
			message = SignalingMessage.decode(code, token, frame, offset);
		}
		catch (IllegalArgumentException ex) {
			abort(ctx, "malformed signaling message: " + ex.getMessage(), -1);
			return;
		}
		switch (code) {
			case SignalingMessages.CSM -> csm(ctx, message);
			case SignalingMessages.PING -> {
				if (supported(ctx, message, SignalingMessages.CUSTODY)) {
					ctx.writeAndFlush(
							Unpooled.wrappedBuffer(SignalingMessages.pong(token, message.has(SignalingMessages.CUSTODY))));
				}
			}
			case SignalingMessages.PONG -> this.peer.pong();
			case SignalingMessages.RELEASE -> logger.debug("Release from {}: {}", ctx.channel().remoteAddress(),
					message.diagnostic());
			case SignalingMessages.ABORT -> {
				logger.debug("Abort from {}: {}", ctx.channel().remoteAddress(), message.diagnostic());
				this.aborted = true;
				ctx.close();
			}
			default -> logger.debug("Ignored signaling code 7.{} from {}", code & 0x1F, ctx.channel().remoteAddress());
		}
	}

	private void csm(ChannelHandlerContext ctx, SignalingMessage message) {
		SignalingMessage.Option unsupported = message.unsupportedCriticalOption(SignalingMessages.BLOCK_WISE_TRANSFER);
		if (unsupported != null) {
			abort(ctx, "unsupported critical CSM option " + unsupported.number(), unsupported.number());
			return;
		}
		long maxMessageSize;
		try {
			maxMessageSize = message.maxMessageSize(this.peer.getMaxMessageSize());
		}
		catch (IllegalArgumentException ex) {
			abort(ctx, "Max-Message-Size longer than 4 bytes", SignalingMessages.MAX_MESSAGE_SIZE);
			return;
		}
		if (this.csmTimer != null) {
			this.csmTimer.cancel(false);
		}
		this.peer.csm(maxMessageSize, message.has(SignalingMessages.BLOCK_WISE_TRANSFER));
		logger.debug("CSM from {}: Max-Message-Size {}, Block-Wise-Transfer {}", ctx.channel().remoteAddress(),
				maxMessageSize, message.has(SignalingMessages.BLOCK_WISE_TRANSFER));
	}

	private boolean supported(ChannelHandlerContext ctx, SignalingMessage message, int known) {
		SignalingMessage.Option unsupported = message.unsupportedCriticalOption(known);
		if (unsupported != null) {
			abort(ctx, "unsupported critical option " + unsupported.number() + " in signal 7."
					+ (message.code() & 0x1F), -1);
			return false;
		}
		return true;
	}

	private void abort(ChannelHandlerContext ctx, String diagnostic, int badCsmOption) {
		if (this.aborted) {
			return;
		}
		this.aborted = true;
		logger.debug("Aborting connection with {}: {}", ctx.channel().remoteAddress(), diagnostic);
		ctx.writeAndFlush(Unpooled.wrappedBuffer(SignalingMessages.abort(diagnostic, badCsmOption)))
			.addListener(ChannelFutureListener.CLOSE);
	}

}
